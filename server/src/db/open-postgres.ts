import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { COPY_FROM_STDIN } from './bulk-insert';
import type { Database } from './database';

// count(*) and bigint ids come back as strings by default; ours fit in a JS number (< 2^53).
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

/**
 * PostgreSQL, the scale-out target (DESIGN.md): the same repositories and migrations as SQLite.
 * `schema` isolates a test run (search_path); production uses the URL's default schema. The
 * result is a `Db` (open-database.ts, which loads this file only when PostgreSQL is configured).
 */
export function openPostgres(url: string, options: { schema?: string; max?: number } = {}): Kysely<Database> {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  });
  pool.on('connect', acceptCopyFromStdin);
  // An idle connection the server ended (a restart, an administrator, a failover) is reported as an
  // 'error' event of the pool; without a listener Node ends the process. The pool has dropped that
  // connection already and opens a new one when next needed; a query in flight fails on its own.
  pool.on('error', (err) => console.error(`PostgreSQL: una connessione inattiva è stata chiusa (${err.message})`));
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

/**
 * `COPY … FROM STDIN` through kysely, on the connection (and so in the transaction) of the query:
 * node-postgres sends COPY data only through a stream object (pg-copy-streams), which kysely has
 * no way to pass. A query whose text starts with `COPY_FROM_STDIN` (db/bulk-insert.ts, `copyRows`)
 * is therefore run here as that COPY, its one parameter the data in COPY's text format.
 */
function acceptCopyFromStdin(client: pg.PoolClient): void {
  const query = client.query.bind(client) as (text: unknown, values?: unknown[]) => unknown;
  client.query = ((text: unknown, values?: unknown[]) => {
    if (typeof text !== 'string' || !text.startsWith(COPY_FROM_STDIN)) return query(text, values);
    return new Promise((resolve, reject) => {
      const stream = query(copyFrom(text.slice(COPY_FROM_STDIN.length))) as ReturnType<typeof copyFrom>;
      stream.on('error', reject);
      stream.on('finish', () => resolve({ command: 'COPY', rowCount: stream.rowCount, rows: [] }));
      stream.end(String(values?.[0] ?? ''));
    });
  }) as typeof client.query;
}
