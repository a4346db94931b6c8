import { parse } from 'csv-parse/sync';

/**
 * Rows of a UCI-style file: `;` separated (`,` when the header has no `;`), quoted strings,
 * LF or CRLF, optional UTF-8 BOM. Blank lines are skipped.
 */
export function readDelimited(text: string): string[][] {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  return parse(text, {
    delimiter: firstLine.includes(';') ? ';' : ',',
    bom: true,
    skip_empty_lines: true,
    relax_column_count: true,
  }) as string[][];
}
