import { Migrator, sql } from 'kysely';
import { expect, test } from 'vitest';
import { migrationProvider } from './index';
import { openSqlite } from '../open-database';

const columns = async (db: ReturnType<typeof openSqlite>) =>
  (await sql<{ name: string }>`select name from pragma_table_info('risk_result')`.execute(db)).rows.map((r) => r.name);

test('migration 0013: the stored reasons and tier explanation go, the rest of each result stays; down brings them back to be filled by a recompute', async () => {
  const db = openSqlite(':memory:');
  const migrator = new Migrator({ db, provider: migrationProvider });
  await migrator.migrateTo('0012-grade-digest');
  await db.insertInto('province').values({ code: 'AN', name: 'Ancona', istat_code: '042' }).execute();
  const now = '2026-01-01T00:00:00Z';
  const school = await db.insertInto('school').values({ code: 'ANPS03000E', name: 'X', institute_code: 'ANPS03000E', institute_name: 'X', province_code: 'AN', municipality_istat: null, municipality_name: 'ANCONA', cadastral_code: null, kind: 'LICEO', level: 'secondo_grado', address: null, created_at: now, updated_at: now }).returning('id').executeTakeFirstOrThrow();
  const year = await db.insertInto('school_year').values({ label: '2025/26', starts_on: '2025-09-01', ends_on: '2026-08-31' }).returning('id').executeTakeFirstOrThrow();
  const cls = await db.insertInto('class').values({ school_id: school.id, school_year_id: year.id, name: '3A', grade_level: 3, track: 'liceo', timetable: '6-6-6-6-6-0', weekly_hours: 30, annual_hours: 990 }).returning('id').executeTakeFirstOrThrow();
  const student = await db.insertInto('student').values({ pseudonym: 'p', last_name: 'R', first_name: 'G', sex: 'F', birth_date: '2009-01-01', birthplace: null, citizenship: 'Italia', born_in_italy: 1, arrival_date: null, l2_level: null, residence_istat: null, created_at: now, updated_at: now }).returning('id').executeTakeFirstOrThrow();
  const kept = {
    student_id: student.id, class_id: cls.id, school_id: school.id, school_year_id: year.id, as_of: '2026-01-30', settings_version: 1,
    tier: 2, score: 2.3, indicators: '[["conduct",6,"high",{"date":"2026-01-09","termSeq":1}]]', input_hash: 'h', computed_at: now,
  };
  await db.insertInto('risk_result' as never).values({ ...kept, reasons: '[{"key":"conduct","domain":"comportamento","level":"high"}]', tier_explanation: 'Tier 2: …' } as never).execute();
  await db.insertInto('risk_school_state').values({ school_id: school.id, school_year_id: year.id, stamp: 's', results: 1, computed_at: now }).execute();

  await migrator.migrateTo('0013-risk-derived-at-read');

  expect(await columns(db)).not.toContain('reasons');
  expect(await columns(db)).not.toContain('tier_explanation');
  expect(await db.selectFrom('risk_result').select(Object.keys(kept) as (keyof typeof kept)[]).execute()).toEqual([kept]);

  await migrator.migrateTo('0012-grade-digest');

  expect(await db.selectFrom('risk_result' as never).select(['reasons', 'tier_explanation', 'input_hash'] as never).execute()).toEqual([{ reasons: '[]', tier_explanation: '', input_hash: '' }]);
  expect(await db.selectFrom('risk_school_state').selectAll().execute()).toEqual([]);
  await db.destroy();
});
