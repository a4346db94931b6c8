import type { EffectRow } from '@primm/shared/contracts/what-works';

export interface IntervalPoint {
  label: string;
  estimate: number;
  low: number;
  high: number;
}

/** The published attendance estimates, in percentage points, and the axis that holds them and zero. */
export function attendanceIntervals(
  rows: readonly EffectRow[],
  labelOf: (row: EffectRow) => string,
): { points: IntervalPoint[]; min: number; max: number } {
  const points = rows
    .filter((r) => r.attendance !== null)
    .map((r) => ({
      label: labelOf(r),
      estimate: r.attendance!.estimate * 100,
      low: r.attendance!.low * 100,
      high: r.attendance!.high * 100,
    }));
  const extent = Math.max(1, ...points.flatMap((p) => [Math.abs(p.low), Math.abs(p.high)]));
  const bound = Math.ceil(extent);
  return { points, min: -bound, max: bound };
}
