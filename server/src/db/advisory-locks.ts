import { sql } from 'kysely';
import { isPostgres } from './dialect';
import type { Db } from './open-database';

/**
 * PostgreSQL advisory locks, held until the transaction ends, across every instance and the CLI.
 * SQLite needs none: it has one writer, and the threads of a recompute check for a newer import
 * under its write lock (`recomputeSchoolConcurrently`).
 */

/** 'PRIM' in ASCII: imports, exclusive; recomputes, shared. */
const IMPORT_LOCK = 0x5052494d;
/** 'PRIS': saving a new version of the risk thresholds. */
const SETTINGS_LOCK = 0x50524953;
/** 'PRIN': with a school id (the two-key form, a key space of its own), one recompute per school. */
const RECOMPUTE_LOCK = 0x5052494e;

/** Imports one at a time, and none while a school is recomputed: two at once deadlock or race on new school years and students. */
export async function lockForImport(trx: Db): Promise<void> {
  if (isPostgres(trx)) await sql`select pg_advisory_xact_lock(${IMPORT_LOCK})`.execute(trx);
}

/**
 * Before a school's recompute reads anything: it waits for a running import (whose data it must
 * see whole, or its results would be older than the data they are stored next to) and for another
 * recompute of the same school (two would both log the same tier change). Recomputes of different
 * schools go on side by side. Inside an import's own transaction the shared lock is already
 * covered by the import's exclusive one (same session). `wait: false`: false at once when another
 * recompute holds the school (a running import is still waited for).
 */
export async function lockForSchoolRecompute(
  trx: Db,
  schoolId: number,
  options: { wait: boolean } = { wait: true },
): Promise<boolean> {
  if (!isPostgres(trx)) return true;
  await sql`select pg_advisory_xact_lock_shared(${IMPORT_LOCK})`.execute(trx);
  if (options.wait) {
    await sql`select pg_advisory_xact_lock(${RECOMPUTE_LOCK}, ${schoolId}::int)`.execute(trx);
    return true;
  }
  const { rows } = await sql<{
    ok: boolean;
  }>`select pg_try_advisory_xact_lock(${RECOMPUTE_LOCK}, ${schoolId}::int) as ok`.execute(trx);
  return rows[0]?.ok === true;
}

/**
 * Before reading the latest thresholds' version to save the next one (in the saving transaction):
 * two admins saving at once would both take n + 1 and one would fail on the key. SQLite has one
 * writer, so there the second transaction starts after the first commits.
 */
export async function lockForSettingsVersion(trx: Db): Promise<void> {
  if (isPostgres(trx)) await sql`select pg_advisory_xact_lock(${SETTINGS_LOCK})`.execute(trx);
}
