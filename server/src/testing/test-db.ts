import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { migrateToLatest } from '../db/migrate';
import { migrationProvider } from '../db/migrations/index';
import { wrapSqlite, type Db } from '../db/open-database';
import { ensureLetterTemplates } from '../letters/seed-templates';
import { ensureReferenceData } from '../reference/load-reference';

/**
 * A fresh, migrated database with provinces and municipalities, one per test: in-memory SQLite,
 * or, when `PG_URL` is set, a new database of that PostgreSQL server (the suite runs on both).
 *
 * Migrating and loading the reference data costs ≈ 20 ms on SQLite and ≈ 0.4 s on PostgreSQL
 * (DDL of every table, 225 municipalities), and the server suite makes several hundred databases.
 * So each test process does it ONCE into a template — a serialized SQLite image, a PostgreSQL
 * template database — and every test gets a copy of it: same schema, same rows, own database.
 */
export async function createTestDb(): Promise<Db> {
  testDatabasesMade += 1;
  if (process.env.PG_URL) return freshPostgresDatabase(process.env.PG_URL);
  sqliteImage ??= buildSqliteImage();
  return sqliteFromImage(await sqliteImage);
}

let testDatabasesMade = 0;

/** How many databases this test file made: setup-tests.ts checks it is one PostgreSQL repeats. */
export const databasesMade = (): number => testDatabasesMade;

/** True when the tests run on PostgreSQL (a few SQLite-only checks are skipped then). */
export const onPostgres = Boolean(process.env.PG_URL);

/**
 * Runs of a property test that compares SQL with an in-memory computation: all of them on SQLite,
 * a quarter on PostgreSQL, where each request costs several times more and what is checked there
 * is the dialect (the same statements on another engine), not the search for a rare input.
 */
export const propertyRuns = (sqliteRuns: number): number =>
  onPostgres ? Math.max(10, Math.round(sqliteRuns / 4)) : sqliteRuns;

let sqliteImage: Promise<Buffer> | undefined;

async function buildSqliteImage(): Promise<Buffer> {
  const sqlite = new SQLite(':memory:');
  const db = wrapSqlite(sqlite);
  await migrateToLatest(db);
  await ensureReferenceData(db);
  await ensureLetterTemplates(db);
  const image = sqlite.serialize();
  await db.destroy();
  return image;
}

/** A writable in-memory SQLite database holding its own copy of the template. */
function sqliteFromImage(image: Buffer): Db {
  return wrapSqlite(new SQLite(image));
}

/** The migrations this code has: a template is reused only by code with the same migrations. */
async function migrationsStamp(): Promise<string> {
  const names = Object.keys(await migrationProvider.getMigrations())
    .sort()
    .join(',');
  return createHash('sha256').update(names).digest('hex').slice(0, 12);
}

let pgTemplate: Promise<string> | undefined;

/**
 * The template database of this server and these migrations, made once. Several test processes
 * may ask at once: the first to take the advisory lock builds it, the others find it made.
 */
async function ensurePostgresTemplate(url: string): Promise<string> {
  const { openPostgres } = await import('../db/open-postgres');
  const name = `primm_tpl_${await migrationsStamp()}`;
  const admin = openPostgres(url, { max: 1 });
  try {
    await admin.connection().execute(async (conn) => {
      await sql`select pg_advisory_lock(482917)`.execute(conn);
      try {
        const found = await sql<{
          n: number;
        }>`select count(*)::int as n from pg_database where datname = ${name}`.execute(conn);
        if (found.rows[0]!.n > 0) return;
        await sql`create database ${sql.id(`${name}_build`)}`.execute(conn);
        const build = openPostgres(withDatabase(url, `${name}_build`), { max: 1 });
        await migrateToLatest(build);
        await ensureReferenceData(build);
        await ensureLetterTemplates(build);
        await build.destroy();
        // Renamed only once complete: a template that exists is a template that is whole.
        await sql`alter database ${sql.id(`${name}_build`)} rename to ${sql.id(name)}`.execute(conn);
      } finally {
        await sql`select pg_advisory_unlock(482917)`.execute(conn);
      }
    });
  } finally {
    await admin.destroy();
  }
  return name;
}

async function freshPostgresDatabase(url: string): Promise<Db> {
  const { openPostgres } = await import('../db/open-postgres');
  pgTemplate ??= ensurePostgresTemplate(url);
  const template = await pgTemplate;
  const name = `t_${randomBytes(6).toString('hex')}`;
  const admin = openPostgres(url, { max: 1 });
  await sql`create database ${sql.id(name)} template ${sql.id(template)} strategy file_copy`.execute(admin);
  await admin.destroy();
  const testUrl = withDatabase(url, name);
  const db = openPostgres(testUrl, { max: 4 });
  databases.set(db, testUrl);
  made.push({ name, pools: [db] });
  return db;
}

/** The databases this test file made, with every pool opened on them. */
const made: { name: string; pools: Db[] }[] = [];

/**
 * Drops the PostgreSQL databases of the test file that ends (each is a few MB on disk, the suite
 * makes hundreds); its pools are closed first. Called from the server project's setup file.
 */
export async function dropTestDatabases(): Promise<void> {
  if (!process.env.PG_URL || made.length === 0) return;
  const { openPostgres } = await import('../db/open-postgres');
  const done = made.splice(0);
  for (const { pools } of done) for (const pool of pools) await pool.destroy();
  const admin = openPostgres(process.env.PG_URL, { max: 1 });
  try {
    for (const { name } of done) await sql`drop database if exists ${sql.id(name)} with (force)`.execute(admin);
  } finally {
    await admin.destroy();
  }
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

const databases = new WeakMap<Db, string>();

/**
 * PostgreSQL: a second pool on the same test database, as a second app instance would have (its
 * own connections and its own process-level state). The caller destroys it.
 */
export async function anotherInstanceOf(db: Db): Promise<Db> {
  const url = databases.get(db);
  if (!url) throw new Error('anotherInstanceOf: only for a PostgreSQL database made by createTestDb');
  const { openPostgres } = await import('../db/open-postgres');
  const other = openPostgres(url, { max: 4 });
  made.find((m) => url.endsWith(`/${m.name}`))?.pools.push(other);
  return other;
}

export const testConfig = {
  webDist: '/nonexistent',
  version: 'test',
  demo: false,
  pseudonymKey: 'test-key',
  minCell: 10,
  // Tests of counting compare exact numbers; the privacy tests set the production noise (2).
  aggregateNoise: 0,
  uploadDir: mkdtempSync(join(tmpdir(), 'primm-test-uploads-')),
};
