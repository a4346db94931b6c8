import { existsSync, renameSync, rmSync } from 'node:fs';
import SQLite from 'better-sqlite3';

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
    db.prepare('VACUUM INTO ?').run(partial);
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
    db.prepare('VACUUM INTO ?').run(partial);
    const totalPages = checkIntegrity(partial);
    for (const suffix of ['-wal', '-shm']) rmSync(`${dest}${suffix}`, { force: true }); // stale log of the old file
    renameSync(partial, dest);
    return { pages: totalPages };
  } finally {
    db.close();
    rmSync(partial, { force: true });
  }
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
