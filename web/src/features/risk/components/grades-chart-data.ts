import type { StudentRisk } from '@primm/shared/contracts/risk';

/** The pass mark of Italian grades (1–10). */
export const PASS_MARK = 6;

export type SubjectSummary = { subject: string; count: number; average: number | null; belowPass: number };

/**
 * One subject's grades in date order, for a line against the pass line; grades without a value
 * (`NC`, judgements) are left out of the line but stay in the table. The summary gives each
 * subject's mean of numeric grades.
 */
export function shapeGradesChart(grades: StudentRisk['series']['grades'], subject: string) {
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
    };
  });
  return { data, subjects, passMark: PASS_MARK };
}
