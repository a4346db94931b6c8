import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { reject, tally, type ImportContext, type RowChange } from './import-context';
import { canonicalColumn } from './column-aliases';
import { noteSkip, openFileStats } from './file-stats';
import { readCsvBatches } from './read-csv';

/** Thrown by a row handler: the row is rejected with this column and message, the import goes on. */
export class RowError extends Error {
  constructor(
    readonly column: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Thrown by a row handler for a row left aside on purpose (a `--` grade, a school of another
 * region): neither taken nor rejected, counted by reason so that an import taking nothing says why.
 */
export class SkipRow extends Error {
  constructor(readonly reason = 'nessun dato da importare') {
    super(reason);
  }
}

export interface Fields {
  /** The trimmed value of a column ('' when absent or empty). */
  get(column: string): string;
  /** Like get, but a missing value rejects the row. */
  required(column: string): string;
  /**
   * Every distinct non-empty value the column has under any of its names: where identity is at
   * stake (which school) two names with two values are a doubt, not a choice of the first.
   */
  all(column: string): string[];
}

/**
 * Runs `handle` on each record of `dir/fileName`, tallying what it returns and turning RowErrors
 * into rejected rows with file, line and column. Returns false when the file could not be read
 * at all (missing, or without the required columns), which is reported once. The handler may
 * answer synchronously: millions of event rows should not cost a promise each; it answers null
 * when the row's change is counted later, by the writer that stores it in bulk.
 */
export async function forEachRecord(
  ctx: ImportContext,
  dir: string,
  fileName: string,
  requiredColumns: readonly string[],
  handle: (fields: Fields, line: number) => RowChange | null | Promise<RowChange | null>,
  options: { file?: string; path?: string } = {},
): Promise<boolean> {
  const path = options.path ?? join(dir, fileName);
  const file = options.file ?? `${dir.split(/[\\/]/).pop()}/${fileName}`;
  const stats = openFileStats(ctx, file, fileName);
  if (!existsSync(path)) {
    reject(ctx, { file, line: 0, column: '', message: `file ${fileName} mancante nella cartella della scuola` });
    return false;
  }
  let columns: ColumnIndex | undefined;
  let values: string[] = [];
  const fields: Fields = {
    get: (column) => columns!.value(values, column),
    required: (column) => {
      const v = columns!.value(values, column);
      if (v === '') throw new RowError(column, `valore mancante in "${column}"`);
      return v;
    },
    all: (column) => columns!.values(values, column),
  };
  for await (const { header, rows } of readCsvBatches(path)) {
    if (!columns) {
      columns = new ColumnIndex(header);
      const missing = requiredColumns.filter((c) => !columns!.has(c));
      if (missing.length > 0) {
        reject(ctx, { file, line: 1, column: missing.join(', '), message: `colonne mancanti: ${missing.join(', ')}` });
        return false;
      }
    }
    stats.read += rows.length;
    for (const row of rows) {
      values = row.fields;
      ctx.currentLine = row.line;
      try {
        const answer = handle(fields, row.line);
        const change = answer instanceof Promise ? await answer : answer;
        if (change !== null) tally(ctx, change); // null: the writer tallies it (BulkUpsert)
      } catch (err) {
        if (err instanceof SkipRow) {
          noteSkip(stats, err.reason);
          continue;
        }
        if (!(err instanceof RowError)) throw err;
        reject(ctx, { file, line: row.line, column: err.column, message: err.message });
      }
    }
  }
  return true;
}

/**
 * Where each canonical column sits in a file's rows. A column present under two names (an alias
 * and the canonical name) keeps its first non-empty value, as registers sometimes export both.
 */
class ColumnIndex {
  private readonly positions = new Map<string, number[]>();
  private readonly byAsked = new Map<string, number[]>();

  constructor(header: string[]) {
    header.forEach((name, i) => {
      const key = canonicalColumn(name);
      const list = this.positions.get(key);
      if (list) list.push(i);
      else this.positions.set(key, [i]);
    });
  }

  has(column: string): boolean {
    return this.positions.has(canonicalColumn(column));
  }

  value(values: string[], column: string): string {
    let at = this.byAsked.get(column);
    if (at === undefined) {
      at = this.positions.get(canonicalColumn(column)) ?? [];
      this.byAsked.set(column, at);
    }
    for (const i of at) {
      const v = values[i];
      if (v !== undefined && v !== '') return v;
    }
    return '';
  }

  values(values: string[], column: string): string[] {
    const at = this.positions.get(canonicalColumn(column)) ?? [];
    return [...new Set(at.map((i) => values[i] ?? '').filter((v) => v !== ''))];
  }
}
