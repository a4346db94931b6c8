import { fromDayNumber } from '../../shared/src/dates';

/**
 * Dates as whole days since 1970-01-01 (UTC): plain integers, cheap to compare and iterate,
 * with no time zone in the way.
 */
export type Day = number;

const MS_PER_DAY = 86_400_000;

export function dayOf(year: number, month: number, date: number): Day {
  return Math.round(Date.UTC(year, month - 1, date) / MS_PER_DAY);
}

export function parseIsoDay(iso: string): Day {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new Error(`data non valida: ${iso}`);
  const day = dayOf(Number(m[1]), Number(m[2]), Number(m[3]));
  if (toIso(day) !== iso) throw new Error(`data non valida: ${iso}`);
  return day;
}

export const toIso = (day: Day): string => fromDayNumber(day);

const italianCache = new Map<Day, string>();

/** `dd/mm/yyyy`, the format of the CSVs; cached because the same few hundred days repeat millions of times. */
export function toItalian(day: Day): string {
  let s = italianCache.get(day);
  if (s === undefined) {
    const iso = toIso(day);
    s = `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
    italianCache.set(day, s);
  }
  return s;
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekday(day: Day): number {
  return (((day + 4) % 7) + 7) % 7;
}

export function yearOf(day: Day): number {
  return new Date(day * MS_PER_DAY).getUTCFullYear();
}
