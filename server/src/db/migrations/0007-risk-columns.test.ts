import { Migrator } from 'kysely';
import { expect, test } from 'vitest';
import { migrationProvider } from './index';
import { openSqlite } from '../open-database';

test('migration 0007: when results exist before it, then their indicator values are copied into the new columns', async () => {
  const db = openSqlite(':memory:');
  const migrator = new Migrator({ db, provider: migrationProvider });
  await migrator.migrateTo('0006-risk-changes');
  await db.insertInto('province').values({ code: 'AN', name: 'Ancona', istat_code: '042' }).execute();
  const now = '2026-01-01T00:00:00Z';
  const school = await db.insertInto('school').values({ code: 'ANPS03000E', name: 'X', institute_code: 'ANPS03000E', institute_name: 'X', province_code: 'AN', municipality_istat: null, municipality_name: 'ANCONA', cadastral_code: null, kind: 'LICEO', level: 'secondo_grado', address: null, created_at: now, updated_at: now }).returning('id').executeTakeFirstOrThrow();
  const year = await db.insertInto('school_year').values({ label: '2025/26', starts_on: '2025-09-01', ends_on: '2026-08-31' }).returning('id').executeTakeFirstOrThrow();
  const cls = await db.insertInto('class').values({ school_id: school.id, school_year_id: year.id, name: '3A', grade_level: 3, track: 'liceo', timetable: '6-6-6-6-6-0', weekly_hours: 30, annual_hours: 990 }).returning('id').executeTakeFirstOrThrow();
  const student = await db.insertInto('student').values({ pseudonym: 'p', last_name: 'R', first_name: 'G', sex: 'F', birth_date: '2009-01-01', birthplace: null, citizenship: 'Italia', born_in_italy: 1, arrival_date: null, l2_level: null, residence_istat: null, created_at: now, updated_at: now }).returning('id').executeTakeFirstOrThrow();
  const indicators = [
    { key: 'attendance_rate', value: 0.82 }, { key: 'absence_projection', value: 0.27 },
    { key: 'failing_subjects', value: 3 }, { key: 'age_grade_delay', value: 1 },
  ];
  await db.insertInto('risk_result' as never).values({
    student_id: student.id, class_id: cls.id, school_id: school.id, school_year_id: year.id, as_of: '2026-01-30', settings_version: 1,
    tier: 3, score: 3.5, indicators: JSON.stringify(indicators), reasons: '[]', tier_explanation: '', input_hash: 'h', computed_at: now,
  } as never).execute();

  await migrator.migrateTo('0007-risk-columns');

  expect(await db.selectFrom('risk_result').select(['attendance_rate', 'projected_absence', 'failing_subjects', 'age_grade_delay']).execute())
    .toEqual([{ attendance_rate: 0.82, projected_absence: 0.27, failing_subjects: 3, age_grade_delay: 1 }]);
});
