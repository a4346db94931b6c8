import { describe, expect, test } from 'vitest';
import { aUser } from '../testing/auth-as';
import { aClass, aSchool, aStudent, anEnrolment } from '../testing/factories';
import { createTestDb } from '../testing/test-db';
import { purgeBefore } from './purge';

describe('purgeBefore', () => {
  test('when 2024/25 is purged, then its student-level rows go, its aggregates stay, and 2025/26 is untouched', async () => {
    const db = await createTestDb();
    const school = await aSchool(db, { code: 'ANPS03000E' });
    const old = await aClass(db, school.id, { name: '2A', year: '2024/25' });
    const current = await aClass(db, school.id, { name: '3A', year: '2025/26' });
    const left = await aStudent(db, { citizenship: 'Italia' });
    const stays = await aStudent(db, { citizenship: 'Romania' });
    await anEnrolment(db, left.id, old.id, { entered_on: '2024-09-16' });
    await anEnrolment(db, stays.id, old.id, { entered_on: '2024-09-16' });
    await anEnrolment(db, stays.id, current.id);
    const event = (studentId: number, classId: number, date: string) =>
      db
        .insertInto('attendance_event')
        .values({
          student_id: studentId,
          class_id: classId,
          date,
          kind: 'assenza',
          hours: 6,
          justified: 1,
          deroga: null,
          deroga_decided_on: null,
          import_batch_id: null,
        })
        .execute();
    await event(left.id, old.id, '2024-10-01');
    await event(stays.id, old.id, '2024-10-02');
    await event(stays.id, current.id, '2025-10-02');
    await db
      .insertInto('outcome')
      .values([
        {
          student_id: left.id,
          school_id: school.id,
          school_year: '2024/25',
          grade_level: 2,
          period: 'finale',
          result: 'ammesso',
          failed_subjects: null,
          import_batch_id: null,
        },
        {
          student_id: stays.id,
          school_id: school.id,
          school_year: '2024/25',
          grade_level: 2,
          period: 'finale',
          result: 'sospensione_giudizio',
          failed_subjects: null,
          import_batch_id: null,
        },
      ])
      .execute();
    // The grade digests the recompute keeps (migration 0012), of each year.
    const digest = (studentId: number, yearId: number) =>
      db
        .insertInto('grade_digest')
        .values({
          school_id: school.id,
          school_year_id: yearId,
          student_id: studentId,
          digest: '[null,null,null,[],[],[],[],[],[],[],[],[]]',
        })
        .execute();
    await digest(stays.id, old.school_year_id);
    await digest(stays.id, current.school_year_id);
    await db
      .insertInto('grade_digest_state')
      .values({
        school_id: school.id,
        school_year_id: old.school_year_id,
        fingerprint: '',
        class_versions: '',
        latest_grade: null,
      })
      .execute();

    const summary = await purgeBefore(db, '2025/26');

    expect(summary).toMatchObject({ years: ['2024/25'], attendance: 2, enrolments: 2, outcomes: 2, students: 1 });
    expect(await db.selectFrom('student').select('id').execute()).toEqual([{ id: stays.id }]);
    expect(await db.selectFrom('attendance_event').select('date').execute()).toEqual([{ date: '2025-10-02' }]);
    expect(await db.selectFrom('grade_digest').select('school_year_id').execute()).toEqual([
      { school_year_id: current.school_year_id },
    ]);
    expect(await db.selectFrom('grade_digest_state').selectAll().execute()).toEqual([]);
    const kept = await db
      .selectFrom('year_summary')
      .select(['measure', 'group_key', 'value'])
      .orderBy('measure')
      .orderBy('group_key')
      .execute();
    expect(kept).toEqual([
      { measure: 'citizenship_group', group_key: 'italiano', value: 1 },
      { measure: 'citizenship_group', group_key: 'straniero_nato_in_italia', value: 1 },
      { measure: 'final_result', group_key: 'ammesso', value: 1 },
      { measure: 'final_result', group_key: 'sospensione_giudizio', value: 1 },
      { measure: 'sex', group_key: 'F', value: 2 },
      { measure: 'students', group_key: '', value: 2 },
    ]);
  });

  test('when nothing is older than the cut, then nothing changes', async () => {
    const db = await createTestDb();
    const school = await aSchool(db);
    const cls = await aClass(db, school.id, { year: '2025/26' });
    const s = await aStudent(db);
    await anEnrolment(db, s.id, cls.id);

    const summary = await purgeBefore(db, '2025/26');

    expect(summary).toEqual({
      years: [],
      summaries: 0,
      attendance: 0,
      grades: 0,
      outcomes: 0,
      enrolments: 0,
      students: 0,
      snapshots: 0,
      municipalityItems: 0,
    });
    expect(await db.selectFrom('student').selectAll().execute()).toHaveLength(1);
  });

  test('when 2024/25 is purged, then what was sent to the municipalities that year goes, names and measures with it, and 2025/26 stays', async () => {
    const db = await createTestDb();
    const school = await aSchool(db);
    const old = await aClass(db, school.id, { name: '2A', year: '2024/25' });
    const current = await aClass(db, school.id, { name: '3A', year: '2025/26' });
    // Enrolled in both years: the student stays, so only the purge of the items can remove the old list.
    const student = await aStudent(db, { last_name: 'Rossi', first_name: 'Anna' });
    await anEnrolment(db, student.id, old.id, { entered_on: '2024-09-16' });
    await anEnrolment(db, student.id, current.id);
    const referent = await aUser(db, 'referente', { schoolIds: [school.id] });
    const item = async (kind: 'october_list' | 'mayor_report', schoolYearId: number) => {
      const row = await db
        .insertInto('municipality_inbox_item')
        .values({
          kind,
          municipality_istat: '042002',
          school_id: school.id,
          school_year_id: schoolYearId,
          student_id: kind === 'mayor_report' ? student.id : null,
          payload: JSON.stringify({ rows: [{ lastName: 'Rossi', firstName: 'Anna' }] }),
          delivered_at: '2024-10-31T09:00:00.000Z',
          delivered_by: referent.id,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db.insertInto('municipality_inbox_student').values({ item_id: row.id, student_id: student.id }).execute();
      return row.id;
    };
    const oldList = await item('october_list', old.school_year_id);
    await item('mayor_report', old.school_year_id);
    const newList = await item('october_list', current.school_year_id);
    await db
      .insertInto('municipality_inbox_measure')
      .values({
        item_id: oldList,
        taken_on: '2024-11-05',
        description: 'Convocata la famiglia',
        recorded_at: '2024-11-05T09:00:00.000Z',
        recorded_by: referent.id,
      })
      .execute();

    const summary = await purgeBefore(db, '2025/26');

    expect(summary.municipalityItems).toBe(2);
    expect(await db.selectFrom('municipality_inbox_item').select('id').execute()).toEqual([{ id: newList }]);
    expect(await db.selectFrom('municipality_inbox_student').select('item_id').execute()).toEqual([
      { item_id: newList },
    ]);
    expect(await db.selectFrom('municipality_inbox_measure').selectAll().execute()).toEqual([]);
    expect(await db.selectFrom('student').select('id').execute()).toEqual([{ id: student.id }]);
  });
});
