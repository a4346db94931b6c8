import { mean } from 'simple-statistics';
import { digestGrades } from './grade-digest';
import type { GradeDigest } from './types';
import type { GradeEntry } from './types';

export interface SubjectAverage {
  subject: string;
  average: number;
  termSeq: number;
  grades: number;
  /** True when the average is the class council's term grade (scrutinio). */
  fromScrutinio: boolean;
}

/**
 * Per subject, the average of the most recent term (≤ `termSeq`) that has grades for it; a
 * scrutinio grade of that term replaces the term's own grades (the council's decision wins).
 */
export function computeSubjectAverages(grades: GradeEntry[], asOf: string, termSeq: number): SubjectAverage[] {
  return subjectAveragesOf(digestGrades(grades, asOf), termSeq);
}

/** `computeSubjectAverages` from the grades' digest (subjects as written grouped by `subjectKey`). */
export function subjectAveragesOf(digest: GradeDigest, termSeq: number): SubjectAverage[] {
  // One pass: per subject, the sums of its latest term so far (a later term starts them again).
  // Found by a scan, not a Map: a student has a dozen subjects (see `groupOf`).
  const groups: Group[] = [];
  for (let i = 0; i < digest.subject.length; i++) {
    const term = digest.termSeq[i]!;
    if (term > termSeq) continue;
    const key = subjectKey(digest.subject[i]!);
    const t = groupOf(groups, key);
    if (t === undefined) {
      const group = {
        key,
        rank: 0,
        term,
        n: digest.n[i]!,
        sum: digest.sum[i]!,
        sn: digest.sn[i]!,
        ssum: digest.ssum[i]!,
      };
      groups.push(group);
    } else if (term > t.term) {
      t.term = term;
      t.n = digest.n[i]!;
      t.sum = digest.sum[i]!;
      t.sn = digest.sn[i]!;
      t.ssum = digest.ssum[i]!;
    } else if (term === t.term) {
      t.n += digest.n[i]!;
      t.sum += digest.sum[i]!;
      t.sn += digest.sn[i]!;
      t.ssum += digest.ssum[i]!;
    }
  }
  sortBySubject(groups);
  const result: SubjectAverage[] = [];
  for (const t of groups) {
    const fromScrutinio = t.sn > 0;
    result.push({
      subject: t.key,
      average: fromScrutinio ? t.ssum / t.sn : t.sum / t.n,
      termSeq: t.term,
      grades: fromScrutinio ? t.sn : t.n,
      fromScrutinio,
    });
  }
  return result;
}

/**
 * The group of `key`, by a scan from the last: a dozen subjects, and most comparisons are of one
 * string with itself (`subjectKey` gives one string per name). A Map per student, here and in
 * two indicators, was ≈ 8 % of the bytes a full recompute allocates (docs/performance-history.md §9).
 */
function groupOf(groups: Group[], key: string): Group | undefined {
  for (let g = groups.length - 1; g >= 0; g--) if (groups[g]!.key === key) return groups[g];
  return undefined;
}

interface Group {
  key: string;
  rank: number;
  term: number;
  n: number;
  sum: number;
  sn: number;
  ssum: number;
}

/**
 * The groups sorted by subject with `localeCompare`, stably, in place. Memoised as a rank per name:
 * a region sorts the subjects of every student (hundreds of thousands of times) over a few dozen
 * names, and `localeCompare` is slow. Names that compare equal share a rank, so the stable sort
 * keeps them in the same order as sorting by `localeCompare` itself. Each group takes its rank once
 * before sorting: the comparisons are then between numbers.
 */
function sortBySubject(groups: Group[]): void {
  let added = false;
  for (const { key } of groups) {
    if (ranks.has(key)) continue;
    if (names.length >= 10_000) {
      groups.sort((a, b) => a.key.localeCompare(b.key));
      return;
    }
    let lo = 0;
    let hi = names.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (names[mid]!.localeCompare(key) <= 0) lo = mid + 1;
      else hi = mid;
    }
    names.splice(lo, 0, key);
    ranks.set(key, -1);
    added = true;
  }
  if (added) {
    let rank = 0;
    for (let i = 0; i < names.length; i++) {
      if (i > 0 && names[i - 1]!.localeCompare(names[i]!) !== 0) rank++;
      ranks.set(names[i]!, rank);
    }
  }
  for (const g of groups) g.rank = ranks.get(g.key)!;
  // Insertion sort, stable as Array.prototype.sort: a dozen groups, where the built-in sort
  // copied them into a work array for every student.
  for (let i = 1; i < groups.length; i++) {
    const g = groups[i]!;
    let j = i - 1;
    for (; j >= 0 && groups[j]!.rank > g.rank; j--) groups[j + 1] = groups[j]!;
    groups[j + 1] = g;
  }
}
const names: string[] = [];
const ranks = new Map<string, number>();

// Memoised: a region has millions of grades over a few dozen subject names.
const subjectKeys = new Map<string, string>();
/** The name subjects are grouped by: `Matematica ` and `MATEMATICA` are one subject. */
function subjectKey(subject: string): string {
  let key = subjectKeys.get(subject);
  if (key === undefined) {
    key = subject.trim().toUpperCase();
    if (subjectKeys.size < 10_000) subjectKeys.set(subject, key);
  }
  return key;
}

/**
 * The student's overall average: the mean of the subject averages (as at a scrutinio), or null
 * without grades. The server computes `classAverages` with this same function.
 */
export function computeOverallAverage(grades: GradeEntry[], asOf: string, termSeq: number): number | null {
  return overallAverageOf(computeSubjectAverages(grades, asOf, termSeq));
}

/** `computeOverallAverage` from subject averages already computed (the engine computes them once). */
export function overallAverageOf(subjects: SubjectAverage[]): number | null {
  return subjects.length === 0 ? null : mean(subjects.map((s) => s.average));
}
