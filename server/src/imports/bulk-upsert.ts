import { insertRows } from '../db/bulk-insert';
import type { Database } from '../db/database';
import { isPostgres } from '../db/dialect';
import { describeChanges, noteUpdate } from './file-stats';
import { tally, type ImportContext } from './import-context';
import { naturalKey, sameValue, type Row } from './sync-rows';

type Table = keyof Database;

/**
 * Insert-or-update of event rows (attendance, grades) by their natural key, counted by the
 * database instead of by a copy of the table in memory: each chunk is one
 * `INSERT … ON CONFLICT (key) DO UPDATE … WHERE something changed`, so a file of millions of rows
 * holds one chunk at a time and an import stays flat in memory however big the file or the table.
 *
 * Tallies: the rows the statement changed are inserts or updates. Which are inserts: on SQLite,
 * the chunk first goes in with `ON CONFLICT DO NOTHING`, which changes exactly the new keys; only
 * when some key was already there does the chunk go again through the upsert, where the rows just
 * inserted are unchanged and so not counted (attendance_event has no surrogate id to compare,
 * migration 0033, and a first import, the big one, writes each row once). On PostgreSQL,
 * `xmax = 0`. The rest of the chunk was already there, unchanged. A key repeated
 * within one chunk is settled here first (one statement may not touch a row twice on
 * PostgreSQL): the later line wins and counts as an update of the earlier one, as in a re-import.
 * `chunkSize` rows are buffered per chunk; each is written in statements of db/bulk-insert.ts.
 */
export class BulkUpsert {
  private pending = new Map<string, Row>();
  /** Only when the context explains event updates (a preview): the file line of each pending key. */
  private readonly lines = new Map<string, number>();
  private readonly postgres: boolean;

  constructor(
    private readonly ctx: ImportContext,
    private readonly table: Table,
    private readonly keyColumns: readonly string[],
    private readonly compared: readonly string[],
    private readonly chunkSize = 5000,
  ) {
    this.postgres = isPostgres(ctx.trx);
  }

  /** Buffers a row; tallies it now (a repeated key) or at the flush of its chunk. */
  put(row: Row): null | Promise<null> {
    const key = naturalKey(row, this.keyColumns);
    const earlier = this.pending.get(key);
    if (earlier) {
      const changed = this.compared.filter((c) => !sameValue(earlier[c], row[c]));
      tally(this.ctx, changed.length === 0 ? 'unchanged' : 'updated');
      if (this.ctx.explainEvents)
        noteUpdate(this.ctx, this.ctx.currentLine, describeChanges(this.table, changed, earlier, row));
      this.pending.set(key, row);
      return null;
    }
    this.pending.set(key, row);
    if (this.ctx.explainEvents) this.lines.set(key, this.ctx.currentLine);
    return this.pending.size >= this.chunkSize ? this.flush().then(() => null) : null;
  }

  async flush(): Promise<void> {
    if (this.pending.size === 0) return;
    const rows = [...this.pending.values()];
    this.pending.clear();
    if (this.ctx.explainEvents) await this.explain(rows);
    const { changed, inserted } = this.postgres ? await this.upsertPostgres(rows) : await this.upsertSqlite(rows);
    tally(this.ctx, 'inserted', inserted);
    tally(this.ctx, 'updated', changed - inserted);
    tally(this.ctx, 'unchanged', rows.length - changed);
  }

  /**
   * The reasons of the updates this chunk will make: the stored rows of its students read first
   * and compared column by column (a preview only; the commit lets the database decide alone).
   */
  private async explain(rows: Row[]): Promise<void> {
    const wanted = new Map(rows.map((r) => [naturalKey(r, this.keyColumns), r]));
    const first = this.keyColumns[0]!;
    const ids = [...new Set(rows.map((r) => r[first]))];
    for (let i = 0; i < ids.length; i += 500) {
      const stored = (await this.ctx.trx
        .selectFrom(this.table)
        .select([...this.keyColumns, ...this.compared] as never)
        .where(first as never, 'in', ids.slice(i, i + 500) as never)
        .execute()) as Row[];
      for (const before of stored) {
        const key = naturalKey(before, this.keyColumns);
        const after = wanted.get(key);
        if (!after) continue;
        const changed = this.compared.filter((c) => !sameValue(before[c], after[c]));
        if (changed.length > 0)
          noteUpdate(this.ctx, this.lines.get(key) ?? 0, describeChanges(this.table, changed, before, after));
      }
    }
    this.lines.clear();
  }

  private async upsertSqlite(rows: Row[]): Promise<{ changed: number; inserted: number }> {
    const columns = Object.keys(rows[0]!);
    const keys = this.keyColumns.map((c) => `"${c}"`).join(', ');
    const { affected: inserted } = await insertRows(
      this.ctx.trx,
      this.table,
      columns,
      rows,
      `on conflict (${keys}) do nothing`,
    );
    if (inserted === rows.length) return { changed: inserted, inserted };
    const { affected: updated } = await insertRows(
      this.ctx.trx,
      this.table,
      columns,
      rows,
      this.conflictClause(columns, 'is not'),
    );
    return { changed: inserted + updated, inserted };
  }

  private async upsertPostgres(rows: Row[]): Promise<{ changed: number; inserted: number }> {
    const columns = Object.keys(rows[0]!);
    const tail = `${this.conflictClause(columns, 'is distinct from')} returning (xmax = 0) as inserted`;
    const result = await insertRows<Row, { inserted: boolean }>(this.ctx.trx, this.table, columns, rows, tail);
    return { changed: result.rows.length, inserted: result.rows.filter((r) => r.inserted).length };
  }

  /**
   * On a known key, every non-key column from the new line (the batch that last wrote the row
   * included), only where a compared column differs: an unchanged row is not written.
   */
  private conflictClause(columns: string[], differs: 'is not' | 'is distinct from'): string {
    const set = columns
      .filter((c) => !this.keyColumns.includes(c))
      .map((c) => `"${c}" = excluded."${c}"`)
      .join(', ');
    const changed = this.compared.map((c) => `"${this.table}"."${c}" ${differs} excluded."${c}"`).join(' or ');
    return `on conflict (${this.keyColumns.map((c) => `"${c}"`).join(', ')}) do update set ${set} where ${changed}`;
  }
}
