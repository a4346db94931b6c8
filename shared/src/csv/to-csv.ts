/**
 * A number already written the way the reader's spreadsheet expects (`-0,6` for Italian Excel).
 * It is a number, not text: no formula guard, so Excel shows it as a number (issue 19: `'-0,6`).
 */
export type CsvNumber = { readonly csvNumber: string };
export const csvNumber = (formatted: string): CsvNumber => ({ csvNumber: formatted });

export type CsvCell = string | number | boolean | CsvNumber | null | undefined;

// A number with a decimal comma or point and optional grouping, nothing else: never a formula.
const NUMBER = /^[-+]?\d[\d.,\u00a0\u202f]*$/;

/**
 * CSV for spreadsheets, safe to open: `;` separated (Italian Excel), quoted when needed, and
 * text cells that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR at the start)
 * prefixed with `'` (OWASP "CSV injection"). Numbers are not text: a `number`, or a formatted
 * `csvNumber` that really is one, is written as it is.
 */
export function escapeCsvCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  let text = typeof value === 'object' ? value.csvNumber : String(value);
  const isNumber = typeof value === 'number' || (typeof value === 'object' && NUMBER.test(text));
  if (!isNumber && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[;"\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows to CSV text with a header, CRLF line ends and a BOM so Excel reads UTF-8 accents. */
export function toCsv(header: string[], rows: CsvCell[][]): string {
  return `\uFEFF${[header, ...rows].map((r) => r.map(escapeCsvCell).join(';')).join('\r\n')}\r\n`;
}
