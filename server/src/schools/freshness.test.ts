import { resolve } from 'node:path';
import request from 'supertest';
import { describe, expect, test } from 'vitest';
import { createApp } from '../app';
import { repoRoot } from '../config';
import { importPaths } from '../imports/import-paths';
import { aUser, authAs } from '../testing/auth-as';
import { aSchool } from '../testing/factories';
import { createTestDb, testConfig } from '../testing/test-db';

const fixture = resolve(repoRoot, 'fixtures/import/generator-format/ANPS03000E');

describe('GET /api/schools/:code: data freshness', () => {
  test('when the school was imported, then its page says the latest register day and when the import ended', async () => {
    const db = await createTestDb();
    await importPaths(db, [fixture], { pseudonymKey: testConfig.pseudonymKey, source: 'cli', recompute: false });
    const school = await db
      .selectFrom('school')
      .select('id')
      .where('code', '=', 'ANPS03000E')
      .executeTakeFirstOrThrow();
    const batch = await db.selectFrom('import_batch').select(['id', 'finished_at']).executeTakeFirstOrThrow();
    const referent = await aUser(db, 'referente', { schoolIds: [school.id] });

    const res = await request(createApp({ db, config: testConfig }))
      .get('/api/schools/ANPS03000E')
      .set(await authAs(db, referent));

    expect(res.status).toBe(200);
    // voti.csv reaches 30/01/2026, assenze.csv 06/10/2025: the latest of the two.
    expect(res.body.freshness).toEqual({ latestDataOn: '2026-01-30', latestImportAt: batch.finished_at });
    expect(await db.selectFrom('import_batch_school').selectAll().execute()).toEqual([
      { import_batch_id: batch.id, school_id: school.id },
    ]);
  });

  test('when a school has never been imported, then both dates are null', async () => {
    const db = await createTestDb();
    await aSchool(db, { code: 'ANPS01000X' });

    const res = await request(createApp({ db, config: testConfig }))
      .get('/api/schools/ANPS01000X')
      .set(await authAs(db, await aUser(db, 'admin')));

    expect(res.body.freshness).toEqual({ latestDataOn: null, latestImportAt: null });
  });

  test('when an import is only previewed, then no school is linked to it', async () => {
    const db = await createTestDb();

    await importPaths(db, [fixture], { pseudonymKey: testConfig.pseudonymKey, source: 'cli', dryRun: true });

    expect(await db.selectFrom('import_batch_school').selectAll().execute()).toEqual([]);
  });
});
