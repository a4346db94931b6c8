/** Values as Italian registers write them (docs/data-format.md): dates, S/N, decimal comma. */

/** `dd/mm/yyyy` or ISO `yyyy-mm-dd` → ISO, or undefined when it is not a real calendar date. */
export function parseDate(text: string): string | undefined {
  const t = text.trim();
  let m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
  let y: number, mo: number, d: number;
  if (m) {
    [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  } else {
    m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
    if (!m) return undefined;
    [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  }
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return undefined;
  return date.toISOString().slice(0, 10);
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
