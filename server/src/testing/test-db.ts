import { createHash } from 'node:crypto';
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
import { testDbHooks } from './test-db-hooks';

/**
 * A fresh, migrated database with provinces and municipalities, one per test: in-memory SQLite,
 * or, when `PG_URL` is set, a database of that PostgreSQL server (the suite runs on both).
 *
 * Migrating and loading the reference data costs ≈ 20 ms on SQLite and ≈ 0.4 s on PostgreSQL
 * (DDL of every table, 225 municipalities), and the server suite makes several hundred databases.
 * So it is done ONCE into a template — a serialized SQLite image per test process, a PostgreSQL
 * template database per server — and every test gets the template's state: on SQLite a copy of
 * the image; on PostgreSQL one of its worker's databases, brought back to the template's rows and
 * sequences (see freshPostgresDatabase). A test that changes the schema on PostgreSQL is noticed
 * and its database made again; a test that needs a database of its own opens one (PG_URL).
 */
export async function createTestDb(): Promise<Db> {
  testDatabasesMade += 1;
  if (process.env.PG_URL) return freshPostgresDatabase(process.env.PG_URL);
  sqliteImage ??= buildSqliteImage();
  return sqliteFromImage(await sqliteImage);
}

let testDatabasesMade = 0;

/**
 * How many databases this module has made, over every test file that shared it (the server project
 * runs a worker's files in one module graph): setup-tests.ts counts a file's own from the difference,
 * and checks a file that made any is one PostgreSQL repeats.
 */
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

/**
 * What a reused database is brought back to — the template's rows (reference data, letter
 * templates, the migration log), its sequences' positions, its schema — as one statement.
 */
type TemplateState = { reset: string };

let pgTemplateState: Promise<TemplateState> | undefined;

/**
 * A summary of the schema — count and highest oid of the relations, constraints, defaults,
 * functions and triggers, and the columns' types and flags — that any DDL changes (a new object
 * takes a new oid; a column's type or nullability shows in the sum): a test that altered it leaves
 * a database that is not reused but made again from the template. Sums, not a digest of every
 * name: this runs before every test.
 */
const schemaFingerprint = sql<{ fingerprint: string }>`
  select concat_ws('/',
    (select count(*) || ':' || max(oid::int8) from pg_class),
    (select count(*) || ':' || sum(atttypid::int8 + attnum + attnotnull::int + attisdropped::int * 7 + atthasdef::int * 3)
       from pg_attribute where attrelid >= 16384),
    (select count(*) || ':' || coalesce(max(oid::int8), 0) from pg_constraint),
    (select count(*) || ':' || coalesce(max(oid::int8), 0) from pg_attrdef),
    (select count(*) || ':' || max(oid::int8) from pg_proc),
    (select count(*) || ':' || coalesce(max(oid::int8), 0) from pg_trigger)
  ) as fingerprint`;

/**
 * Reads the template's state, once per test file (a short connection: it stays a template), and
 * writes the DO block that puts a used database back to it: one round trip before each test.
 */
async function readTemplateState(url: string, template: string): Promise<TemplateState> {
  const { openPostgres } = await import('../db/open-postgres');
  const db = openPostgres(withDatabase(url, template), { max: 1 });
  try {
    const tables = (
      await sql<{
        name: string;
      }>`select tablename as name from pg_tables where schemaname = 'public' order by 1`.execute(db)
    ).rows.map((r) => r.name);
    const rows = (
      await sql<{ table: string; json: string | null }>`${sql.join(
        tables.map((t) => sql`select ${t}::text as table, (select json_agg(t)::text from ${sql.table(t)} t) as json`),
        sql` union all `,
      )}`.execute(db)
    ).rows.filter((r): r is { table: string; json: string } => r.json !== null);
    const sequences = (
      await sql<{ name: string; value: string; called: boolean }>`
        select sequencename as name, coalesce(last_value, start_value)::text as value, last_value is not null as called
          from pg_sequences where schemaname = 'public'`.execute(db)
    ).rows;
    const schema = (await schemaFingerprint.execute(db)).rows[0]!.fingerprint;
    const compiled = schemaFingerprint.compile(db).sql;
    const id = (name: string) => `"${name.replaceAll('"', '""')}"`;
    const literal = (text: string) => `'${text.replaceAll("'", "''")}'`;
    const reset = [
      'do $primm_reset$ begin',
      // A test that changed the schema: the database is made again (SCHEMA_CHANGED, below).
      `if (${compiled}) <> ${literal(schema)} then raise exception using errcode = '${SCHEMA_CHANGED}'; end if;`,
      // Triggers stay quiet while the state is put back: open_data_release refuses a delete, the
      // foreign keys' own triggers need no order among the tables, and data_version's row comes
      // back with the template's number rather than one bumped by the reset. (A superuser's
      // setting: the test server's role is one, as it makes databases.)
      'set local session_replication_role = replica;',
      // DELETE of the tables that hold rows, not TRUNCATE of all of them: a test writes to a few
      // of ≈ 70 tables, and TRUNCATE makes new files for every table and index (0.3–0.7 s on a
      // loaded machine, more than the CREATE DATABASE it replaces).
      ...tables.map((t) => `if exists (select from ${id(t)}) then delete from ${id(t)}; end if;`),
      ...rows.map(
        (r) =>
          `insert into ${id(r.table)} select * from json_populate_recordset(null::${id(r.table)}, ${literal(r.json)});`,
      ),
      // Every sequence, used by the test or not, where the template has it.
      ...sequences.map((q) => `perform setval(${literal(id(q.name))}, ${Number(q.value)}, ${q.called});`),
      'end $primm_reset$',
    ].join('\n');
    return { reset };
  } finally {
    await db.destroy();
  }
}

/** The SQLSTATE the reset raises when the schema is not the template's (a code of our own). */
const SCHEMA_CHANGED = 'PRMSC';

/**
 * PostgreSQL: the databases of this vitest worker, reused from test to test. Making one per test
 * (CREATE DATABASE … TEMPLATE, a file copy of every table and index) cost ≈ 0.25 s of IO, ≈ 850
 * times a run; bringing a used one back to the template's state (below) costs a few milliseconds.
 * A worker runs one test file at a time, so its databases (named after VITEST_POOL_ID) are free
 * when a file starts; within a file, a database is in use until the end of the test that took it,
 * or until the file ends if it was taken outside a test (beforeAll, module level).
 */
type Slot = { index: number; name: string; url: string; pools: Db[]; scope: 'test' | 'file' };
const slots: Slot[] = [];
let scope: 'test' | 'file' = 'file';

async function freshPostgresDatabase(url: string): Promise<Db> {
  const { openPostgres } = await import('../db/open-postgres');
  pgTemplate ??= ensurePostgresTemplate(url);
  const template = await pgTemplate;
  pgTemplateState ??= readTemplateState(url, template);
  const state = await pgTemplateState;

  let index = 0;
  while (slots.some((s) => s.index === index)) index += 1;
  const name = `${template.replace('primm_tpl_', 't_')}_w${process.env.VITEST_POOL_ID ?? process.pid}_${index}`;
  const testUrl = withDatabase(url, name);
  const slot: Slot = { index, name, url: testUrl, pools: [], scope };
  slots.push(slot);

  let db = openPostgres(testUrl, { max: 4 });
  const made = await ensureDatabase(url, name, template);
  if (!made && !(await resetToTemplate(db, state))) {
    // A test changed the schema (or the database is not ours): start again from the template.
    await db.destroy();
    await dropDatabase(url, name);
    await ensureDatabase(url, name, template);
    db = openPostgres(testUrl, { max: 4 });
  }
  slot.pools.push(db);
  databases.set(db, testUrl);
  return db;
}

/** The worker's databases this file has seen exist: asked about once, not before each test. */
const existing = new Set<string>();

/** Makes the database from the template unless it exists; true when it was made now. */
async function ensureDatabase(url: string, name: string, template: string): Promise<boolean> {
  if (existing.has(name)) return false;
  const { openPostgres } = await import('../db/open-postgres');
  const admin = openPostgres(url, { max: 1 });
  try {
    const found = await sql<{ n: number }>`select count(*)::int as n from pg_database where datname = ${name}`.execute(
      admin,
    );
    const made = found.rows[0]!.n === 0;
    if (made) await sql`create database ${sql.id(name)} template ${sql.id(template)} strategy file_copy`.execute(admin);
    existing.add(name);
    return made;
  } finally {
    await admin.destroy();
  }
}

async function dropDatabase(url: string, name: string): Promise<void> {
  existing.delete(name);
  const { openPostgres } = await import('../db/open-postgres');
  const admin = openPostgres(url, { max: 1 });
  try {
    await sql`drop database if exists ${sql.id(name)} with (force)`.execute(admin);
  } finally {
    await admin.destroy();
  }
}

/**
 * Brings a used database back to the template's state, exactly: every table emptied, the
 * template's rows inserted again, every sequence where the template has it. Connections a test
 * left behind (a worker thread, a pool it did not close) are ended first, as DROP … WITH (FORCE)
 * did, so that no lock of theirs stalls the TRUNCATE and no late write of theirs lands in the
 * next test. False, and nothing done, when the schema is not the template's.
 */
async function resetToTemplate(db: Db, state: TemplateState): Promise<boolean> {
  return db.connection().execute(async (conn) => {
    // The pools of the last test were ended, but pg closes their sockets after end() resolves: a
    // connection terminated while closing raises an uncaught error in its client. So wait for them
    // to go (milliseconds), and end only what is still there after 2 s.
    const others = sql<{ n: number }>`select count(*)::int as n from pg_stat_activity
      where datname = current_database() and pid <> pg_backend_pid()`;
    let left = (await others.execute(conn)).rows[0]!.n;
    for (let waited = 0; left > 0 && waited < 2000; waited += 10) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      left = (await others.execute(conn)).rows[0]!.n;
    }
    if (left > 0)
      await sql`select pg_terminate_backend(pid) from pg_stat_activity
        where datname = current_database() and pid <> pg_backend_pid()`.execute(conn);
    try {
      await sql.raw(state.reset).execute(conn);
      return true;
    } catch (err) {
      if ((err as { code?: string }).code === SCHEMA_CHANGED) return false;
      throw err;
    }
  });
}

/** Called before each test (setup-tests.ts): databases taken from now on end with the test. */
export function testStarts(): void {
  scope = 'test';
}

/** Called after each test, after the file's own afterEach: its databases are given back. */
export async function testEnds(): Promise<void> {
  scope = 'file';
  await release((s) => s.scope === 'test');
}

/** Called when a test file ends: every database it still holds is given back. */
export async function releaseTestDatabases(): Promise<void> {
  await release(() => true);
}

/** Closes the pools on the databases given back; the databases stay, for the next test. */
async function release(which: (slot: Slot) => boolean): Promise<void> {
  for (const slot of slots.filter(which)) {
    slots.splice(slots.indexOf(slot), 1);
    for (const pool of slot.pools) await pool.destroy();
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
  slots.find((s) => s.url === url)?.pools.push(other);
  return other;
}

// The setup file's hooks reach this module through testDbHooks (see there).
Object.assign(testDbHooks, { testStarts, testEnds, releaseTestDatabases, databasesMade });

export const testConfig = {
  webDist: '/nonexistent',
  version: 'test',
  demo: false,
  pseudonymKey: 'test-key',
  minCell: 10,
  // Tests of counting compare exact numbers; the privacy tests set the production noise (2).
  aggregateNoise: 0,
  /**
   * A folder made in the running test file's temporary folder (temp-dirs.ts), on first use in that
   * file: the server project shares one module graph among the files of a worker (isolate: false),
   * so a folder made when this module loads would be the first file's, removed when it ends.
   */
  get uploadDir(): string {
    const tmp = tmpdir();
    if (uploadDirOf?.tmp !== tmp) uploadDirOf = { tmp, dir: mkdtempSync(join(tmp, 'primm-test-uploads-')) };
    return uploadDirOf.dir;
  },
};

let uploadDirOf: { tmp: string; dir: string } | undefined;
