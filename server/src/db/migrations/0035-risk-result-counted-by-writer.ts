import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../dialect';

const EVENTS = ['insert', 'update', 'delete'] as const;

/**
 * SQLite: `risk_result` no longer moves data_version (migration 0009) row by row; its one writer,
 * recompute/result-store.ts, moves it once per write. SQLite has only row triggers: a full
 * recompute of 200 000 students ran the counter's update 200 000 times, ≈ 6 % of its CPU
 * (docs/performance-history.md §12). Deleting a student, class or school (which deletes their
 * results) is still counted by those tables' own triggers. PostgreSQL's trigger counts once per
 * transaction already: it stays.
 */
export async function up(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) return;
  for (const event of EVENTS) await sql.raw(`drop trigger risk_result_${event}_data_version`).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) return;
  for (const event of EVENTS) {
    await sql.raw(`create trigger risk_result_${event}_data_version after ${event} on risk_result
          begin update data_version set version = version + 1 where id = 1; end`).execute(db);
  }
}
