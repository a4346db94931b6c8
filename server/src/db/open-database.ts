import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Database } from './database';
import { cachePreparedStatements } from './statement-cache';

export type Db = Kysely<Database>;

/**
 * Opens the embedded SQLite database (a file, or `:memory:` for tests) with the settings the app
 * relies on: foreign keys enforced, WAL so readers never wait for the importer, and a busy
 * timeout so two processes (server and CLI) on one file queue instead of failing.
 */
export function openSqlite(path: string): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new SQLite(path);
  cachePreparedStatements(sqlite);
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  if (path !== ':memory:') {
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL'); // with WAL: a killed process loses nothing; a power cut may lose the last commits, never consistency
  }
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
}

/** The configured database: PostgreSQL when `DATABASE_URL` is set, the embedded SQLite file otherwise. */
export async function openDatabase(config: { dbPath: string; databaseUrl?: string | null }): Promise<Db> {
  if (config.databaseUrl) {
    const { openPostgres } = await import('./open-postgres');
    return openPostgres(config.databaseUrl);
  }
  return openSqlite(config.dbPath);
}
