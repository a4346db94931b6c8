import { CompiledQuery } from 'kysely';
import type { Row } from './sync-rows';

/**
 * SQLite: many rows in one constant statement that reads them as a JSON array of arrays. Its text
 * does not depend on the rows, so there is no query to compile per chunk (what kysely's multi-row
 * VALUES cost per row) and SQLite parses the JSON in C. `tail` completes the statement (an ON
 * CONFLICT clause, a RETURNING list); `where true` is SQLite's required disambiguation of
 * `INSERT … SELECT … ON CONFLICT`.
 */
export function sqliteJsonInsert(table: string, columns: readonly string[], rows: readonly Row[], tail = ''): CompiledQuery {
  const data = rows.map((r) => columns.map((c) => r[c] ?? null));
  return CompiledQuery.raw(
    `insert into "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) select ${columns.map((_, i) => `value ->> ${i}`).join(', ')} from json_each(?) where true ${tail}`,
    [JSON.stringify(data)],
  );
}
