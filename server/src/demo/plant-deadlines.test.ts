import request from 'supertest';
import { expect, test } from 'vitest';
import { createApp } from '../app';
import { authAs } from '../testing/auth-as';
import { aClass, aSchool, aStudent, anEnrolment } from '../testing/factories';
import { createTestDb, testConfig } from '../testing/test-db';
import { plantDemoDeadlines } from './plant-deadlines';

/** A school with a lesson calendar, four 14-year-olds at school every day, the data reaching 31/03/2026, and the demo referent. */
async function aDemoSchool() {
  const db = await createTestDb();
  const school = await aSchool(db, { code: 'ANIS00000X' });
  const cls = await aClass(db, school.id, { name: '1A' });
  await db
    .insertInto('school_calendar')
    .values({
      school_id: school.id,
      school_year_id: cls.school_year_id,
      lessons_start: '2025-09-15',
      lessons_end: '2026-06-06',
    })
    .execute();
  const students = [];
  for (let i = 0; i < 4; i++) {
    const s = await aStudent(db, { last_name: `Studente${i}` });
    await db.updateTable('student').set({ birth_date: '2011-09-01' }).where('id', '=', s.id).execute();
    await anEnrolment(db, s.id, cls.id);
    students.push(s);
  }
  // one late entry on the last day: the data reach 31/03/2026
  await db
    .insertInto('attendance_event')
    .values({
      student_id: students[3]!.id,
      class_id: cls.id,
      date: '2026-03-31',
      kind: 'entrata_posticipata',
      hours: 1,
      justified: 1,
      deroga: null,
      deroga_decided_on: null,
      import_batch_id: null,
    })
    .execute();
  const referent = await db
    .insertInto('app_user')
    .values({
      email: 'referente@demo.primm.it',
      display_name: 'Referente',
      role: 'referente',
      password_hash: null,
      created_at: '2026-01-01',
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await db.insertInto('user_school').values({ user_id: referent.id, school_id: school.id }).execute();
  return { db, referent, students };
}

test('plantDemoDeadlines: when the demo is loaded, then the referent sees a family to notify (reading Arabic), a countdown running (Romanian) and a report to the mayor due', async () => {
  const { db, referent, students } = await aDemoSchool();

  const states = await plantDemoDeadlines(db);

  expect(states).toEqual(['to_notify', 'countdown', 'report_due']);
  const res = await request(createApp({ db, config: testConfig }))
    .get('/api/schools/ANIS00000X/deadlines')
    .set(await authAs(db, referent));
  expect(res.body.asOf).toBe('2026-03-31');
  expect(
    [res.body.toNotify, res.body.countdowns, res.body.reportsDue].map((l: { studentId: number }[]) =>
      l.map((s) => s.studentId),
    ),
  ).toEqual([[students[0]!.id], [students[1]!.id], [students[2]!.id]]);
  expect(
    await db.selectFrom('compulsory_notice').select(['student_id', 'notified_by']).orderBy('student_id').execute(),
  ).toEqual([
    { student_id: students[1]!.id, notified_by: referent.id },
    { student_id: students[2]!.id, notified_by: referent.id },
  ]);
  // issue 21: the notices print bilingual in the demo, Arabic (right to left) and Romanian
  expect(await db.selectFrom('student').select(['id', 'family_language']).orderBy('id').execute()).toEqual([
    { id: students[0]!.id, family_language: 'ar' },
    { id: students[1]!.id, family_language: 'ro' },
    { id: students[2]!.id, family_language: null },
    { id: students[3]!.id, family_language: null },
  ]);
});

test('plantDemoDeadlines: when planted twice on the same data, then the same students, days and notices (deterministic)', async () => {
  const one = await aDemoSchool();
  const two = await aDemoSchool();

  await plantDemoDeadlines(one.db);
  await plantDemoDeadlines(two.db);

  const planted = (db: typeof one.db) =>
    db
      .selectFrom('compulsory_notice')
      .innerJoin('student', 'student.id', 'compulsory_notice.student_id')
      .select(['student.last_name', 'triggered_on', 'notified_on', 'days_counted'])
      .orderBy('student.last_name')
      .execute();
  expect(await planted(one.db)).toEqual(await planted(two.db));
});
