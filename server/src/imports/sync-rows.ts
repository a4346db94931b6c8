import type { Database } from '../db/database';
import type { ImportContext, RowChange } from './import-context';

type Table = keyof Database;
export type Row = Record<string, string | number | null>;

/**
 * Insert-or-update by natural key with change detection, the heart of an idempotent import:
 * the same file twice changes nothing. `existing` holds the rows already in the database for the
 * scope being imported (one school), keyed by `keyOf(row)`; inserts are buffered and written in
 * chunks because event files have hundreds of thousands of rows. Updates find their row by the
 * natural key columns, which carry a unique index.
 */
export class RowSync {
  private pending = new Map<string, Row>();

  constructor(
    private readonly ctx: ImportContext,
    private readonly table: Table,
    private readonly keyColumns: readonly string[],
    private readonly compared: readonly string[],
    private readonly existing: Map<string, Row>,
    private readonly chunkSize = 500,
  ) {}

  keyOf(row: Row): string {
    return this.keyColumns.map((c) => String(row[c])).join('|');
  }

  async put(row: Row): Promise<RowChange> {
    const key = this.keyOf(row);
    const current = this.existing.get(key);
    if (!current) {
      this.pending.set(key, row);
      this.existing.set(key, { ...row }); // a second line with the same key is then an update
      if (this.pending.size >= this.chunkSize) await this.flush();
      return 'inserted';
    }
    const changed = this.compared.filter((c) => !sameValue(current[c], row[c]));
    if (changed.length === 0) return 'unchanged';
    const patch: Row = Object.fromEntries(changed.map((c) => [c, row[c] ?? null]));
    if (row.import_batch_id !== undefined) patch.import_batch_id = row.import_batch_id;
    const pending = this.pending.get(key);
    if (pending) {
      Object.assign(pending, patch); // not written yet: the last line wins
    } else {
      let q = this.ctx.trx.updateTable(this.table).set(patch as never);
      for (const c of this.keyColumns) q = q.where(c as never, '=', row[c] as never);
      await q.execute();
    }
    Object.assign(current, patch);
    return 'updated';
  }

  async flush(): Promise<void> {
    if (this.pending.size === 0) return;
    const rows = [...this.pending.values()];
    this.pending.clear();
    await this.ctx.trx.insertInto(this.table).values(rows as never).execute();
  }
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a == null || b == null) return a == null && b == null;
  return typeof a === 'number' && typeof b === 'number' ? Math.abs(a - b) < 1e-9 : String(a) === String(b);
}
