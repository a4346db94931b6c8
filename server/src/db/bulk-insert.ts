import { CompiledQuery } from 'kysely';
import type { Database } from './database';
import { isPostgres } from './dialect';
import type { Db } from './open-database';

/**
 * The one chunking rule of every multi-row write (the imports' loaders, the recompute's results,
 * tier changes and digests): a statement binds at most this many values. SQLite: well under its
 * limit of 32 766, and each full statement has one text that the statement cache keeps compiled
 * (db/statement-cache.ts); larger ones were no faster. PostgreSQL: under the 65 535 its protocol
 * allows, so a big import makes few round trips.
 */
export const PARAMETERS_PER_STATEMENT = { sqlite: 5_000, postgres: 60_000 } as const;

/** Rows of `columns` values that fit in one statement (at least one). */
export function rowsPerStatement(db: Db, columns: number): number {
  const budget = isPostgres(db) ? PARAMETERS_PER_STATEMENT.postgres : PARAMETERS_PER_STATEMENT.sqlite;
  return Math.max(1, Math.floor(budget / Math.max(1, columns)));
}

/**
 * The row counts of the statements that write `rowCount` rows of `columns` values: full
 * statements of `rowsPerStatement`, then on SQLite the rest as powers of two (324 = 256 + 64 + 4).
 * SQLite compiles a statement once per connection and text (db/statement-cache.ts), and compiling
 * a multi-row `INSERT` costs a good part of running it: with the rest in one statement, every
 * school's results (and digests) had a last statement of a size of its own, compiled for that
 * school alone (≈ 1 ms of CPU per school, a sixth of writing the results at 20 000 students,
 * docs/performance.md). With powers of two a connection compiles one statement per power of two
 * below the full size, once. PostgreSQL does not keep them compiled: there the rest stays one
 * statement, one round trip.
 */
export function statementSizes(db: Db, rowCount: number, columns: number): number[] {
  const per = rowsPerStatement(db, columns);
  const sizes: number[] = [];
  let left = rowCount;
  for (; left >= per; left -= per) sizes.push(per);
  if (left > 0 && isPostgres(db)) return [...sizes, left];
  while (left > 0) {
    const size = 2 ** Math.floor(Math.log2(left));
    sizes.push(size);
    left -= size;
  }
  return sizes;
}

/** `list` in slices of `rowsPerStatement` (e.g. the ids of one `where id in (…)` each). */
export function* statementSlices<T>(db: Db, list: readonly T[], columns = 1): Generator<T[]> {
  const per = rowsPerStatement(db, columns);
  for (let i = 0; i < list.length; i += per) yield list.slice(i, i + per);
}

/**
 * Inserts `rows` (their `columns`, null where missing) as multi-row `INSERT … VALUES` statements
 * with bound values, in slices of `rowsPerStatement`; `tail` completes each statement (an
 * ON CONFLICT clause, a RETURNING list) and the returned rows are gathered. A statement's text is
 * written once per dialect, table, columns, size and tail: kysely compiling a 3 400-value insert
 * cost more than running it (docs/performance-history.md).
 */
export async function insertRows<T extends object, R = never>(
  db: Db,
  table: keyof Database & string,
  columns: readonly (keyof T & string)[],
  rows: readonly T[],
  tail = '',
): Promise<{ rows: R[]; affected: number }> {
  const pg = isPostgres(db);
  const out: R[] = [];
  let affected = 0;
  let from = 0;
  for (const count of statementSizes(db, rows.length, columns.length)) {
    const values: unknown[] = [];
    for (let r = from; r < from + count; r++)
      for (const c of columns) values.push((rows[r] as Record<string, unknown>)[c] ?? null);
    const result = await db.executeQuery<R>(CompiledQuery.raw(statementText(pg, table, columns, count, tail), values));
    out.push(...result.rows);
    affected += Number(result.numAffectedRows ?? 0);
    from += count;
  }
  return { rows: out, affected };
}

/**
 * `insertRows` for rows kept positionally: `values` holds `rowCount` rows of `columns.length`
 * values each, row after row (a writer of millions of rows keeps no object per row). Each
 * statement gets a parameter array of its own, one per ≈ 500 rows: kysely freezes the parameters
 * of a query, so an array cannot be reused from one statement to the next.
 */
export async function insertFlat<R = never>(
  db: Db,
  table: keyof Database & string,
  columns: readonly string[],
  values: readonly unknown[],
  rowCount: number,
  tail = '',
): Promise<{ rows: R[]; affected: number }> {
  const pg = isPostgres(db);
  const width = columns.length;
  const out: R[] = [];
  let affected = 0;
  let from = 0;
  for (const count of statementSizes(db, rowCount, width)) {
    const params = new Array<unknown>(count * width);
    for (let i = 0, v = from * width; i < params.length; i++, v++) params[i] = values[v] ?? null;
    const result = await db.executeQuery<R>(CompiledQuery.raw(statementText(pg, table, columns, count, tail), params));
    for (const row of result.rows) out.push(row);
    affected += Number(result.numAffectedRows ?? 0);
    from += count;
  }
  return { rows: out, affected };
}

/** Marks a query that db/open-postgres.ts runs as `COPY … FROM STDIN` with its one parameter as data. */
export const COPY_FROM_STDIN = '-- primm: copy from stdin\n';

/**
 * PostgreSQL only: `rowCount` rows kept positionally (as in `insertFlat`) sent with one
 * `COPY table (columns) FROM STDIN` in COPY's text format, on the connection of `db` (so inside
 * its transaction). The server parses them as it would the values of an INSERT, without the
 * statement's parsing and planning of 60 000 parameters.
 */
export async function copyRows(
  db: Db,
  table: string,
  columns: readonly string[],
  values: readonly unknown[],
  rowCount: number,
): Promise<void> {
  const width = columns.length;
  let data = '';
  for (let r = 0, v = 0; r < rowCount; r++) {
    for (let i = 0; i < width; i++, v++) {
      if (i > 0) data += '\t';
      data += copyText(values[v]);
    }
    data += '\n';
  }
  const sql = `${COPY_FROM_STDIN}copy "${table}" (${quotedColumns(columns)}) from stdin`;
  await db.executeQuery(CompiledQuery.raw(sql, [data]));
}

/**
 * PostgreSQL only: `rowCount` rows kept positionally into a staging table of the transaction
 * `trx` with the columns and types of `table`'s `columns` (no constraints; temporary, dropped when
 * the transaction ends, so a rollback leaves nothing), emptied first, then filled by `copyRows`.
 * Returns its name. One table per target table and column list, reused by every chunk.
 */
export async function stageRows(
  trx: Db,
  table: string,
  columns: readonly string[],
  values: readonly unknown[],
  rowCount: number,
): Promise<string> {
  const list = quotedColumns(columns);
  const stage = `primm_stage_${table}_${columnsHash(list)}`;
  await trx.executeQuery(
    CompiledQuery.raw(
      `create temp table if not exists "${stage}" on commit drop as select ${list} from "${table}" with no data`,
    ),
  );
  await trx.executeQuery(CompiledQuery.raw(`truncate "${stage}"`));
  await copyRows(trx, stage, columns, values, rowCount);
  return stage;
}

/**
 * Below this many values an `INSERT … VALUES` is one round trip where staging takes four; above
 * it PostgreSQL spends more parsing and planning the bound values (≈ 12 µs each, measured on the
 * import of 12 000 students) than COPY costs.
 */
const COPY_FROM_VALUES = 2_000;

/**
 * `insertRows` for the importer's big writes (students, enrolments, the rows of `sync-rows.ts`):
 * on PostgreSQL, beyond a few thousand values, the rows go by `COPY … FROM STDIN` into a staging
 * table (`stageRows`) and one `INSERT … SELECT … tail` writes them (`tail` as in `insertRows`: an
 * ON CONFLICT clause, a RETURNING list), one round trip of data instead of a 60 000-value
 * statement the server parses value by value. The order the rows are written in (their ids) is
 * not promised, as with RETURNING: callers match returned rows by key. On SQLite, and for few
 * rows, exactly `insertRows`. Values must be what COPY's text
 * format writes (`copyText`): null, numbers, booleans, strings.
 */
export async function insertRowsStaged<T extends object, R = never>(
  db: Db,
  table: keyof Database & string,
  columns: readonly (keyof T & string)[],
  rows: readonly T[],
  tail = '',
): Promise<{ rows: R[]; affected: number }> {
  if (!isPostgres(db) || rows.length * columns.length < COPY_FROM_VALUES)
    return insertRows(db, table, columns, rows, tail);
  const values: unknown[] = [];
  for (const row of rows) for (const c of columns) values.push((row as Record<string, unknown>)[c] ?? null);
  const write = async (trx: Db): Promise<{ rows: R[]; affected: number }> => {
    const stage = await stageRows(trx, table, columns, values, rows.length);
    const list = quotedColumns(columns);
    const result = await trx.executeQuery<R>(
      CompiledQuery.raw(`insert into "${table}" (${list}) select ${list} from "${stage}"${tail ? ` ${tail}` : ''}`),
    );
    return { rows: [...result.rows], affected: Number(result.numAffectedRows ?? 0) };
  };
  // Temporary tables belong to a connection: outside a transaction the statements get one.
  return db.isTransaction ? write(db) : db.transaction().execute(write);
}

/** A short name for a column list (FNV-1a, hex). */
function columnsHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16);
}

/** A value in COPY's text format: `\N` for null, backslash, tab and line breaks escaped. */
function copyText(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 't' : 'f';
  const text = String(value);
  return /[\\\t\n\r]/.test(text) ? text.replace(/[\\\t\n\r]/g, (c) => COPY_ESCAPES[c]!) : text;
}

const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

const texts = new Map<string, string>();

function statementText(pg: boolean, table: string, columns: readonly string[], count: number, tail: string): string {
  const key = `${pg}|${table}|${columns.join(',')}|${count}|${tail}`;
  let text = texts.get(key);
  if (text === undefined) {
    let n = 0;
    const tuple = () => `(${columns.map(() => (pg ? `$${++n}` : '?')).join(', ')})`;
    text = `insert into "${table}" (${quotedColumns(columns)}) values ${Array.from({ length: count }, tuple).join(', ')}${tail ? ` ${tail}` : ''}`;
    if (texts.size >= 500) texts.clear(); // a few dozen in use: full statements plus each write's last one
    texts.set(key, text);
  }
  return text;
}

/** `"a", "b"`: our own column names (never user input), quoted for both dialects. */
export function quotedColumns(columns: readonly string[]): string {
  return columns.map((c) => `"${c}"`).join(', ');
}
