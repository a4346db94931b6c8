/** The driver's code of a database error (`SQLITE_…` from better-sqlite3, SQLSTATE from pg), or ''. */
export function databaseErrorCode(err: unknown): string {
  return typeof err === 'object' && err !== null && 'code' in err ? String(err.code) : '';
}
