import { formatNumber, plural, WEEKDAYS_IT, weekdayOf } from './format';
import type { RiskSettings } from './settings';
import { withSentence } from './sentence';
import type { Indicator, MeasuredIndicator, RiskLevel, StudentRiskInput } from './types';

type Input = Pick<StudentRiskInput, 'asOf' | 'enrolledOn' | 'weeks' | 'attendanceEvents'>;

/**
 * Late entries and early exits per week of lessons, and the weekday they cluster on, if any
 * (a recurring Monday late entry says something a yearly count does not).
 * value = events per week with lessons.
 */
export function lateEntries(input: Input, settings: RiskSettings): Indicator {
  const m = measureLateEntries(input, settings);
  return withSentence(m, explainLateEntries(m));
}

/** `lateEntries` without its sentence (`explainLateEntries`). */
export function measureLateEntries(input: Input, settings: RiskSettings): MeasuredIndicator {
  const s = settings.lateEntries;
  const base = { key: 'late_entries', domain: 'frequenza' } as const;
  const events = input.attendanceEvents.filter(
    (e) => e.kind !== 'assenza' && e.date >= input.enrolledOn && e.date <= input.asOf,
  );
  const weeks = input.weeks.filter((w) => w.weekStart <= input.asOf && w.hoursHeld > 0).length;
  const late = events.filter((e) => e.kind === 'entrata_posticipata').length;
  const early = events.length - late;
  const hours = events.reduce((a, e) => a + e.hours, 0);
  if (weeks < s.minWeeks) return { key: base.key, domain: base.domain, value: null, level: 'ok', details: { late, early, hours, weeks } };
  const perWeek = events.length / weeks;
  const level: RiskLevel = perWeek >= s.highPerWeek ? 'high' : perWeek >= s.attentionPerWeek ? 'attention' : 'ok';
  const byDay = new Array<number>(7).fill(0);
  for (const e of events) byDay[weekdayOf(e.date)]! += 1;
  const top = byDay.reduce((best, n, i) => (n > (byDay[best] ?? 0) ? i : best), 0);
  const pattern = (byDay[top] ?? 0) >= s.weekdayPatternMinEvents && (byDay[top] ?? 0) * 2 > events.length ? top : null;
  return {
    key: base.key, domain: base.domain,
    value: perWeek,
    level,
    details: { late, early, hours, weeks, weekday: pattern === null ? null : WEEKDAYS_IT[pattern] },
  };
}

export function explainLateEntries(m: MeasuredIndicator): string {
  const d = m.details as { late: number; early: number; hours: number; weeks: number; weekday?: string | null };
  const counts = `${plural(d.late, 'entrata posticipata', 'entrate posticipate')} e ${plural(d.early, 'uscita anticipata', 'uscite anticipate')}`;
  if (m.value === null) return `${counts} finora: troppo poche settimane di lezione per valutarle.`;
  if (d.late + d.early === 0) return `Nessuna entrata posticipata né uscita anticipata in ${plural(d.weeks, 'settimana', 'settimane')} di lezione.`;
  const patternText = d.weekday ? `, per lo più di ${d.weekday}` : '';
  return `${counts} in ${plural(d.weeks, 'settimana', 'settimane')} di lezione (${formatNumber(m.value, 2)} a settimana, ${plural(d.hours, 'ora persa', 'ore perse')})${patternText}.`;
}
