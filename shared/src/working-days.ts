/**
 * Working days for answer deadlines between agencies (a PUA's first answer to a referral, a
 * municipality's acknowledgement of a report). Offices in Italy are closed on Saturdays, Sundays
 * and the national holidays of Law 260/1949 as amended (Law 54/1977, DPR 792/1985, Law 336/2000):
 * 1 January, 6 January, Easter Monday, 25 April, 1 May, 2 June, 15 August, 1 November,
 * 8 December, 25 and 26 December. A municipality's patron saint's day is a local holiday we do not
 * know per office, so it counts as a working day: a deadline may look due a day early there,
 * never late.
 */
import { addDays, dayNumber, fromDayNumber, weekdayOfDay } from './dates';

/** Easter Sunday of a Gregorian year (the anonymous "Meeus/Jones/Butcher" algorithm). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const FIXED_HOLIDAYS = ['01-01', '01-06', '04-25', '05-01', '06-02', '08-15', '11-01', '12-08', '12-25', '12-26'];

/** The national holidays of a year, as ISO dates (Easter Monday included). */
export function nationalHolidays(year: number): string[] {
  return [...FIXED_HOLIDAYS.map((md) => `${year}-${md}`), addDays(easterSunday(year), 1)].sort();
}

const holidaysByYear = new Map<number, Set<string>>();
function isHoliday(iso: string): boolean {
  const year = Number(iso.slice(0, 4));
  let set = holidaysByYear.get(year);
  if (!set) {
    set = new Set(nationalHolidays(year));
    holidaysByYear.set(year, set);
  }
  return set.has(iso);
}

/** Monday to Friday and not a national holiday. */
export function isWorkingDay(iso: string): boolean {
  return weekdayOfDay(dayNumber(iso)) < 5 && !isHoliday(iso);
}

/**
 * Working days after `from` up to and including `to` (0 when `to` is not after `from`): a referral
 * sent on Friday and still unanswered on Monday has waited 1 working day.
 */
export function workingDaysBetween(from: string, to: string): number {
  const end = dayNumber(to);
  let count = 0;
  for (let n = dayNumber(from) + 1; n <= end; n++) if (isWorkingDay(fromDayNumber(n))) count++;
  return count;
}

/** The date on which `days` working days after `from` have passed (the deadline day itself is a working day). */
export function addWorkingDays(from: string, days: number): string {
  let n = dayNumber(from);
  for (let left = days; left > 0;) {
    n++;
    if (isWorkingDay(fromDayNumber(n))) left--;
  }
  return fromDayNumber(n);
}

/** Overdue when more than `limit` working days have passed since `sentOn` without an answer by `today`. */
export function isOverdue(sentOn: string, today: string, limit: number): boolean {
  return workingDaysBetween(sentOn, today) > limit;
}
