import { Migrator } from 'kysely';
import { expect, test } from 'vitest';
import { migrationProvider } from './index';
import { openSqlite } from '../open-database';
import { earlyRows } from './testing/early-rows';

test('migration 0007: when results exist before it, then their indicator values are copied into the new columns', async () => {
  const db = openSqlite(':memory:');
  const migrator = new Migrator({ db, provider: migrationProvider });
  await migrator.migrateTo('0006-risk-changes');
  const { now, schoolId, yearId, classId, studentId } = await earlyRows(db);
  const indicators = [
    { key: 'attendance_rate', value: 0.82 }, { key: 'absence_projection', value: 0.27 },
    { key: 'failing_subjects', value: 3 }, { key: 'age_grade_delay', value: 1 },
  ];
  await db.insertInto('risk_result' as never).values({
    student_id: studentId, class_id: classId, school_id: schoolId, school_year_id: yearId, as_of: '2026-01-30', settings_version: 1,
    tier: 3, score: 3.5, indicators: JSON.stringify(indicators), reasons: '[]', tier_explanation: '', input_hash: 'h', computed_at: now,
  } as never).execute();

  await migrator.migrateTo('0007-risk-columns');

  expect(await db.selectFrom('risk_result').select(['attendance_rate', 'projected_absence', 'failing_subjects', 'age_grade_delay']).execute())
    .toEqual([{ attendance_rate: 0.82, projected_absence: 0.27, failing_subjects: 3, age_grade_delay: 1 }]);
});
