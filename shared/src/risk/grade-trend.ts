import { linearRegression, mean } from 'simple-statistics';
import { dayNumber, daysBetween, formatNumber, plural } from './format';
import type { RiskSettings } from './settings';
import type { GradeEntry, Indicator, RiskLevel, StudentRiskInput } from './types';

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
  // One pass (no intermediate arrays: this runs for every student of a region) over the counted
  // grades without scrutinio, grouped by subject as written, in order of first appearance.
  const bySubject = new Map<string, GradeEntry[]>();
  let count = 0;
  let first: string | null = null;
  let last: string | null = null;
  for (const g of input.grades) {
    if (g.value === null || !g.inAverage || g.isConduct || g.date > input.asOf || g.kind === 'scrutinio') continue; // countedGrades
    count++;
    if (first === null || g.date < first) first = g.date;
    if (last === null || g.date > last) last = g.date;
    const list = bySubject.get(g.subject);
    if (list) list.push(g);
    else bySubject.set(g.subject, [g]);
  }
  const span = first && last ? daysBetween(first, last) : 0;
  if (count < s.slopeMinGrades || span < s.slopeMinSpanDays || first === null) {
    return {
      key: base.key, domain: base.domain,
      value: null,
      level: 'ok',
      explanation: `${plural(count, 'voto', 'voti')} in ${plural(span, 'giorno', 'giorni')}: troppo pochi per un andamento (ne servono ${s.slopeMinGrades} in almeno ${s.slopeMinSpanDays} giorni).`,
    };
  }
  // Centre days and grades within each subject: the slope is then the pooled within-subject slope.
  const firstDay = dayNumber(first);
  const points: [number, number][] = [];
  let allAtMean = true;
  for (const list of bySubject.values()) {
    const xs = list.map((g) => Math.round(dayNumber(g.date) - firstDay)); // daysBetween(first, g.date)
    const ys = list.map((g) => g.value as number);
    const mx = mean(xs);
    const my = mean(ys);
    for (let i = 0; i < xs.length; i++) {
      const x = xs[i]! - mx;
      if (x !== 0) allAtMean = false;
      points.push([x, ys[i]! - my]);
    }
  }
  if (allAtMean) {
    return { key: base.key, domain: base.domain, value: null, level: 'ok', explanation: 'Un solo voto per materia: andamento non ancora calcolabile.' };
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
    key: base.key, domain: base.domain,
    value: slope,
    level,
    explanation: `Su ${plural(count, 'voto', 'voti')} in ${plural(span, 'giorno', 'giorni')}: ${direction} (rispetto alla media di ogni materia).`,
    details: { grades: count, spanDays: span },
  };
}
