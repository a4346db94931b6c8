import { chmodSync, closeSync, existsSync, mkdirSync, openSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, sql, SqliteDialect } from 'kysely';
import type { Database } from './database';
import { cachePreparedStatements } from './statement-cache';

export type Db = Kysely<Database>;

/**
 * The page size of a database this code creates: 16 KB, not SQLite's 4 KB. Each commit writes its
 * changed pages to the WAL, one call per page: a full recompute writes ≈ 1 KB per student, and with
 * 16 KB pages its commits take half the time (77 000 results: 0.47 → 0.22 s; docs/performance-history.md
 * §14). A database made before keeps 4 KB (a WAL database cannot change it), until a backup, which
 * is written with 16 KB pages, is restored (docs/deployment.md).
 */
export const PAGE_SIZE = 16384;

/** The page size of an open SQLite database. */
export async function readPageSize(db: Db): Promise<number> {
  return (await sql<{ page_size: number }>`pragma page_size`.execute(db)).rows[0]!.page_size;
}

/**
 * Opens the embedded SQLite database (a file, or `:memory:` for tests) with the settings the app
 * relies on: foreign keys enforced, WAL so readers never wait for the importer, and a busy
 * timeout so two processes (server and CLI) on one file queue instead of failing.
 */
export function openSqlite(path: string, options: { busyTimeoutMs?: number } = {}): Db {
  if (path !== ':memory:') prepareOwnerOnlyFile(path);
  const sqlite = new SQLite(path);
  sqlite.pragma(`page_size = ${PAGE_SIZE}`); // before WAL: only an empty database takes it
  if (path !== ':memory:') {
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL'); // with WAL: a killed process loses nothing; a power cut may lose the last commits, never consistency
  }
  return wrapSqlite(sqlite, options);
}

/** A kysely database over an open SQLite handle, with the per-connection settings above. */
export function wrapSqlite(sqlite: SQLite.Database, options: { busyTimeoutMs?: number } = {}): Db {
  cachePreparedStatements(sqlite);
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma(`busy_timeout = ${Math.trunc(options.busyTimeoutMs ?? 5000)}`);
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
}

/**
 * The file holds names, grades and absences of minors: only the server's user may read it. The
 * folder is made 0700 when we make it, the file 0600 before SQLite opens it (SQLite gives its WAL
 * and SHM files the database file's mode); a file an older version made 0644 is tightened.
 */
function prepareOwnerOnlyFile(path: string): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  if (!existsSync(path)) {
    try {
      closeSync(openSync(path, 'wx', 0o600));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err; // another process made it first
    }
  }
  for (const file of [path, `${path}-wal`, `${path}-shm`]) {
    if (!existsSync(file)) continue;
    const mode = statSync(file).mode & 0o777;
    if (!(mode & 0o077)) continue;
    try {
      chmodSync(file, mode & 0o700);
    } catch {
      console.warn(`${file} è leggibile da altri utenti (${mode.toString(8)}) e non posso cambiarlo: impostate 0600`);
    }
  }
}

/**
 * A second connection to the same SQLite file for what must answer while an import holds the
 * app's connection: kysely's SQLite driver keeps its one connection for a whole transaction, and
 * an import commit lasts seconds. In WAL mode this one reads the last committed state meanwhile;
 * its writes (a session's touch) find the write lock taken and give up after `busyTimeoutMs`.
 * PostgreSQL and `:memory:` need none: the pool has other connections, memory is one database
 * per connection. The caller destroys it.
 */
export function openSessionConnection(config: { dbPath: string; databaseUrl?: string | null }, db: Db): Db {
  return config.databaseUrl || config.dbPath === ':memory:' ? db : openSqlite(config.dbPath, { busyTimeoutMs: 50 });
}

/** The configured database: PostgreSQL when `DATABASE_URL` is set, the embedded SQLite file otherwise. */
export async function openDatabase(config: { dbPath: string; databaseUrl?: string | null }): Promise<Db> {
  if (config.databaseUrl) {
    const { openPostgres } = await import('./open-postgres');
    return openPostgres(config.databaseUrl);
  }
  return openSqlite(config.dbPath);
}
