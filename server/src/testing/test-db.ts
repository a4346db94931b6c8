import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { migrateToLatest } from '../db/migrate';
import { openSqlite, type Db } from '../db/open-database';
import { ensureReferenceData } from '../reference/load-reference';

/**
 * A fresh, migrated database with provinces and municipalities, one per test: in-memory SQLite,
 * or, when `PG_URL` is set, a new schema of that PostgreSQL server (the suite runs on both).
 */
export async function createTestDb(): Promise<Db> {
  const { db, schema } = process.env.PG_URL ? await freshPostgresSchema(process.env.PG_URL) : { db: openSqlite(':memory:'), schema: undefined };
  await migrateToLatest(db, { schema });
  await ensureReferenceData(db);
  return db;
}

/** True when the tests run on PostgreSQL (a few SQLite-only checks are skipped then). */
export const onPostgres = Boolean(process.env.PG_URL);

async function freshPostgresSchema(url: string): Promise<{ db: Db; schema: string }> {
  const { openPostgres } = await import('../db/open-postgres');
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = openPostgres(url, { max: 1 });
  await sql`create schema ${sql.id(schema)}`.execute(admin);
  await admin.destroy();
  const db = openPostgres(url, { schema, max: 4 });
  schemas.set(db, { url, schema });
  return { db, schema };
}

const schemas = new WeakMap<Db, { url: string; schema: string }>();

/**
 * PostgreSQL: a second pool on the same test schema, as a second app instance would have (its
 * own connections and its own process-level state). The caller destroys it.
 */
export async function anotherInstanceOf(db: Db): Promise<Db> {
  const target = schemas.get(db);
  if (!target) throw new Error('anotherInstanceOf: only for a PostgreSQL database made by createTestDb');
  const { openPostgres } = await import('../db/open-postgres');
  return openPostgres(target.url, { schema: target.schema, max: 4 });
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
