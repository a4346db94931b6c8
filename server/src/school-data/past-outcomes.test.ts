import type { Insertable } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { OutcomeTable } from '../db/database';
import type { Db } from '../db/open-database';
import { aClass, aSchool, aStudent, anEnrolment } from '../testing/factories';
import { createTestDb } from '../testing/test-db';
import { readPastOutcomes, type SchoolOutcome } from './past-outcomes';

/** Two students of 3A, one of 3B; outcomes inserted out of order, with other periods and years. */
async function aClassWithHistory() {
  const db = await createTestDb();
  const school = await aSchool(db);
  const [a, b] = [await aClass(db, school.id, { name: '3A' }), await aClass(db, school.id, { name: '3B' })];
  const [anna, bruno, carla] = [await aStudent(db), await aStudent(db), await aStudent(db)];
  await anEnrolment(db, anna.id, a.id);
  await anEnrolment(db, bruno.id, a.id);
  await anEnrolment(db, carla.id, b.id);
  const outcome = (studentId: number, school_year: string, over: Partial<Insertable<OutcomeTable>> = {}) =>
    db
      .insertInto('outcome')
      .values({ student_id: studentId, school_year, grade_level: 1, period: 'finale', result: 'ammesso', ...over })
      .execute();
  await outcome(anna.id, '2024/25', { grade_level: 2, result: 'non_ammesso' });
  await outcome(anna.id, '2023/24');
  await outcome(anna.id, '2024/25', { period: 'primo quadrimestre', grade_level: 2, result: 'valutato' });
  await outcome(anna.id, '2025/26', { grade_level: 3 }); // this year: not past
  await outcome(bruno.id, '2024/25', { grade_level: 2, result: 'sospensione_giudizio' });
  await outcome(carla.id, '2024/25', { grade_level: 2 });
  return { db, a: a.id, b: b.id, anna: anna.id, bruno: bruno.id, carla: carla.id };
}

/** What the database holds, one row per outcome: what the reader must give back, whatever its way. */
const asRows = (db: Db, studentIds: number[]) =>
  db
    .selectFrom('outcome')
    .select(['student_id as studentId', 'school_year as schoolYear', 'grade_level as gradeLevel', 'result'])
    .where('period', '=', 'finale')
    .where('school_year', '<', '2025/26')
    .where('student_id', 'in', studentIds)
    .orderBy('student_id')
    .orderBy('school_year')
    .execute();

describe('readPastOutcomes', () => {
  it('when students of the classes have final outcomes, then those of past years come by student and year, and no other', async () => {
    const { db, a, b, anna, bruno, carla } = await aClassWithHistory();
    const expected: SchoolOutcome[] = [
      { studentId: anna, schoolYear: '2023/24', gradeLevel: 1, result: 'ammesso' },
      { studentId: anna, schoolYear: '2024/25', gradeLevel: 2, result: 'non_ammesso' },
      { studentId: bruno, schoolYear: '2024/25', gradeLevel: 2, result: 'sospensione_giudizio' },
    ];

    const read = await readPastOutcomes(db, [a], '2025/26');
    expect(read).toEqual(expected);
    // The same keys in the same order: the input hash is of their JSON.
    expect(JSON.stringify(read)).toBe(JSON.stringify(await asRows(db, [anna, bruno])));
    expect(await readPastOutcomes(db, [a], '2025/26', bruno)).toEqual([expected[2]]);
    expect(await readPastOutcomes(db, [a, b], '2025/26')).toHaveLength(4);
    expect(await readPastOutcomes(db, [b], '2025/26')).toEqual([
      { studentId: carla, schoolYear: '2024/25', gradeLevel: 2, result: 'ammesso' },
    ]);
    expect(await readPastOutcomes(db, [a], '2023/24')).toEqual([]);
  });

  it.each([
    ['a comma', '2023,24'],
    ['the record separator', '2023/24\x1e1,ammesso,2022/23'],
    ['another shape', '2023-24'],
  ])('when a year written by hand holds %s, then the outcomes are read as the database holds them', async (_, odd) => {
    const { db, a, anna, bruno } = await aClassWithHistory();
    await db
      .updateTable('outcome')
      .set({ school_year: odd })
      .where('student_id', '=', anna)
      .where('school_year', '=', '2023/24')
      .execute();

    const read = await readPastOutcomes(db, [a], '2025/26');

    expect(read).toEqual(await asRows(db, [anna, bruno]));
    expect(read.filter((o) => o.schoolYear === odd)).toHaveLength(1);
  });
});
