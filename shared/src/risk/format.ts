/** Italian formatting and date arithmetic shared by the indicators' sentences. */

const number1 = new Intl.NumberFormat('it-IT', { maximumFractionDigits: 1 });
const number2 = new Intl.NumberFormat('it-IT', { maximumFractionDigits: 2 });
const integer = new Intl.NumberFormat('it-IT', { maximumFractionDigits: 0 });

/** `12345.67` → `12.345,7` (Italian groups thousands only from five digits: `1234,5`). */
export function formatNumber(value: number, digits: 0 | 1 | 2 = 1): string {
  return formatItalian(value, digits) ?? (digits === 0 ? integer : digits === 1 ? number1 : number2).format(value);
}

/**
 * What `Intl.NumberFormat('it-IT', { maximumFractionDigits })` prints, without it: the engine
 * formats ~30 numbers a student and `Intl` made a third of an assessment's time (a regional
 * recompute formats millions). Like ICU it rounds the shortest decimal that reads back as the
 * number (`String(x)`: 1.005 → 1,01, not the 1,00 of `toFixed`) half away from zero, drops
 * trailing zeros, keeps the sign of a negative that rounds to 0 (`-0`), and groups the integer
 * part with `.` from 10 000. Null for what it does not handle (NaN, infinities, exponents): `Intl`
 * then. format.test.ts compares the two on a million numbers.
 */
export function formatItalian(value: number, digits: number): string | null {
  if (!Number.isFinite(value)) return null;
  const negative = value < 0 || Object.is(value, -0);
  const text = String(negative ? -value : value);
  if (text.includes('e')) return null;
  const dot = text.indexOf('.');
  let whole = dot < 0 ? text : text.slice(0, dot);
  let fraction = dot < 0 ? '' : text.slice(dot + 1);
  if (fraction.length > digits) {
    const up = fraction.charCodeAt(digits) >= 53; // the first dropped digit is 5 or more
    fraction = fraction.slice(0, digits);
    if (up) {
      const rounded = incrementDigits(whole + fraction);
      whole = rounded.slice(0, rounded.length - digits);
      fraction = rounded.slice(rounded.length - digits);
    }
  }
  let end = fraction.length;
  while (end > 0 && fraction.charCodeAt(end - 1) === 48) end--;
  fraction = fraction.slice(0, end);
  if (whole.length >= 5) whole = whole.replace(/\B(?=(\d{3})+$)/g, '.');
  return `${negative ? '-' : ''}${whole}${fraction ? `,${fraction}` : ''}`;
}

/** `"1299"` → `"1300"`, `"99"` → `"100"`. */
function incrementDigits(digits: string): string {
  let i = digits.length - 1;
  while (i >= 0 && digits.charCodeAt(i) === 57) i--;
  if (i < 0) return `1${'0'.repeat(digits.length)}`;
  return `${digits.slice(0, i)}${String.fromCharCode(digits.charCodeAt(i) + 1)}${'0'.repeat(digits.length - i - 1)}`;
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

export const WEEKDAYS_IT = ['lunedì', 'martedì', 'mercoledì', 'giovedì', 'venerdì', 'sabato', 'domenica'] as const;

/** "1 ora" / "3 ore", "1 anno" / "2 anni": Italian needs the singular. */
export function plural(n: number, one: string, many: string): string {
  return `${formatNumber(n)} ${n === 1 ? one : many}`;
}
