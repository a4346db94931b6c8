import { message, type Message } from './message';
import type { RiskSettings } from './settings';
import { withMessage } from './sentence';
import type { Indicator, MeasuredIndicator, RiskLevel, StudentRiskInput } from './types';

type Input = Pick<StudentRiskInput, 'asOf' | 'enrolledOn' | 'weeks' | 'attendanceEvents' | 'heldLessonDays'>;

/**
 * Disengagement in progress (issue 18): a student who has stopped coming is level 3 at once,
 * whatever the year's average says. High when, deroghe excepted,
 * - the student missed at least `minShare` (80 %) of the hours of the last `windowWeeks` (2)
 *   weeks with lessons (holiday weeks skipped, the current week as far as it went), or
 * - the last `minConsecutiveDays` (5) lesson days up to today were missed entirely.
 * Hours in deroga (health, therapies… decided by the class council) are left out: a documented
 * illness is not disengagement. Family-justified absences count, as in chronic absence.
 * value = share of the window's hours missed (0–1); null with fewer weeks with lessons than the
 * window (the run of days is still checked).
 */
export function disengagement(input: Input, settings: RiskSettings): Indicator {
  const m = measureDisengagement(input, settings);
  return withMessage(m, describeDisengagement(m, settings));
}

export function measureDisengagement(input: Input, settings: RiskSettings): MeasuredIndicator {
  const s = settings.disengagement;
  const base = { key: 'disengagement', domain: 'frequenza' } as const;

  // Hours missed per day (whole days, late entries and early exits), deroghe excepted.
  // Two arrays, not a Map per student (as in subjectAveragesOf's groupOf): the events come in
  // date order, so `lastIndexOf` finds a day's events at the end.
  const missedDays: string[] = [];
  const missedHours: number[] = [];
  for (const e of input.attendanceEvents) {
    if (e.deroga !== null || e.date < input.enrolledOn || e.date > input.asOf) continue;
    const d = missedDays.lastIndexOf(e.date);
    if (d < 0) {
      missedDays.push(e.date);
      missedHours.push(e.hours);
    } else missedHours[d] = missedHours[d]! + e.hours;
  }

  // Whole lesson days missed in a row, back from the last lesson day up to today.
  let run = 0;
  let runFrom: string | null = null;
  for (let i = input.heldLessonDays.length - 1; i >= 0; i--) {
    const day = input.heldLessonDays[i]!;
    if (day.date > input.asOf) continue;
    const d = missedDays.lastIndexOf(day.date);
    if ((d < 0 ? 0 : missedHours[d]!) < day.hours) break;
    run += 1;
    runFrom = day.date;
  }

  const weeks = input.weeks.filter((w) => w.weekStart <= input.asOf && w.hoursHeld > 0).slice(-s.windowWeeks);
  let held = 0;
  let absent = 0;
  if (weeks.length >= s.windowWeeks) {
    const from = weeks[0]!.weekStart;
    for (const w of weeks) held += w.hoursHeld;
    for (let d = 0; d < missedDays.length; d++) if (missedDays[d]! >= from) absent += missedHours[d]!;
    absent = Math.min(absent, held);
  }
  const share = held > 0 ? absent / held : null;
  const level: RiskLevel = run >= s.minConsecutiveDays || (share !== null && share >= s.minShare) ? 'high' : 'ok';
  return {
    key: base.key,
    domain: base.domain,
    value: share,
    level,
    details: { weeks: weeks.length, hoursHeld: held, hoursAbsent: absent, daysInRow: run, inRowFrom: runFrom },
  };
}

export function describeDisengagement(m: MeasuredIndicator, settings: RiskSettings): Message {
  const s = settings.disengagement;
  const d = m.details as {
    weeks: number;
    hoursHeld: number;
    hoursAbsent: number;
    daysInRow: number;
    inRowFrom: string | null;
  };
  const weeks = message('explain.unit.week', { count: s.windowWeeks });
  if (d.daysInRow >= s.minConsecutiveDays && d.inRowFrom !== null && (m.value === null || m.value < s.minShare)) {
    return message('explain.disengagement.run', {
      days: message('explain.unit.day', { count: d.daysInRow }),
      from: d.inRowFrom,
      minDays: s.minConsecutiveDays,
    });
  }
  if (m.value === null) return message('explain.disengagement.not_computable', { weeks });
  if (m.level === 'high') {
    return message('explain.disengagement.share', {
      share: m.value,
      weeks,
      absent: d.hoursAbsent,
      held: d.hoursHeld,
      threshold: s.minShare,
    });
  }
  return message('explain.disengagement.ok', { weeks, share: m.value });
}
