import { assessStudent } from '@primm/shared/risk/assess-student';
import { DEFAULT_RISK_SETTINGS } from '@primm/shared/risk/settings';
import { sql } from 'kysely';
import { expect, test } from 'vitest';
import { findCurrentSchoolYear } from '../db/current-year';
import type { Db } from '../db/open-database';
import { createTestDb, onPostgres } from '../testing/test-db';
import { buildInputs, buildStudentInputs } from '../school-data/build-inputs';
import { loadRecomputeData } from './load-recompute-data';
import { UnknownKindError } from './school-streams';
import { loadSchoolRiskData } from '../school-data/load-school-data';
import { importFixtureSchool } from '../testing/fixture-school';

/** The assessments of the school as the recompute reads it, and as the row-by-row reader does. */
async function bothWays(db: Db, schoolId: number) {
  const year = (await findCurrentSchoolYear(db))!;
  const loaded = (await loadRecomputeData(db, schoolId, year))!;
  const assess = (inputs: ReturnType<typeof buildInputs>) =>
    inputs.map((b) => ({ studentId: b.studentId, ...assessStudent(b.input, DEFAULT_RISK_SETTINGS) }));
  return {
    loaded,
    fast: assess(buildInputs(loaded.data)),
    rowByRow: assess(buildStudentInputs((await loadSchoolRiskData(db, schoolId, year))!)),
  };
}

test('loadRecomputeData: when the fixture school is read as texts, then every assessment is the one of the row-by-row reader', async () => {
  const db = await createTestDb();
  const { schoolId, classId, rossi } = await importFixtureSchool(db);
  // Rows out of the canonical order on disk: an earlier grade and an event inserted last.
  await db
    .insertInto('grade')
    .values({
      student_id: rossi,
      class_id: classId,
      date: '2025-09-20',
      subject: 'STORIA',
      kind: 'orale',
      raw: '4',
      value: 4,
      is_conduct: 0,
      in_average: 1,
      judgement: null,
      import_batch_id: null,
    })
    .execute();
  await db
    .insertInto('attendance_event')
    .values({
      student_id: rossi,
      class_id: classId,
      date: '2025-09-22',
      kind: 'uscita_anticipata',
      hours: 2,
      justified: 1,
      deroga: 'salute',
      deroga_decided_on: '2025-10-01',
      import_batch_id: null,
    })
    .execute();

  const { fast, rowByRow } = await bothWays(db, schoolId);

  expect(fast).toHaveLength(2);
  expect(fast).toEqual(rowByRow);
});

test('loadRecomputeData: when a grade needs more digits than SQLite prints, then the school is read row by row and assessed the same', async () => {
  const db = await createTestDb();
  const { schoolId, classId, rossi } = await importFixtureSchool(db);
  await db
    .insertInto('grade')
    .values({
      student_id: rossi,
      class_id: classId,
      date: '2025-12-01',
      subject: 'STORIA',
      kind: 'orale',
      raw: '6/7',
      value: 19 / 3,
      is_conduct: 0,
      in_average: 1,
      judgement: null,
      import_batch_id: null,
    })
    .execute();

  const { loaded, fast, rowByRow } = await bothWays(db, schoolId);

  expect(fast).toEqual(rowByRow);
  const grades = loaded.data.rows.get(rossi)!.grades;
  expect(grades.find((g) => g.subject === 'STORIA')?.value).toBe(19 / 3);
  // The row-by-row reader keeps every grade (NC and judgements too); the texts only those an indicator reads.
  if (!onPostgres)
    expect(grades.length).toBe(
      (await loadSchoolRiskData(db, schoolId, (await findCurrentSchoolYear(db))!))!.grades.filter(
        (g) => g.studentId === rossi,
      ).length,
    );
});

test.skipIf(onPostgres)(
  'loadRecomputeData: when an event has a kind the recompute has no code for, then it fails with UnknownKindError instead of reading the school another way',
  async () => {
    const db = await createTestDb();
    const { schoolId, classId, rossi } = await importFixtureSchool(db);
    // As after a migration that widened the kinds without teaching the recompute the new one.
    await sql`pragma ignore_check_constraints = on`.execute(db);
    await sql`insert into attendance_event (student_id, class_id, date, kind, hours, justified) values (${rossi}, ${classId}, '2025-10-20', 'uscita_didattica', 6, 1)`.execute(
      db,
    );
    await sql`pragma ignore_check_constraints = off`.execute(db);

    await expect(loadRecomputeData(db, schoolId, (await findCurrentSchoolYear(db))!)).rejects.toThrow(UnknownKindError);
  },
);
