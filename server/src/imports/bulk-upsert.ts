import { sql } from 'kysely';
import { insertFlat, quotedColumns, stageRows } from '../db/bulk-insert';
import type { Database } from '../db/database';
import type { Db } from '../db/open-database';
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
 *
 * A chunk is kept positionally (`columns.length` values a row in one reused array) and a row is
 * found again by a key the caller may give as a number (`putValues`): a million-row file then
 * costs no object, no key string and no array per row (docs/performance.md, "Importazione").
 * `chunkSize` rows are buffered per chunk; each is written in statements of db/bulk-insert.ts.
 */
export class BulkUpsert {
  /** The pending rows, row after row, in the order of `columns`. */
  private readonly values: unknown[] = [];
  private count = 0;
  /** Natural key → position of its row among the pending ones. */
  private readonly slots = new Map<string | number, number>();
  /** Only when the context explains event updates (a preview): the file line of each pending row. */
  private readonly lines: number[] = [];
  private columns: readonly string[] | undefined;
  private comparedAt: number[] = [];
  private readonly scratch: unknown[] = [];
  private readonly postgres: boolean;
  private readonly chunkSize: number;

  /**
   * `columns`: the order of the values given to `putValues`; without it, the keys of the first
   * row given to `put`.
   */
  constructor(
    private readonly ctx: ImportContext,
    private readonly table: Table,
    private readonly keyColumns: readonly string[],
    private readonly compared: readonly string[],
    chunkSize?: number,
    columns?: readonly string[],
  ) {
    this.postgres = isPostgres(ctx.trx);
    // PostgreSQL: a round trip and a merge per chunk, so bigger ones (≈ 2 MB of COPY text).
    this.chunkSize = chunkSize ?? (this.postgres ? 30_000 : 5000);
    if (columns) this.setColumns(columns);
  }

  private setColumns(columns: readonly string[]): void {
    this.columns = columns;
    this.comparedAt = this.compared.map((c) => columns.indexOf(c)).filter((i) => i >= 0);
  }

  /** Buffers a row given as an object; see `putValues`. */
  put(row: Row): null | Promise<null> {
    if (!this.columns) this.setColumns(Object.keys(row));
    const columns = this.columns!;
    for (let i = 0; i < columns.length; i++) this.scratch[i] = row[columns[i]!];
    return this.putValues(naturalKey(row, this.keyColumns), this.scratch);
  }

  /**
   * Buffers a row given as its values in the order of `columns` (copied: the caller may reuse
   * the array) under `key`, which must identify the natural key within this writer (a number
   * where the caller can make one). Tallies it now (a repeated key) or at the flush of its chunk.
   */
  putValues(key: string | number, row: ArrayLike<unknown>): null | Promise<null> {
    const columns = this.columns!;
    const width = columns.length;
    const values = this.values;
    const slot = this.slots.get(key);
    if (slot !== undefined) {
      const base = slot * width;
      let changed: string[] | undefined;
      for (const i of this.comparedAt) if (!sameValue(values[base + i], row[i])) (changed ??= []).push(columns[i]!);
      tally(this.ctx, changed === undefined ? 'unchanged' : 'updated');
      if (this.ctx.explainEvents && changed !== undefined)
        noteUpdate(
          this.ctx,
          this.ctx.currentLine,
          describeChanges(this.table, changed, this.rowAt(slot), toRow(columns, row)),
        );
      for (let i = 0; i < width; i++) values[base + i] = row[i];
      return null;
    }
    const at = this.count++;
    this.slots.set(key, at);
    for (let i = 0, v = at * width; i < width; i++, v++) values[v] = row[i];
    if (this.ctx.explainEvents) this.lines[at] = this.ctx.currentLine;
    return this.count >= this.chunkSize ? this.flush().then(() => null) : null;
  }

  async flush(): Promise<void> {
    const rows = this.count;
    if (rows === 0) return;
    if (this.ctx.explainEvents) await this.explain(rows);
    // Emptied before writing; the values stay in place until the next chunk overwrites them.
    this.count = 0;
    this.slots.clear();
    const { changed, inserted } = this.postgres ? await this.upsertPostgres(rows) : await this.upsertSqlite(rows);
    tally(this.ctx, 'inserted', inserted);
    tally(this.ctx, 'updated', changed - inserted);
    tally(this.ctx, 'unchanged', rows - changed);
  }

  private rowAt(slot: number): Row {
    const width = this.columns!.length;
    return toRow(this.columns!, this.values.slice(slot * width, (slot + 1) * width));
  }

  /**
   * The reasons of the updates this chunk will make: the stored rows of its students read first
   * and compared column by column (a preview only; the commit lets the database decide alone).
   */
  private async explain(count: number): Promise<void> {
    const wanted = new Map<string, { row: Row; line: number }>();
    for (let slot = 0; slot < count; slot++) {
      const row = this.rowAt(slot);
      wanted.set(naturalKey(row, this.keyColumns), { row, line: this.lines[slot] ?? 0 });
    }
    const first = this.keyColumns[0]!;
    const ids = [...new Set([...wanted.values()].map((w) => w.row[first]))];
    for (let i = 0; i < ids.length; i += 500) {
      const stored = (await this.ctx.trx
        .selectFrom(this.table)
        .select([...this.keyColumns, ...this.compared] as never)
        .where(first as never, 'in', ids.slice(i, i + 500) as never)
        .execute()) as Row[];
      for (const before of stored) {
        const after = wanted.get(naturalKey(before, this.keyColumns));
        if (!after) continue;
        const changed = this.compared.filter((c) => !sameValue(before[c], after.row[c]));
        if (changed.length > 0)
          noteUpdate(this.ctx, after.line, describeChanges(this.table, changed, before, after.row));
      }
    }
    this.lines.length = 0;
  }

  private async upsertSqlite(rows: number): Promise<{ changed: number; inserted: number }> {
    const columns = this.columns!;
    const keys = quotedColumns(this.keyColumns);
    const { affected: inserted } = await insertFlat(
      this.ctx.trx,
      this.table,
      columns,
      this.values,
      rows,
      `on conflict (${keys}) do nothing`,
    );
    if (inserted === rows) return { changed: inserted, inserted };
    const { affected: updated } = await insertFlat(
      this.ctx.trx,
      this.table,
      columns,
      this.values,
      rows,
      this.conflictClause('is not'),
    );
    return { changed: inserted + updated, inserted };
  }

  /**
   * PostgreSQL: the chunk goes by `COPY … FROM STDIN` into a staging table of this transaction
   * (temporary, dropped at its end), then one `INSERT … SELECT … ON CONFLICT` merges it, counting
   * inserts (`xmax = 0`) and changed rows in the same statement: a statement of 60 000 bound
   * values cost the server more to parse and plan than the rows cost to write.
   */
  private async upsertPostgres(rows: number): Promise<{ changed: number; inserted: number }> {
    // Temporary tables belong to a connection: outside a transaction (a test writing on the pool)
    // the chunk gets one of its own, so its statements share a connection.
    if (this.ctx.trx.isTransaction) return this.mergePostgres(this.ctx.trx, rows);
    return this.ctx.trx.transaction().execute((trx) => this.mergePostgres(trx, rows));
  }

  private async mergePostgres(trx: Db, rows: number): Promise<{ changed: number; inserted: number }> {
    const columns = this.columns!;
    const list = quotedColumns(columns);
    const stage = await stageRows(trx, this.table, columns, this.values, rows);
    const merge = `insert into "${this.table}" (${list}) select ${list} from "${stage}" ${this.conflictClause('is distinct from')} returning (xmax = 0) as inserted`;
    const result = await sql<{
      changed: number;
      inserted: number;
    }>`with merged as (${sql.raw(merge)}) select count(*)::int as changed, (count(*) filter (where inserted))::int as inserted from merged`.execute(
      trx,
    );
    return result.rows[0]!;
  }

  /**
   * On a known key, every non-key column from the new line (the batch that last wrote the row
   * included), only where a compared column differs: an unchanged row is not written.
   */
  private conflictClause(differs: 'is not' | 'is distinct from'): string {
    const set = this.columns!.filter((c) => !this.keyColumns.includes(c))
      .map((c) => `"${c}" = excluded."${c}"`)
      .join(', ');
    const changed = this.compared.map((c) => `"${this.table}"."${c}" ${differs} excluded."${c}"`).join(' or ');
    return `on conflict (${quotedColumns(this.keyColumns)}) do update set ${set} where ${changed}`;
  }
}

function toRow(columns: readonly string[], values: ArrayLike<unknown>): Row {
  const row: Row = {};
  for (let i = 0; i < columns.length; i++) row[columns[i]!] = (values[i] ?? null) as Row[string];
  return row;
}
