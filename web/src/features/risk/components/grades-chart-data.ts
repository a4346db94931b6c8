import type { StudentRisk } from '@primm/shared/contracts/risk';

/** The pass mark of Italian grades (1–10). */
export const PASS_MARK = 6;

type Grades = StudentRisk['series']['grades'];

/**
 * A subject's numeric grades (`count`, their mean, how many under 6) and its grades without a
 * value (`unvalued`: religion's judgements, `NC`), which no average counts (DESIGN.md): "media —
 * su 0 voti" beside three judgements read as a fault (issue 19).
 */
export type SubjectSummary = {
  subject: string;
  count: number;
  average: number | null;
  belowPass: number;
  unvalued: number;
};

/**
 * One subject's grades in date order, for a line against the pass line; grades without a value
 * (`NC`, judgements) are left out of the line but stay in the table. The summary gives each
 * subject's mean of numeric grades.
 */
export function shapeGradesChart(grades: Grades, subject: string) {
  const selected = grades.find((g) => g.subject === subject);
  const data = (selected?.points ?? [])
    .filter((p): p is typeof p & { value: number } => p.value !== null)
    .toSorted((a, b) => a.date.localeCompare(b.date))
    .map((p) => ({ date: p.date, value: p.value, raw: p.raw }));
  const subjects: SubjectSummary[] = grades.map((g) => {
    const values = g.points.map((p) => p.value).filter((v): v is number => v !== null);
    return {
      subject: g.subject,
      count: values.length,
      average: values.length ? Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 100) / 100 : null,
      belowPass: values.filter((v) => v < PASS_MARK).length,
      unvalued: g.points.length - values.length,
    };
  });
  return { data, subjects, passMark: PASS_MARK };
}

/**
 * The subject the chart opens on: the weakest among those with a line to draw (at least two
 * numeric grades), the one a teacher looks at first; ties go to the one with more grades, then
 * the name. It opened on the first in alphabetical order, COMPORTAMENTO with one point (issue 19).
 */
export function defaultSubject(grades: Grades): string {
  const { subjects } = shapeGradesChart(grades, '');
  const ranked = subjects
    .filter((s) => s.count >= 2)
    .toSorted((a, b) => a.average! - b.average! || b.count - a.count || a.subject.localeCompare(b.subject));
  return ranked[0]?.subject ?? subjects.toSorted((a, b) => b.count - a.count)[0]?.subject ?? '';
}
