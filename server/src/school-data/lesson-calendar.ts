import { dayNumber, fromDayNumber, mondayOf, weekdayOfDay } from '@primm/shared/dates';
import type { LessonDay, WeekAttendance } from '@primm/shared/risk/types';

/**
 * The lesson calendar of a class, pure: which days have lessons and how many hours, from the
 * school's lesson period, its closures and the class timetable (hours Monday..Saturday).
 * Dates are ISO `yyyy-mm-dd` (date arithmetic: shared/src/dates.ts).
 */

export interface CalendarSpec {
  lessonsStart: string;
  lessonsEnd: string;
  closures: { startsOn: string; endsOn: string }[];
  /** Hours Monday..Saturday (`parseTimetable`); Sunday never has lessons. */
  timetable: number[];
}

/** Lesson days with their hours, in date order: in the lesson period, not closed, with hours. */
export function lessonDays(spec: CalendarSpec): LessonDay[] {
  const closed = spec.closures.map((c) => [dayNumber(c.startsOn), dayNumber(c.endsOn)] as const);
  const out: LessonDay[] = [];
  for (let n = dayNumber(spec.lessonsStart), end = dayNumber(spec.lessonsEnd); n <= end; n++) {
    const hours = spec.timetable[weekdayOfDay(n)] ?? 0;
    if (hours <= 0 || closed.some(([a, b]) => n >= a && n <= b)) continue;
    out.push({ date: fromDayNumber(n), hours });
  }
  return out;
}

/** Sum of the hours of the days in [from, to] (inclusive). */
export function hoursBetween(days: LessonDay[], from: string, to: string): number {
  let sum = 0;
  for (const d of days) if (d.date >= from && d.date <= to) sum += d.hours;
  return sum;
}

/**
 * One row per week (Monday start) from the week of `from` to the week of `to`: hours held on the
 * given lesson days and hours absent from the events, both within [from, to]. Holiday weeks stay
 * in with 0 hours held (the trend skips them; the chart shows them).
 */
export function weeksOf(
  held: LessonDay[],
  absences: { date: string; hours: number }[],
  from: string,
  to: string,
): WeekAttendance[] {
  if (to < from) return [];
  const weeks = new Map<string, WeekAttendance>();
  for (let n = dayNumber(mondayOf(from)), end = dayNumber(to); n <= end; n += 7) {
    const weekStart = fromDayNumber(n);
    weeks.set(weekStart, { weekStart, hoursHeld: 0, hoursAbsent: 0 });
  }
  for (const d of held) {
    const w = d.date >= from && d.date <= to ? weeks.get(mondayOf(d.date)) : undefined;
    if (w) w.hoursHeld += d.hours;
  }
  for (const e of absences) {
    const w = e.date >= from && e.date <= to ? weeks.get(mondayOf(e.date)) : undefined;
    if (w) w.hoursAbsent += e.hours;
  }
  return [...weeks.values()];
}

/** The 1-based term a date falls in: the last term started by then (the first before any). */
export function termSeqOf(terms: { seq: number; startsOn: string }[], date: string): number {
  let seq = terms[0]?.seq ?? 1;
  for (const t of terms) if (t.startsOn <= date) seq = t.seq;
  return seq;
}
