import { weekdayOf } from '../dates';
import { WEEKDAYS_IT } from './format';
import { message, type Message } from './message';
import type { RiskSettings } from './settings';
import { withMessage } from './sentence';
import type { Indicator, MeasuredIndicator, RiskLevel, StudentRiskInput } from './types';

type Input = Pick<StudentRiskInput, 'asOf' | 'enrolledOn' | 'weeks' | 'attendanceEvents'>;

/**
 * Late entries and early exits per week of lessons, and the weekday they cluster on, if any
 * (a recurring Monday late entry says something a yearly count does not).
 * value = events per week with lessons.
 */
export function lateEntries(input: Input, settings: RiskSettings): Indicator {
  const m = measureLateEntries(input, settings);
  return withMessage(m, describeLateEntries(m));
}

/** `lateEntries` without its sentence (`describeLateEntries`). */
export function measureLateEntries(input: Input, settings: RiskSettings): MeasuredIndicator {
  const s = settings.lateEntries;
  const base = { key: 'late_entries', domain: 'frequenza' } as const;
  const events = input.attendanceEvents.filter(
    (e) => e.kind !== 'assenza' && e.date >= input.enrolledOn && e.date <= input.asOf,
  );
  let weeks = 0; // counted, not filtered into an array only to take its length
  for (const w of input.weeks) if (w.weekStart <= input.asOf && w.hoursHeld > 0) weeks++;
  const late = events.filter((e) => e.kind === 'entrata_posticipata').length;
  const early = events.length - late;
  const hours = events.reduce((a, e) => a + e.hours, 0);
  if (weeks < s.minWeeks)
    return { key: base.key, domain: base.domain, value: null, level: 'ok', details: { late, early, hours, weeks } };
  const perWeek = events.length / weeks;
  const level: RiskLevel = perWeek >= s.highPerWeek ? 'high' : perWeek >= s.attentionPerWeek ? 'attention' : 'ok';
  const byDay = new Array<number>(7).fill(0);
  for (const e of events) byDay[weekdayOf(e.date)]! += 1;
  const top = byDay.reduce((best, n, i) => (n > (byDay[best] ?? 0) ? i : best), 0);
  const pattern = (byDay[top] ?? 0) >= s.weekdayPatternMinEvents && (byDay[top] ?? 0) * 2 > events.length ? top : null;
  return {
    key: base.key,
    domain: base.domain,
    value: perWeek,
    level,
    details: { late, early, hours, weeks, weekday: pattern === null ? null : WEEKDAYS_IT[pattern] },
  };
}

export function describeLateEntries(m: MeasuredIndicator): Message {
  const d = m.details as { late: number; early: number; hours: number; weeks: number; weekday?: string | null };
  const late = message('explain.unit.lateEntry', { count: d.late });
  const early = message('explain.unit.earlyExit', { count: d.early });
  const weeks = message('explain.unit.week', { count: d.weeks });
  if (m.value === null) return message('explain.late_entries.not_computable', { late, early });
  if (d.late + d.early === 0) return message('explain.late_entries.none', { weeks });
  const params = { late, early, weeks, perWeek: m.value, hours: message('explain.unit.hourLost', { count: d.hours }) };
  // Stored as the Italian name (rows written before messages): the message carries its index.
  const weekday = d.weekday ? (WEEKDAYS_IT as readonly string[]).indexOf(d.weekday) : -1;
  return weekday >= 0
    ? message('explain.late_entries.some_weekday', { ...params, weekday })
    : message('explain.late_entries.some', params);
}
