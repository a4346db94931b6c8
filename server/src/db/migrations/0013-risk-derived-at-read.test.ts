import { Migrator, sql } from 'kysely';
import { expect, test } from 'vitest';
import { migrationProvider } from './index';
import { openSqlite } from '../open-database';
import { earlyRows } from './testing/early-rows';

const columns = async (db: ReturnType<typeof openSqlite>) =>
  (await sql<{ name: string }>`select name from pragma_table_info('risk_result')`.execute(db)).rows.map((r) => r.name);

test('migration 0013: the stored reasons and tier explanation go, the rest of each result stays; down brings them back to be filled by a recompute', async () => {
  const db = openSqlite(':memory:');
  const migrator = new Migrator({ db, provider: migrationProvider });
  await migrator.migrateTo('0012-grade-digest');
  const { now, schoolId, yearId, classId, studentId } = await earlyRows(db);
  const kept = {
    student_id: studentId, class_id: classId, school_id: schoolId, school_year_id: yearId, as_of: '2026-01-30', settings_version: 1,
    tier: 2, score: 2.3, indicators: '[["conduct",6,"high",{"date":"2026-01-09","termSeq":1}]]', input_hash: 'h', computed_at: now,
  };
  await db.insertInto('risk_result' as never).values({ ...kept, reasons: '[{"key":"conduct","domain":"comportamento","level":"high"}]', tier_explanation: 'Tier 2: …' } as never).execute();
  await db.insertInto('risk_school_state').values({ school_id: schoolId, school_year_id: yearId, stamp: 's', results: 1, computed_at: now }).execute();

  await migrator.migrateTo('0013-risk-derived-at-read');

  expect(await columns(db)).not.toContain('reasons');
  expect(await columns(db)).not.toContain('tier_explanation');
  expect(await db.selectFrom('risk_result').select(Object.keys(kept) as (keyof typeof kept)[]).execute()).toEqual([kept]);

  await migrator.migrateTo('0012-grade-digest');

  expect(await db.selectFrom('risk_result' as never).select(['reasons', 'tier_explanation', 'input_hash'] as never).execute()).toEqual([{ reasons: '[]', tier_explanation: '', input_hash: '' }]);
  expect(await db.selectFrom('risk_school_state').selectAll().execute()).toEqual([]);
  await db.destroy();
});
