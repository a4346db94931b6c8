import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
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
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}
