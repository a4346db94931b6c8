import { mean } from 'simple-statistics';
import type { GradeEntry } from './types';

export interface SubjectAverage {
  subject: string;
  average: number;
  termSeq: number;
  grades: number;
  /** True when the average is the class council's term grade (scrutinio). */
  fromScrutinio: boolean;
}

/** Grades that count: numeric, in the average, not conduct, not after `asOf`. */
export function countedGrades(grades: GradeEntry[], asOf: string): GradeEntry[] {
  return grades.filter((g) => g.value !== null && g.inAverage && !g.isConduct && g.date <= asOf);
}

/**
 * Per subject, the average of the most recent term (≤ `termSeq`) that has grades for it; a
 * scrutinio grade of that term replaces the term's own grades (the council's decision wins).
 */
export function computeSubjectAverages(grades: GradeEntry[], asOf: string, termSeq: number): SubjectAverage[] {
  const bySubject = new Map<string, GradeEntry[]>();
  for (const g of countedGrades(grades, asOf)) {
    if (g.termSeq > termSeq) continue;
    const key = g.subject.trim().toUpperCase();
    bySubject.set(key, [...(bySubject.get(key) ?? []), g]);
  }
  const result: SubjectAverage[] = [];
  for (const [subject, list] of [...bySubject].sort(([a], [b]) => a.localeCompare(b))) {
    const term = Math.max(...list.map((g) => g.termSeq));
    const ofTerm = list.filter((g) => g.termSeq === term);
    const scrutinio = ofTerm.filter((g) => g.kind === 'scrutinio');
    const used = scrutinio.length > 0 ? scrutinio : ofTerm;
    result.push({ subject, average: mean(used.map((g) => g.value as number)), termSeq: term, grades: used.length, fromScrutinio: scrutinio.length > 0 });
  }
  return result;
}

/**
 * The student's overall average: the mean of the subject averages (as at a scrutinio), or null
 * without grades. The server computes `classAverages` with this same function.
 */
export function computeOverallAverage(grades: GradeEntry[], asOf: string, termSeq: number): number | null {
  const subjects = computeSubjectAverages(grades, asOf, termSeq);
  return subjects.length === 0 ? null : mean(subjects.map((s) => s.average));
}
