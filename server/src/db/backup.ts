import { closeSync, existsSync, openSync, renameSync, rmSync } from 'node:fs';
import SQLite from 'better-sqlite3';
import { PAGE_SIZE } from './open-database';

/**
 * Online backup of the embedded database: `VACUUM INTO` writes a consistent snapshot in one read
 * transaction even while the server writes (WAL). The page-stepping backup API would restart at
 * every concurrent write and might never finish under load. Never a half-written file at `dest`
 * (written aside, checked, then renamed). Returns the pages of the copy.
 */
export async function backupDatabase(source: string, dest: string): Promise<{ pages: number }> {
  if (!existsSync(source)) throw new Error(`Database inesistente: ${source}`);
  const db = new SQLite(source, { readonly: true, fileMustExist: true });
  const partial = `${dest}.partial`;
  try {
    vacuumIntoOwnerOnly(db, partial);
    const pages = checkIntegrity(partial);
    renameSync(partial, dest);
    return { pages };
  } finally {
    db.close();
    rmSync(partial, { force: true });
  }
}

/**
 * Restores a backup into `dest` (the server must be stopped): the backup is checked first, then
 * copied beside the target and moved over it, so a failure leaves the old database in place.
 */
export async function restoreDatabase(backup: string, dest: string): Promise<{ pages: number }> {
  if (!existsSync(backup)) throw new Error(`Backup inesistente: ${backup}`);
  checkIntegrity(backup);
  const db = new SQLite(backup, { readonly: true, fileMustExist: true });
  const partial = `${dest}.restoring`;
  try {
    vacuumIntoOwnerOnly(db, partial);
    const totalPages = checkIntegrity(partial);
    for (const suffix of ['-wal', '-shm']) rmSync(`${dest}${suffix}`, { force: true }); // stale log of the old file
    renameSync(partial, dest);
    return { pages: totalPages };
  } finally {
    db.close();
    rmSync(partial, { force: true });
  }
}

/**
 * `VACUUM INTO` a file only the server's user may read: the copy holds names, grades and absences
 * of minors, like the database (open-database.ts), and SQLite would create it with the umask
 * (0644). It writes into an existing file as long as it is empty, so the file is made 0600 first.
 */
function vacuumIntoOwnerOnly(db: SQLite.Database, path: string): void {
  rmSync(path, { force: true }); // a leftover of an interrupted run
  closeSync(openSync(path, 'wx', 0o600));
  // The copy gets the pages of a database made today (open-database.ts), whatever the source's:
  // restoring a backup is how a database of 4 KB pages moves to 16 KB.
  db.pragma(`page_size = ${PAGE_SIZE}`);
  db.prepare('VACUUM INTO ?').run(path);
}

/** The page count of a sound database file, or a clear error. */
function checkIntegrity(path: string): number {
  const db = new SQLite(path, { readonly: true, fileMustExist: true });
  try {
    const result = db.pragma('integrity_check', { simple: true });
    if (result !== 'ok') throw new Error(`integrity_check: ${String(result)}`);
    return Number(db.pragma('page_count', { simple: true }));
  } catch (err) {
    throw new Error(`Il file ${path} non è un database SQLite leggibile: ${(err as Error).message}`, { cause: err });
  } finally {
    db.close();
  }
}
