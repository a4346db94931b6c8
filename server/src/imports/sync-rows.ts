import { insertRowsStaged } from '../db/bulk-insert';
import type { Database } from '../db/database';
import { describeChanges, noteUpdate } from './file-stats';
import type { ImportContext, RowChange } from './import-context';

type Table = keyof Database;
export type Row = Record<string, string | number | null>;

/**
 * Insert-or-update by natural key with change detection, the heart of an idempotent import:
 * the same file twice changes nothing. `existing` holds the rows already in the database for the
 * scope being imported (one school), keyed by `keyOf(row)`; inserts are buffered (`chunkSize`
 * rows) and written by db/bulk-insert.ts, because event files have hundreds of thousands of rows. Updates find their row by the
 * natural key columns, which carry a unique index.
 *
 * `put` answers synchronously unless it has to write (a full chunk, an update), so a loader of
 * millions of rows does not pay a promise per row.
 */
export class RowSync {
  private pending = new Map<string, Row>();

  constructor(
    private readonly ctx: ImportContext,
    private readonly table: Table,
    private readonly keyColumns: readonly string[],
    private readonly compared: readonly string[],
    private readonly existing: Map<string, Row>,
    private readonly chunkSize = 5000,
  ) {}

  keyOf(row: Row): string {
    return naturalKey(row, this.keyColumns);
  }

  /** `line`: the file line the row comes from, for the reasons of an update (default: the line being read). */
  put(row: Row, line = this.ctx.currentLine): RowChange | Promise<RowChange> {
    const key = this.keyOf(row);
    const current = this.existing.get(key);
    if (!current) {
      this.pending.set(key, row);
      // A second line with the same key is then an update. The row itself, not a copy: a patch
      // applies to both alike; once written only the key stays (see flush).
      this.existing.set(key, row);
      if (this.pending.size >= this.chunkSize) return this.flush().then(() => 'inserted' as const);
      return 'inserted';
    }
    if (current === WRITTEN) return this.readBack(row).then((stored) => this.compare(key, stored, row, line));
    return this.compare(key, current, row, line);
  }

  /** A row this run already wrote, read back for the rare file that repeats a key. */
  private async readBack(row: Row): Promise<Row> {
    let q = this.ctx.trx.selectFrom(this.table).select(['id', ...this.compared] as never);
    for (const c of this.keyColumns) q = q.where(c as never, '=', row[c] as never);
    const stored = (await q.executeTakeFirstOrThrow()) as Row;
    this.existing.set(this.keyOf(row), stored);
    return stored;
  }

  private compare(key: string, current: Row, row: Row, line: number): RowChange | Promise<RowChange> {
    let patch: Row | undefined;
    for (const c of this.compared) {
      if (!sameValue(current[c], row[c])) (patch ??= {})[c] = row[c] ?? null;
    }
    if (!patch) return 'unchanged';
    noteUpdate(this.ctx, line, describeChanges(this.table, Object.keys(patch), current, row));
    if (row.import_batch_id !== undefined) patch.import_batch_id = row.import_batch_id;
    const pending = this.pending.get(key);
    Object.assign(current, patch);
    if (pending) {
      if (pending !== current) Object.assign(pending, patch); // not written yet: the last line wins
      return 'updated';
    }
    let q = this.ctx.trx.updateTable(this.table).set(patch as never);
    for (const c of this.keyColumns) q = q.where(c as never, '=', row[c] as never);
    return q.execute().then(() => 'updated' as const);
  }

  async flush(): Promise<void> {
    if (this.pending.size === 0) return;
    const rows = [...this.pending.values()];
    // Written rows keep only their key in memory: a file of millions of events must not hold
    // millions of row objects until the end of the import.
    for (const key of this.pending.keys()) this.existing.set(key, WRITTEN);
    this.pending.clear();
    await insertRowsStaged(this.ctx.trx, this.table, Object.keys(rows[0]!), rows);
  }
}

/** `12|2025-10-01|assenza`: the values of the key columns, as a map key. */
export function naturalKey(row: Row, keyColumns: readonly string[]): string {
  let key = String(row[keyColumns[0]!]);
  for (let i = 1; i < keyColumns.length; i++) key += `|${row[keyColumns[i]!]}`;
  return key;
}

const WRITTEN: Row = Object.freeze({}) as Row;

/** Equal as stored values: null and undefined alike, numbers to 1e-9, else as text. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a == null || b == null) return a == null && b == null;
  return typeof a === 'number' && typeof b === 'number' ? Math.abs(a - b) < 1e-9 : String(a) === String(b);
}
