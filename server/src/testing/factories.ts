import type { Insertable } from 'kysely';
import type { GradeTable } from '../db/database';
import type { Db } from '../db/open-database';
import { ensureSchoolYear } from '../imports/load-school';

/** Small factories: each test makes the rows it needs, nothing shared between tests. */
let seq = 0;
const next = () => ++seq;
const now = '2025-09-01T00:00:00.000Z';

export async function aSchool(
  db: Db,
  over: Partial<{ code: string; name: string; province_code: string; level: 'primo_grado' | 'secondo_grado' }> = {},
) {
  const n = next();
  const code = over.code ?? `AN${String(n).padStart(2, '0')}TEST00`.slice(0, 10).padEnd(10, 'X');
  return db
    .insertInto('school')
    .values({
      code,
      name: over.name ?? `SCUOLA DI PROVA ${n}`,
      institute_code: code,
      institute_name: over.name ?? `SCUOLA DI PROVA ${n}`,
      province_code: over.province_code ?? 'AN',
      municipality_istat: '042002',
      municipality_name: 'ANCONA',
      cadastral_code: 'A271',
      kind: 'LICEO SCIENTIFICO',
      level: over.level ?? 'secondo_grado',
      address: null,
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function aClass(db: Db, schoolId: number, over: Partial<{ name: string; year: string }> = {}) {
  const year = over.year ?? '2025/26';
  const start = Number(year.slice(0, 4));
  const yearId = await ensureSchoolYear(db, year, `${start}-09-01`, `${start + 1}-08-31`);
  return db
    .insertInto('class')
    .values({
      school_id: schoolId,
      school_year_id: yearId,
      name: over.name ?? `${(next() % 5) + 1}A`,
      grade_level: 3,
      track: 'liceo',
      timetable: '6-6-6-6-6-0',
      weekly_hours: 30,
      annual_hours: 990,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function aStudent(
  db: Db,
  over: Partial<{ last_name: string; first_name: string; citizenship: string }> = {},
) {
  const n = next();
  return db
    .insertInto('student')
    .values({
      pseudonym: `pseudonym-${n}`,
      last_name: over.last_name ?? `Cognome${n}`,
      first_name: over.first_name ?? `Nome${n}`,
      sex: 'F',
      birth_date: '2009-05-10',
      birthplace: 'ANCONA',
      citizenship: over.citizenship ?? 'Italia',
      born_in_italy: 1,
      arrival_date: null,
      l2_level: null,
      residence_istat: '042002',
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function anEnrolment(
  db: Db,
  studentId: number,
  classId: number,
  over: Partial<{ entered_on: string; left_on: string | null }> = {},
) {
  return db
    .insertInto('enrolment')
    .values({
      student_id: studentId,
      class_id: classId,
      entered_on: over.entered_on ?? '2025-09-15',
      left_on: over.left_on ?? null,
      exit_reason: over.left_on ? 'trasferito' : null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** A grade row (an oral 6 in MATEMATICA, counted in the average, no batch): `over` changes any column. */
export const aGradeRow = (
  studentId: number,
  classId: number,
  date: string,
  over: Partial<Insertable<GradeTable>> = {},
): Insertable<GradeTable> => ({
  student_id: studentId,
  class_id: classId,
  date,
  subject: 'MATEMATICA',
  kind: 'orale',
  raw: '6',
  value: 6,
  is_conduct: 0,
  in_average: 1,
  judgement: null,
  import_batch_id: null,
  ...over,
});
