import { resolve } from 'node:path';
import { CompiledQuery } from 'kysely';
import { describe, expect, test } from 'vitest';
import { readDataVersion } from '../aggregates/result-cache';
import { repoRoot } from '../config';
import { importPaths } from '../imports/import-paths';
import { aSchool } from '../testing/factories';
import { createTestDb, onPostgres, testConfig } from '../testing/test-db';
import { isPostgres } from './dialect';
import type { Db } from './open-database';

const fixture = resolve(repoRoot, 'fixtures/import/generator-format/ANPS03000E');
const options = { pseudonymKey: testConfig.pseudonymKey, source: 'cli' as const, recompute: false };

/** The SQLite triggers that move data_version, with their text; none on PostgreSQL's side of the test. */
async function dataVersionTriggers(db: Db): Promise<{ name: string; sql: string }[]> {
  if (isPostgres(db)) return [];
  const rows = await db.executeQuery<{ name: string; sql: string }>(
    CompiledQuery.raw(
      `select name, sql from sqlite_master where type = 'trigger' and name like '%data_version' order by name`,
    ),
  );
  return rows.rows;
}

describe('withDataVersionOnce: an import moves the aggregates data version once', () => {
  test('import: when a school of hundreds of rows is imported, then data_version grows by exactly one and its triggers are all back', async () => {
    const db = await createTestDb();
    const triggers = await dataVersionTriggers(db);
    const before = await readDataVersion(db);

    const summary = await importPaths(db, [fixture], options);

    expect(summary.inserted).toBeGreaterThan(20);
    expect(await readDataVersion(db)).toBe(before + 1);
    expect(await dataVersionTriggers(db)).toEqual(triggers);
    if (!onPostgres) expect(triggers).toHaveLength(15 * 3); // migration 0009: every versioned table, each change; 0035: not risk_result
  });

  test('import: when the import is rolled back, then data_version stays and its triggers are all there', async () => {
    const db = await createTestDb();
    await aSchool(db, { code: 'ANPS03000E' });
    const triggers = await dataVersionTriggers(db);
    const before = await readDataVersion(db);

    await expect(
      importPaths(db, [fixture], { ...options, allowPartial: false, scope: { schoolIds: [-1] } }),
    ).rejects.toThrow();
    await expect(importPaths(db, [fixture], { ...options, dryRun: true })).resolves.toMatchObject({ batchId: null });

    expect(await readDataVersion(db)).toBe(before);
    expect(await dataVersionTriggers(db)).toEqual(triggers);
  });

  test('import: when a row is written after an import, then the triggers count it again', async () => {
    const db = await createTestDb();
    await importPaths(db, [fixture], options);
    const before = await readDataVersion(db);

    await db.updateTable('school').set({ name: 'ALTRO NOME' }).execute();

    expect(await readDataVersion(db)).toBeGreaterThan(before);
  });
});
