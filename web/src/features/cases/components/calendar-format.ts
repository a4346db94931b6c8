/** Dates as the calendar shows them, through Intl, in UTC like every wire date (lib/format.ts). */
const locale = (language: string) => (language.startsWith('en') ? 'en-GB' : 'it-IT');
const utc = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** `2026-03-11` → `mercoledì 11 marzo` */
export const formatLongDay = (iso: string, language: string) =>
  new Intl.DateTimeFormat(locale(language), { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }).format(
    utc(iso),
  );

/** `2026-03-11` → `marzo 2026` */
export const formatMonth = (iso: string, language: string) =>
  new Intl.DateTimeFormat(locale(language), { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(utc(iso));

/** The weekday names of the week of `monday`, short (`lun`) and long (`lunedì`), for the grid's headers. */
export const weekdayNames = (days: string[], language: string) =>
  days.map((iso) => ({
    short: new Intl.DateTimeFormat(locale(language), { weekday: 'short', timeZone: 'UTC' }).format(utc(iso)),
    long: new Intl.DateTimeFormat(locale(language), { weekday: 'long', timeZone: 'UTC' }).format(utc(iso)),
  }));

/** Day of the month, `11`. */
export const dayOfMonth = (iso: string) => String(Number(iso.slice(8, 10)));
