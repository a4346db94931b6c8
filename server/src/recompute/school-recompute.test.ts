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
import { currentStamp, recomputeSchool } from './recompute';
import { recomputeSchoolConcurrently } from './school-recompute';
import { findLatestRiskSettings } from '../risk-settings/repository';
import { importFixtureSchool } from '../testing/fixture-school';
import { parseIndicators } from '../risk/stored-indicators';

/**
 * A SQLite file with the fixture school, and a plugin with which another connection (another
 * thread, another process such as a CLI import) commits a new absence for Rossi and its batch
 * right after the recompute has read the stored hashes, its last read.
 */
async function aFileWithAnImportMeanwhile() {
  const path = join(mkdtempSync(join(tmpdir(), 'primm-concurrent-')), 'primm.sqlite');
  const db = openSqlite(path);
  await migrateToLatest(db);
  await ensureReferenceData(db);
  const { schoolId, classId, rossi } = await importFixtureSchool(db);
  const other = openSqlite(path);
  const state = { fired: false };
  const importMeanwhile: KyselyPlugin = {
    transformQuery: ({ node }) => node,
    transformResult: async ({ result }) => {
      if (!state.fired && JSON.stringify(result.rows[0] ?? {}).includes('input_hash')) {
        state.fired = true;
        await other.transaction().execute(async (trx) => {
          const { id } = await trx
            .insertInto('import_batch')
            .values({ started_at: '2026-02-02T08:00:00Z', source: 'cli', status: 'committed', files: '[]' })
            .returning('id')
            .executeTakeFirstOrThrow();
          await trx
            .insertInto('attendance_event')
            .values({
              student_id: rossi,
              class_id: classId,
              date: '2026-01-29',
              kind: 'assenza',
              hours: 6,
              justified: 0,
              deroga: null,
              deroga_decided_on: null,
              import_batch_id: id,
            })
            .execute();
        });
      }
      return result;
    },
  };
  const rossiAbsentHours = async () =>
    parseIndicators(
      (
        await db
          .selectFrom('risk_result')
          .select('indicators')
          .where('student_id', '=', rossi)
          .executeTakeFirstOrThrow()
      ).indicators,
    )[0];
  const close = async () => {
    await other.destroy();
    await db.destroy();
  };
  return { db, schoolId, watched: db.withPlugin(importMeanwhile), state, rossiAbsentHours, close };
}

test.skipIf(onPostgres)(
  'recomputeSchoolConcurrently: when an import commits between reading and writing, then the school is computed again and its new data are not overwritten',
  async () => {
    const f = await aFileWithAnImportMeanwhile();
    const year = (await findCurrentSchoolYear(f.db))!;
    const settings = (await findLatestRiskSettings(f.db)).data;
    const stamp = await currentStamp(f.db, year.id, settings);

    const counts = await recomputeSchoolConcurrently(f.watched, f.schoolId, { year, settings, stamp });

    expect(f.state.fired).toBe(true);
    expect(counts).toMatchObject({ students: 2, written: 1, unchanged: 1 });
    expect(await f.rossiAbsentHours()).toMatchObject({ key: 'attendance_rate', details: { hoursAbsent: 12 } });
    await f.close();
  },
);

test.skipIf(onPostgres)(
  'recomputeSchool on a SQLite file: when another process commits an import between its reading and its writing, then it does not fail busy and stores the newer data',
  async () => {
    const f = await aFileWithAnImportMeanwhile();

    const summary = await recomputeSchool(f.watched, f.schoolId);

    expect(f.state.fired).toBe(true);
    expect(summary).toMatchObject({ students: 2, written: 1, unchanged: 1 });
    expect(await f.rossiAbsentHours()).toMatchObject({ key: 'attendance_rate', details: { hoursAbsent: 12 } });
    await f.close();
  },
);
