/**
 * CSV for spreadsheets, safe to open: `;` separated (Italian Excel), quoted when needed, and
 * cells that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR at the start)
 * prefixed with `'` (OWASP "CSV injection").
 */
export function escapeCsvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[;"\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows to CSV text with a header, CRLF line ends and a BOM so Excel reads UTF-8 accents. */
export function toCsv(header: string[], rows: (string | number | boolean | null | undefined)[][]): string {
  return `\uFEFF${[header, ...rows].map((r) => r.map(escapeCsvCell).join(';')).join('\r\n')}\r\n`;
}
