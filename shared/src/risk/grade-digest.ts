import { dayNumber } from '../dates';
import type { GradeDigest, GradeEntry, StudentRiskInput } from './types';

/** A digest without grades. */
export const emptyGradeDigest = (): GradeDigest => ({
  subject: [],
  termSeq: [],
  n: [],
  sum: [],
  sx: [],
  sxx: [],
  sxy: [],
  sn: [],
  ssum: [],
  first: null,
  last: null,
  conduct: null,
});

/**
 * The digest of the grades up to `asOf`, in one pass in the grades' order (the sums follow it).
 * Day numbers are whole (dates), so for grades in quarters, halves or whole points every sum is
 * exact and the order cannot change a result.
 */
export function digestGrades(grades: GradeEntry[], asOf: string): GradeDigest {
  const d = emptyGradeDigest();
  const index = new Map<string, Map<number, number>>();
  let conduct: GradeEntry | undefined;
  for (const g of grades) {
    const v = g.value;
    if (v === null || g.date > asOf) continue;
    if (g.isConduct) {
      // The last of the conduct grades sorted (stably) by date, scrutinio after the others.
      if (
        conduct === undefined ||
        (g.date.localeCompare(conduct.date) || Number(g.kind === 'scrutinio') - Number(conduct.kind === 'scrutinio')) >=
          0
      )
        conduct = g;
      continue;
    }
    if (!g.inAverage) continue;
    let terms = index.get(g.subject);
    if (terms === undefined) index.set(g.subject, (terms = new Map()));
    let i = terms.get(g.termSeq);
    if (i === undefined) {
      i = d.subject.length;
      terms.set(g.termSeq, i);
      d.subject.push(g.subject);
      d.termSeq.push(g.termSeq);
      d.n.push(0);
      d.sum.push(0);
      d.sx.push(0);
      d.sxx.push(0);
      d.sxy.push(0);
      d.sn.push(0);
      d.ssum.push(0);
    }
    if (g.kind === 'scrutinio') {
      d.sn[i]! += 1;
      d.ssum[i]! += v;
      continue;
    }
    const x = dayNumber(g.date);
    d.n[i]! += 1;
    d.sum[i]! += v;
    d.sx[i]! += x;
    d.sxx[i]! += x * x;
    d.sxy[i]! += x * v;
    if (d.first === null || g.date < d.first) d.first = g.date;
    if (d.last === null || g.date > d.last) d.last = g.date;
  }
  if (conduct) d.conduct = { date: conduct.date, value: conduct.value!, termSeq: conduct.termSeq };
  if (d.first !== null) {
    // x from `first`: with x' = x − x0, Σx' = Σx − n·x0, Σx'² = Σx² − 2·x0·Σx + n·x0², Σx'y = Σxy − x0·Σy.
    // Every term is a whole number or a multiple of a quarter well below 2^53: still exact.
    const x0 = dayNumber(d.first);
    for (let i = 0; i < d.n.length; i++) {
      const n = d.n[i]!;
      d.sxx[i] = d.sxx[i]! - 2 * x0 * d.sx[i]! + n * x0 * x0;
      d.sx[i] = d.sx[i]! - n * x0;
      d.sxy[i] = d.sxy[i]! - x0 * d.sum[i]!;
    }
  }
  return d;
}

/** The input's own digest when the server gave one, otherwise its grades digested. */
export function gradeDigestOf(input: Pick<StudentRiskInput, 'asOf' | 'grades' | 'gradeDigest'>): GradeDigest {
  return input.gradeDigest ?? digestGrades(input.grades, input.asOf);
}
