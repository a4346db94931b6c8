/** Formatting for the Italian UI (and English as second language), always through Intl. */

export type Locale = 'it' | 'en';

const intlLocale: Record<Locale, string> = { it: 'it-IT', en: 'en-GB' };

/** The UI's language as one of ours (`en-GB`, `en` → `en`; anything else → `it`). */
export function toLocale(language: string): Locale {
  return language.startsWith('en') ? 'en' : 'it';
}

/**
 * `2025-09-15` → `15/09/2025` (gg/mm/aaaa). The wire date has no time zone, so it is read as UTC
 * and formatted as UTC: a local-midnight parse would shift the day west of Greenwich.
 */
export function formatDate(isoDate: string, language = 'it'): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  if (!year || !month || !day) return isoDate;
  return new Intl.DateTimeFormat(intlLocale[toLocale(language)], {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(year, month - 1, day)));
}

/** `1056` → `1.056` in Italian; Intl leaves 4-digit numbers ungrouped in it-IT, so force grouping. */
export function formatNumber(value: number, language = 'it', fractionDigits = 0): string {
  return new Intl.NumberFormat(intlLocale[toLocale(language)], {
    useGrouping: 'always',
    minimumFractionDigits: 0,
    maximumFractionDigits: fractionDigits,
  }).format(value);
}

/**
 * An instant (`2026-02-03T08:05:09.123Z`) → `03/02/2026 09:05:09` (gg/mm/aaaa hh:mm:ss), in Italian
 * time: the region's users read the audit log against their own clock, wherever the server runs.
 */
export function formatDateTime(isoInstant: string, language = 'it'): string {
  const instant = new Date(isoInstant);
  if (Number.isNaN(instant.getTime())) return isoInstant;
  const parts = new Intl.DateTimeFormat(intlLocale[toLocale(language)], {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
    timeZone: 'Europe/Rome',
  }).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('day')}/${part('month')}/${part('year')} ${part('hour')}:${part('minute')}:${part('second')}`;
}

/** File sizes in the units a file manager shows: `1.536` → `1,5 KB` (base 1024, one decimal). */
export function formatBytes(bytes: number, language = 'it'): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${formatNumber(value, language, unit === 0 ? 0 : 1)} ${units[unit]}`;
}
