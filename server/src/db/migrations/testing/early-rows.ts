import type { Kysely } from 'kysely';

/**
 * A province, school, year, class and student written with plain inserts, for the tests of a
 * migration that need rows before it runs: the factories (`testing/factories.ts`) write the latest
 * schema, these only columns every migration since 0001 has.
 */
export async function earlyRows(db: Kysely<any>) {
  await db.insertInto('province').values({ code: 'AN', name: 'Ancona', istat_code: '042' }).execute();
  const now = '2026-01-01T00:00:00Z';
  const school = await db
    .insertInto('school')
    .values({
      code: 'ANPS03000E',
      name: 'X',
      institute_code: 'ANPS03000E',
      institute_name: 'X',
      province_code: 'AN',
      municipality_istat: null,
      municipality_name: 'ANCONA',
      cadastral_code: null,
      kind: 'LICEO',
      level: 'secondo_grado',
      address: null,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const year = await db
    .insertInto('school_year')
    .values({ label: '2025/26', starts_on: '2025-09-01', ends_on: '2026-08-31' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const cls = await db
    .insertInto('class')
    .values({
      school_id: school.id,
      school_year_id: year.id,
      name: '3A',
      grade_level: 3,
      track: 'liceo',
      timetable: '6-6-6-6-6-0',
      weekly_hours: 30,
      annual_hours: 990,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const student = await db
    .insertInto('student')
    .values({
      pseudonym: 'p',
      last_name: 'R',
      first_name: 'G',
      sex: 'F',
      birth_date: '2009-01-01',
      birthplace: null,
      citizenship: 'Italia',
      born_in_italy: 1,
      arrival_date: null,
      l2_level: null,
      residence_istat: null,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return {
    now,
    schoolId: school.id as number,
    yearId: year.id as number,
    classId: cls.id as number,
    studentId: student.id as number,
  };
}
