import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { reject, tally, type ImportContext, type RowChange } from './import-context';
import { canonicalColumn } from './column-aliases';
import { readCsv } from './read-csv';

/** Thrown by a row handler: the row is rejected with this column and message, the import goes on. */
export class RowError extends Error {
  constructor(readonly column: string, message: string) {
    super(message);
  }
}

export interface Fields {
  /** The trimmed value of a column ('' when absent or empty). */
  get(column: string): string;
  /** Like get, but a missing value rejects the row. */
  required(column: string): string;
}

/**
 * Runs `handle` on each record of `dir/fileName`, tallying what it returns and turning RowErrors
 * into rejected rows with file, line and column. Returns false when the file could not be read
 * at all (missing, or without the required columns), which is reported once.
 */
export async function forEachRecord(
  ctx: ImportContext,
  dir: string,
  fileName: string,
  requiredColumns: readonly string[],
  handle: (fields: Fields, line: number) => Promise<RowChange>,
): Promise<boolean> {
  const path = join(dir, fileName);
  const file = `${dir.split(/[\\/]/).pop()}/${fileName}`;
  if (!existsSync(path)) {
    reject(ctx, { file, line: 0, column: '', message: `file ${fileName} mancante nella cartella della scuola` });
    return false;
  }
  let checked = false;
  for await (const { line, values: raw } of readCsv(path)) {
    const values = byCanonicalColumn(raw);
    if (!checked) {
      const missing = requiredColumns.filter((c) => !(canonicalColumn(c) in values));
      if (missing.length > 0) {
        reject(ctx, { file, line: 1, column: missing.join(', '), message: `colonne mancanti: ${missing.join(', ')}` });
        return false;
      }
      checked = true;
    }
    const fields: Fields = {
      get: (column) => (values[canonicalColumn(column)] ?? '').trim(),
      required: (column) => {
        const v = (values[canonicalColumn(column)] ?? '').trim();
        if (v === '') throw new RowError(column, `valore mancante in "${column}"`);
        return v;
      },
    };
    try {
      tally(ctx, await handle(fields, line));
    } catch (err) {
      if (!(err instanceof RowError)) throw err;
      reject(ctx, { file, line, column: err.column, message: err.message });
    }
  }
  return true;
}

/** Values keyed by canonical column; a column present under two names keeps its first non-empty value. */
function byCanonicalColumn(raw: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [header, value] of Object.entries(raw)) {
    const key = canonicalColumn(header);
    if (!(key in out) || out[key] === '') out[key] = value;
  }
  return out;
}
