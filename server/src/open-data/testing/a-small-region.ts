import type { Db } from '../../db/open-database';
import { aClass, aSchool } from '../../testing/factories';

let seq = 0;

/**
 * Students of one class at the given levels, written in bulk (one insert per table, fast on
 * PostgreSQL too): each enrolled from 15/09/2025 with a risk result at that level.
 */
export async function addStudents(
  db: Db,
  cls: { id: number; school_id: number; school_year_id: number },
  tiers: number[],
): Promise<void> {
  const at = '2025-09-01T00:00:00.000Z';
  const students = await db
    .insertInto('student')
    .values(
      tiers.map(() => {
        const n = ++seq;
        return {
          pseudonym: `open-data-${n}-${Math.random()}`,
          last_name: `Cognome${n}`,
          first_name: `Nome${n}`,
          sex: 'F',
          birth_date: '2009-05-10',
          birthplace: 'ANCONA',
          citizenship: 'Italia',
          born_in_italy: 1,
          arrival_date: null,
          l2_level: null,
          residence_istat: '042002',
          created_at: at,
          updated_at: at,
        };
      }),
    )
    .returning('id')
    .execute();
  await db
    .insertInto('enrolment')
    .values(
      students.map((s) => ({
        student_id: s.id,
        class_id: cls.id,
        entered_on: '2025-09-15',
        left_on: null,
        exit_reason: null,
      })),
    )
    .execute();
  await db
    .insertInto('risk_result')
    .values(
      students.map((s, i) => ({
        student_id: s.id,
        class_id: cls.id,
        school_id: cls.school_id,
        school_year_id: cls.school_year_id,
        as_of: '2026-03-01',
        settings_version: 1,
        tier: tiers[i]!,
        score: tiers[i]!,
        input_hash: `h${s.id}`,
        computed_at: '2026-03-01',
        indicators: '[]',
        attendance_rate: 0.97,
        projected_absence: null,
        failing_subjects: null,
        age_grade_delay: null,
      })),
    )
    .execute();
}

/**
 * Two provinces: Ancona with 25 students at Livello 1/2/3 = 15/7/3, Pesaro-Urbino with 30 at
 * 20/10/0. Counts to check by hand: Ancona's Livello 3 reads `<10`.
 */
export async function aSmallRegion(db: Db) {
  const ancona = await aSchool(db, { code: 'ANPS03000E', name: 'G. GALILEI', province_code: 'AN' });
  const pesaro = await aSchool(db, { code: 'PSPS01000A', name: 'MARCONI', province_code: 'PU' });
  const classA = await aClass(db, ancona.id, { name: '3A' });
  const classP = await aClass(db, pesaro.id, { name: '2B' });
  await addStudents(db, classA, [...Array(15).fill(1), ...Array(7).fill(2), ...Array(3).fill(3)]);
  await addStudents(db, classP, [...Array(20).fill(1), ...Array(10).fill(2)]);
  return { ancona, pesaro, classA, classP };
}
