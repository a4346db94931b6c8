import { sql } from 'kysely';
import type { Db } from '../db/open-database';

/** SQLite's own verdict on the file (`ok`, or the problems it found): for the kill tests. */
export async function integrityCheck(db: Db): Promise<string> {
  const { rows } = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(db);
  return rows.map((r) => r.integrity_check).join('\n');
}

/**
 * True while another connection (another process) holds the write lock of this SQLite file, i.e.
 * is inside a write transaction: a kill test's sign that an import is under way. Never waits.
 */
export async function isWriteLocked(db: Db): Promise<boolean> {
  await sql`pragma busy_timeout = 0`.execute(db);
  try {
    await sql`begin immediate`.execute(db);
  } catch (err) {
    if ((err as { code?: string }).code === 'SQLITE_BUSY') return true;
    throw err;
  }
  await sql`rollback`.execute(db);
  return false;
}
