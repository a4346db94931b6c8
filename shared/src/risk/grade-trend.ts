import { linearRegression, mean } from 'simple-statistics';
import { daysBetween, formatNumber, plural } from './format';
import type { RiskSettings } from './settings';
import { countedGrades } from './subject-averages';
import type { Indicator, RiskLevel, StudentRiskInput } from './types';

type Input = Pick<StudentRiskInput, 'asOf' | 'grades'>;

/**
 * Slope of the student's grades over time (simple-statistics linear regression) within subjects:
 * dates and grades are centred on each subject's means, so a month of hard subjects does not look
 * like a decline and the slope is the average trend of the subjects.
 * Scrutinio grades are summaries of the others and are left out.
 * value = grade points per 30 days.
 */
export function gradeTrend(input: Input, settings: RiskSettings): Indicator {
  const s = settings.grades;
  const base = { key: 'grade_trend', domain: 'rendimento' } as const;
  const grades = countedGrades(input.grades, input.asOf).filter((g) => g.kind !== 'scrutinio');
  const first = grades.reduce<string | null>((min, g) => (min === null || g.date < min ? g.date : min), null);
  const last = grades.reduce<string | null>((max, g) => (max === null || g.date > max ? g.date : max), null);
  const span = first && last ? daysBetween(first, last) : 0;
  if (grades.length < s.slopeMinGrades || span < s.slopeMinSpanDays || first === null) {
    return {
      ...base,
      value: null,
      level: 'ok',
      explanation: `${plural(grades.length, 'voto', 'voti')} in ${plural(span, 'giorno', 'giorni')}: troppo pochi per un andamento (ne servono ${s.slopeMinGrades} in almeno ${s.slopeMinSpanDays} giorni).`,
    };
  }
  // Centre days and grades within each subject: the slope is then the pooled within-subject slope.
  const bySubject = new Map<string, [number, number][]>();
  for (const g of grades) bySubject.set(g.subject, [...(bySubject.get(g.subject) ?? []), [daysBetween(first, g.date), g.value as number]]);
  const points: [number, number][] = [];
  for (const list of bySubject.values()) {
    const mx = mean(list.map(([x]) => x));
    const my = mean(list.map(([, y]) => y));
    for (const [x, y] of list) points.push([x - mx, y - my]);
  }
  if (points.every(([x]) => x === 0)) {
    return { ...base, value: null, level: 'ok', explanation: 'Un solo voto per materia: andamento non ancora calcolabile.' };
  }
  const slope = linearRegression(points).m * 30;
  const level: RiskLevel = slope <= s.slopeHighBelow ? 'high' : slope <= s.slopeAttentionBelow ? 'attention' : 'ok';
  const direction =
    Math.abs(slope) < 0.05
      ? 'voti stabili'
      : slope < 0
        ? `voti in calo di ${formatNumber(-slope, 2)} punti al mese`
        : `voti in crescita di ${formatNumber(slope, 2)} punti al mese`;
  return {
    ...base,
    value: slope,
    level,
    explanation: `Su ${plural(grades.length, 'voto', 'voti')} in ${plural(span, 'giorno', 'giorni')}: ${direction} (rispetto alla media di ogni materia).`,
    details: { grades: grades.length, spanDays: span },
  };
}
