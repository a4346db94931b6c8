import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { KyselyPlugin } from 'kysely';
import { expect, test } from 'vitest';
import { findCurrentSchoolYear } from '../db/current-year';
import { migrateToLatest } from '../db/migrate';
import { openSqlite } from '../db/open-database';
import { ensureReferenceData } from '../reference/load-reference';
import { onPostgres } from '../testing/test-db';
import { currentStamp } from './recompute';
import { recomputeSchoolConcurrently } from './school-recompute';
import { findLatestRiskSettings } from './settings-repository';
import { importFixtureSchool } from './test-school';

test.skipIf(onPostgres)('recomputeSchoolConcurrently: when an import commits between reading and writing, then the school is computed again and its new data are not overwritten', async () => {
  const path = join(mkdtempSync(join(tmpdir(), 'primm-concurrent-')), 'primm.sqlite');
  const db = openSqlite(path);
  await migrateToLatest(db);
  await ensureReferenceData(db);
  const { schoolId, classId, rossi } = await importFixtureSchool(db);
  const year = (await findCurrentSchoolYear(db))!;
  const settings = (await findLatestRiskSettings(db)).data;
  const stamp = await currentStamp(db, year.id, settings);
  // Another connection (another thread, or the importer) commits a new absence and its batch
  // right after this one has read the stored hashes, its last read.
  const other = openSqlite(path);
  let fired = false;
  const importMeanwhile: KyselyPlugin = {
    transformQuery: ({ node }) => node,
    transformResult: async ({ result }) => {
      if (!fired && JSON.stringify(result.rows[0] ?? {}).includes('input_hash')) {
        fired = true;
        await other.transaction().execute(async (trx) => {
          const { id } = await trx.insertInto('import_batch').values({ started_at: '2026-02-02T08:00:00Z', source: 'cli', status: 'committed', files: '[]' }).returning('id').executeTakeFirstOrThrow();
          await trx.insertInto('attendance_event').values({ student_id: rossi, class_id: classId, date: '2026-01-29', kind: 'assenza', hours: 6, justified: 0, deroga: null, deroga_decided_on: null, import_batch_id: id }).execute();
        });
      }
      return result;
    },
  };

  const counts = await recomputeSchoolConcurrently(db.withPlugin(importMeanwhile), schoolId, { year, settings, stamp });

  expect(fired).toBe(true);
  expect(counts).toMatchObject({ students: 2, written: 1, unchanged: 1 });
  const row = await db.selectFrom('risk_result').select('indicators').where('student_id', '=', rossi).executeTakeFirstOrThrow();
  expect(JSON.parse(row.indicators)[0]).toMatchObject({ key: 'attendance_rate', details: { hoursAbsent: 12 } });
  await other.destroy();
  await db.destroy();
});
