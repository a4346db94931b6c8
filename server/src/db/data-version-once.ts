import { CompiledQuery } from 'kysely';
import { isPostgres } from './dialect';
import type { Db } from './open-database';

/**
 * Runs `work` inside the caller's transaction `trx` with data_version moved once instead of once
 * a row (issue 24 item 5). SQLite has only row triggers (migration 0009): an import of a million
 * attendance rows updated the counter a million times, ≈ 15 % of what SQLite alone spends writing
 * them (`pnpm bench import`, schema floor). Here its `*_data_version` triggers are dropped, the
 * work runs, the counter moves once and the triggers are created again with their own text, all
 * in the same transaction: SQLite's schema changes are transactional, so a rollback (a failure,
 * a kill, a dry run) gives them back, and no other writer can run meanwhile (one writer at a
 * time), so none can write without them. PostgreSQL's triggers already count once per
 * transaction: `work` runs as is.
 */
export async function withDataVersionOnce<T>(trx: Db, work: () => Promise<T>): Promise<T> {
  if (isPostgres(trx)) return work();
  const triggers = (
    await trx.executeQuery<{ name: string; sql: string }>(
      CompiledQuery.raw(
        `select name, sql from sqlite_master where type = 'trigger' and name like '%\\_data\\_version' escape '\\' order by name`,
      ),
    )
  ).rows;
  for (const t of triggers) await trx.executeQuery(CompiledQuery.raw(`drop trigger "${t.name.replace(/"/g, '""')}"`));
  const result = await work();
  await bumpDataVersion(trx);
  for (const t of triggers) await trx.executeQuery(CompiledQuery.raw(t.sql));
  return result;
}

/**
 * Moves data_version by one, as migration 0009's triggers do for a write: for writers that count
 * their writes themselves (`withDataVersionOnce`, recompute/result-store.ts on SQLite).
 */
export async function bumpDataVersion(db: Db): Promise<void> {
  await db.executeQuery(CompiledQuery.raw('update data_version set version = version + 1 where id = 1'));
}
