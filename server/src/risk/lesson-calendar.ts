import type { LessonDay, WeekAttendance } from '@primm/shared/risk/types';

/**
 * The lesson calendar of a class, pure: which days have lessons and how many hours, from the
 * school's lesson period, its closures and the class timetable (hours Monday..Saturday).
 * Dates are ISO `yyyy-mm-dd`; internally whole days since 1970-01-01 (UTC, no time zones).
 */

const DAY_MS = 86_400_000;
export const toDayNumber = (iso: string): number => Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
// Memoised: the recompute turns the day of every grade and event into its date (millions of
// calls over a few hundred days); one shared string per day also saves the memory.
const isoDates = new Map<number, string>();
export function fromDayNumber(n: number): string {
  let iso = isoDates.get(n);
  if (iso === undefined) {
    iso = new Date(n * DAY_MS).toISOString().slice(0, 10);
    if (isoDates.size < 100_000) isoDates.set(n, iso);
  }
  return iso;
}
/** Monday 0 … Sunday 6 (1970-01-01 was a Thursday). */
const weekdayOf = (n: number): number => (n + 3) % 7;

// Memoised: the recompute asks this for every lesson day of every student (millions of calls on
// a region), over a few hundred distinct dates.
const mondays = new Map<string, string>();
export function mondayOf(iso: string): string {
  let monday = mondays.get(iso);
  if (monday === undefined) {
    const n = toDayNumber(iso);
    monday = fromDayNumber(n - weekdayOf(n));
    if (mondays.size < 100_000) mondays.set(iso, monday);
  }
  return monday;
}

export interface CalendarSpec {
  lessonsStart: string;
  lessonsEnd: string;
  closures: { startsOn: string; endsOn: string }[];
  /** Hours Monday..Saturday (`parseTimetable`); Sunday never has lessons. */
  timetable: number[];
}

/** Lesson days with their hours, in date order: in the lesson period, not closed, with hours. */
export function lessonDays(spec: CalendarSpec): LessonDay[] {
  const closed = spec.closures.map((c) => [toDayNumber(c.startsOn), toDayNumber(c.endsOn)] as const);
  const out: LessonDay[] = [];
  for (let n = toDayNumber(spec.lessonsStart), end = toDayNumber(spec.lessonsEnd); n <= end; n++) {
    const hours = spec.timetable[weekdayOf(n)] ?? 0;
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
export function weeksOf(held: LessonDay[], absences: { date: string; hours: number }[], from: string, to: string): WeekAttendance[] {
  if (to < from) return [];
  const weeks = new Map<string, WeekAttendance>();
  for (let n = toDayNumber(mondayOf(from)), end = toDayNumber(to); n <= end; n += 7) {
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
