/** Values as Italian registers write them (docs/data-format.md): dates, S/N, decimal comma. */

/**
 * `dd/mm/yyyy` or ISO `yyyy-mm-dd` → ISO, or undefined when it is not a real calendar date (a year
 * before 100 included, as `Date.UTC` would read it as 19xx). Read digit by digit: a studenti.csv
 * has three dates a line, and the regular expressions and `Date` of the first version were
 * ≈ 10 % of the import of a school's students.
 */
export function parseDate(text: string): string | undefined {
  const t = text.trim();
  const n = t.length;
  let y: number, mo: number, d: number;
  if (n === 10 && t.charCodeAt(4) === 45 && t.charCodeAt(7) === 45) {
    y = digits(t, 0, 4);
    mo = digits(t, 5, 7);
    d = digits(t, 8, 10);
  } else {
    const a = t.indexOf('/');
    const b = a < 0 ? -1 : t.indexOf('/', a + 1);
    if (a < 1 || a > 2 || b - a < 2 || b - a > 3 || n - b !== 5) return undefined;
    d = digits(t, 0, a);
    mo = digits(t, a + 1, b);
    y = digits(t, b + 1, n);
  }
  if (y < 100 || mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return undefined;
  return `${y < 1000 ? String(y).padStart(4, '0') : y}-${mo < 10 ? '0' : ''}${mo}-${d < 10 ? '0' : ''}${d}`;
}

/** The number written by the ASCII digits of `t` from `from` to `to`, -1 if any is not one. */
function digits(t: string, from: number, to: number): number {
  let value = 0;
  for (let i = from; i < to; i++) {
    const c = t.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    value = value * 10 + c;
  }
  return value;
}

function daysInMonth(y: number, mo: number): number {
  if (mo === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return mo === 4 || mo === 6 || mo === 9 || mo === 11 ? 30 : 31;
}

/** `S` / `N` (also `Sì`, `SI`, `No`, `1`, `0`, `true`, `false`) → boolean, undefined otherwise. */
export function parseYesNo(text: string): boolean | undefined {
  const t = text.trim().toLowerCase();
  if (['s', 'si', 'sì', 'y', 'yes', '1', 'true', 'x'].includes(t)) return true;
  if (['n', 'no', '0', 'false', ''].includes(t)) return false;
  return undefined;
}

/** Decimal comma or point: `1,5` → 1.5; undefined when not a number. */
export function parseDecimal(text: string): number | undefined {
  const t = text.trim().replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(t)) return undefined;
  return Number(t);
}
