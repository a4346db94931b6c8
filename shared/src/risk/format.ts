/** Italian formatting and date arithmetic shared by the indicators' sentences. */

const number1 = new Intl.NumberFormat('it-IT', { maximumFractionDigits: 1 });
const number2 = new Intl.NumberFormat('it-IT', { maximumFractionDigits: 2 });
const integer = new Intl.NumberFormat('it-IT', { maximumFractionDigits: 0 });

/** `1234.56` → `1.234,6` */
export function formatNumber(value: number, digits: 0 | 1 | 2 = 1): string {
  const f = digits === 0 ? integer : digits === 1 ? number1 : number2;
  return f.format(value);
}

/** `0.2345` → `23 %` (one decimal below 10 %: `4,5 %`). */
export function formatPercent(share: number): string {
  const pct = share * 100;
  return `${formatNumber(pct, Math.abs(pct) < 10 && pct !== 0 ? 1 : 0)} %`;
}

/** `2026-04-14` → `14/04/2026` */
export function formatDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

const DAY_MS = 86_400_000;

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** 0 = Monday … 6 = Sunday */
export function weekdayOf(iso: string): number {
  return (new Date(`${iso}T00:00:00Z`).getUTCDay() + 6) % 7;
}

export const WEEKDAYS_IT = ['lunedì', 'martedì', 'mercoledì', 'giovedì', 'venerdì', 'sabato', 'domenica'] as const;

/** "1 ora" / "3 ore", "1 anno" / "2 anni": Italian needs the singular. */
export function plural(n: number, one: string, many: string): string {
  return `${formatNumber(n)} ${n === 1 ? one : many}`;
}
