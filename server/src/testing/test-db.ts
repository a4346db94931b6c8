import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrateToLatest } from '../db/migrate';
import { openSqlite, type Db } from '../db/open-database';
import { ensureReferenceData } from '../reference/load-reference';

/** A fresh, migrated in-memory database with provinces and municipalities, one per test. */
export async function createTestDb(): Promise<Db> {
  const db = openSqlite(':memory:');
  await migrateToLatest(db);
  await ensureReferenceData(db);
  return db;
}

export const testConfig = {
  webDist: '/nonexistent',
  version: 'test',
  demo: false,
  pseudonymKey: 'test-key',
  minCell: 10,
  uploadDir: mkdtempSync(join(tmpdir(), 'primm-test-uploads-')),
};
