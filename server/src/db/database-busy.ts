import { databaseErrorCode } from './error-code';

/**
 * The write lock is held by someone else beyond the busy timeout: SQLite (`SQLITE_BUSY…`,
 * `SQLITE_LOCKED…`) or PostgreSQL (55P03, lock not available). Trying again later works.
 */
export function isDatabaseBusy(err: unknown): boolean {
  const code = databaseErrorCode(err);
  return code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED') || code === '55P03';
}
