/**
 * Calendar arithmetic on ISO dates (`yyyy-mm-dd`), the one place for it on every side. In UTC, so
 * no time zone shifts a day; internally whole days since 1970-01-01 ("day numbers"), cheap to
 * compare and iterate. The memoised functions are called millions of times by the regional
 * recompute over a few hundred distinct dates.
 */

export const DAY_MS = 86_400_000;

const dayNumbers = new Map<string, number>();
/** Whole days since 1970-01-01 (UTC); NaN for a string that is not a date. Memoised: `Date.parse` is most of a call's cost. */
export function dayNumber(iso: string): number {
  let n = dayNumbers.get(iso);
  if (n === undefined) {
    n = Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
    if (dayNumbers.size < 100_000) dayNumbers.set(iso, n);
  }
  return n;
}

const isoDates = new Map<number, string>();
/** The date of a day number; memoised, one shared string per day (it also saves the memory). */
export function fromDayNumber(n: number): string {
  let iso = isoDates.get(n);
  if (iso === undefined) {
    iso = new Date(n * DAY_MS).toISOString().slice(0, 10);
    if (isoDates.size < 100_000) isoDates.set(n, iso);
  }
  return iso;
}

/** Day number of a proleptic Gregorian date without building a string (H. Hinnant's `days_from_civil`). */
export function civilDayNumber(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export const daysInMonth = (y: number, m: number): number =>
  m === 2
    ? y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0)
      ? 29
      : 28
    : m === 4 || m === 6 || m === 9 || m === 11
      ? 30
      : 31;

export function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  // Same value as rounding the difference of the two `Date.parse`: both are whole days.
  return Math.round(dayNumber(to) - dayNumber(from));
}

/** 0 = Monday … 6 = Sunday (Italian weeks start on Monday); NaN for a string that is not a date. */
export function weekdayOf(iso: string): number {
  return weekdayOfDay(dayNumber(iso));
}

/** `weekdayOf` of a day number: 1970-01-01 was a Thursday (3). */
export const weekdayOfDay = (n: number): number => (((n + 3) % 7) + 7) % 7;

const mondays = new Map<string, string>();
/** The Monday of the week of `iso`; memoised (asked for every lesson day of every student). */
export function mondayOf(iso: string): string {
  let monday = mondays.get(iso);
  if (monday === undefined) {
    const n = dayNumber(iso);
    monday = fromDayNumber(n - weekdayOfDay(n));
    if (mondays.size < 100_000) mondays.set(iso, monday);
  }
  return monday;
}

/** The same day `months` months earlier, clamped to the month's end (31/05 − 3 months = 28/02). */
export function subtractMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 - months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}

/** Whole years from `birthDate` to `date`; born on 29 February, one is a year older on 1 March. */
export function ageOn(birthDate: string, date: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const hadBirthday = m > bm || (m === bm && d >= bd);
  return y - by - (hadBirthday ? 0 : 1);
}

/** `2026-02` → `2026-02-28`: the last day of a month (`yyyy-mm`). */
export function lastDayOfMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return `${month}-${String(daysInMonth(y, m)).padStart(2, '0')}`;
}

/** `2025-12` → `2026-01`. */
export function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** `2025-09` … `to`, inclusive; empty when `to` is before `from`. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let month = from; month <= to; month = nextMonth(month)) out.push(month);
  return out;
}

/** `2025/26` for a date: the school year runs 1 September – 31 August. */
export function schoolYearOf(isoDate: string): string {
  const year = Number(isoDate.slice(0, 4));
  const start = Number(isoDate.slice(5, 7)) >= 9 ? year : year - 1;
  return `${start}/${String((start + 1) % 100).padStart(2, '0')}`;
}
