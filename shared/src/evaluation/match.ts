import type { MatchedChange } from './did';
import type { Around } from './windows';

export type Measure = 'attendanceRate' | 'average';

export interface Measured {
  studentId: number;
  stratum: string;
  around: Around;
}

const changeOf = (a: Around, m: Measure): number | null =>
  a.before[m] === null || a.after[m] === null ? null : a.after[m]! - a.before[m]!;

/**
 * One treated student's change beside the mean change of the comparison students in the same
 * stratum (the caller passes only students measured on the same date, with no action of the
 * type). Null when the treated change is not measurable or nobody comparable has one.
 */
export function matchOne(
  treated: Measured,
  pool: readonly Measured[],
  measure: Measure,
): { change: MatchedChange; comparisonIds: number[] } | null {
  const own = changeOf(treated.around, measure);
  if (own === null) return null;
  const ids: number[] = [];
  let sum = 0;
  for (const p of pool) {
    if (p.stratum !== treated.stratum || p.studentId === treated.studentId) continue;
    const c = changeOf(p.around, measure);
    if (c === null) continue;
    ids.push(p.studentId);
    sum += c;
  }
  return ids.length === 0 ? null : { change: { treated: own, comparison: sum / ids.length }, comparisonIds: ids };
}
