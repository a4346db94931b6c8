import type { CaseEffect } from '@primm/shared/contracts/cases';

export type EffectPoint = {
  weekStart: string;
  side: 'before' | 'after';
  attendancePct: number | null;
  average: number | null;
};

/**
 * The weeks around the first action for the chart (attendance in %, grade average) and the
 * before/after summary with the change: attendance in percentage points, the average in grade points.
 */
export function shapeCaseEffect(effect: CaseEffect) {
  const pct = (rate: number | null) => (rate === null ? null : round(rate * 100, 1));
  const data: EffectPoint[] = effect.weeks.map((w) => ({
    weekStart: w.weekStart,
    side: w.side,
    attendancePct: pct(w.attendanceRate),
    average: w.average === null ? null : round(w.average, 2),
  }));
  const before = {
    attendancePct: pct(effect.before.attendanceRate),
    average: effect.before.average === null ? null : round(effect.before.average, 2),
  };
  const after = {
    attendancePct: pct(effect.after.attendanceRate),
    average: effect.after.average === null ? null : round(effect.after.average, 2),
  };
  const diff = (a: number | null, b: number | null, digits: number) =>
    a === null || b === null ? null : round(b - a, digits);
  return {
    data,
    firstActionOn: effect.firstActionOn,
    before,
    after,
    change: {
      attendancePts: diff(before.attendancePct, after.attendancePct, 1),
      average: diff(before.average, after.average, 2),
    },
  };
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
