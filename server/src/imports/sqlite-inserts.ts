import { CompiledQuery } from 'kysely';
import type { Row } from './sync-rows';

/** Bound values per statement: well under SQLite's limit (32 766), ≈ 500 rows of 10 columns. */
const PARAMETERS = 5000;

/**
 * SQLite: many rows as a few multi-row `INSERT … VALUES` statements with bound values. Every full
 * slice has the same text, so it is compiled once (db/statement-cache.ts) and the values go
 * straight to SQLite (passing them as JSON for `json_each` cost ≈ 15 % more). `tail` completes each
 * statement (an ON CONFLICT clause, a RETURNING list).
 */
export function sqliteInserts(table: string, columns: readonly string[], rows: readonly Row[], tail = ''): CompiledQuery[] {
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  const head = `insert into "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) values`;
  const per = Math.floor(PARAMETERS / columns.length);
  const statements: CompiledQuery[] = [];
  for (let i = 0; i < rows.length; i += per) {
    const slice = rows.slice(i, i + per);
    const values: unknown[] = [];
    for (const r of slice) for (const c of columns) values.push(r[c] ?? null);
    statements.push(CompiledQuery.raw(`${head} ${Array(slice.length).fill(tuple).join(', ')} ${tail}`, values));
  }
  return statements;
}
