import { expect, test } from 'vitest';
import { aClass, aSchool, aStudent, anEnrolment } from '../testing/factories';
import { createTestDb } from '../testing/test-db';
import { plantDemoCases } from './plant-cases';

/** Two schools with 9 students at level 3 each (one at level 1), the demo admin, and the referent of the first school. */
async function aDemoRegion() {
  const db = await createTestDb();
  const schools = [];
  for (const code of ['ANIS00000X', 'PSIS00000Y']) {
    const school = await aSchool(db, { code });
    const cls = await aClass(db, school.id, { name: '2B' });
    const students = [];
    for (let i = 0; i < 10; i++) {
      const s = await aStudent(db, { last_name: `${code}-${i}` });
      await anEnrolment(db, s.id, cls.id);
      await db
        .insertInto('risk_result')
        .values({
          student_id: s.id,
          class_id: cls.id,
          school_id: school.id,
          school_year_id: cls.school_year_id,
          as_of: '2026-03-31',
          settings_version: 1,
          tier: i === 9 ? 1 : 3,
          score: 0,
          indicators: '[]',
          input_hash: `h${s.id}`,
          attendance_rate: null,
          projected_absence: null,
          failing_subjects: null,
          age_grade_delay: null,
          computed_at: '2026-04-01T00:00:00.000Z',
        })
        .execute();
      students.push(s);
    }
    schools.push({ school, students });
  }
  const user = (email: string, role: 'admin' | 'referente') =>
    db
      .insertInto('app_user')
      .values({ email, display_name: role, role, password_hash: null, created_at: '2026-01-01' })
      .returning('id')
      .executeTakeFirstOrThrow();
  const admin = await user('admin@demo.primm.it', 'admin');
  const referent = await user('referente@demo.primm.it', 'referente');
  await db.insertInto('user_school').values({ user_id: referent.id, school_id: schools[0]!.school.id }).execute();
  return { db, admin, schools };
}

test("plantDemoCases: when the demo is loaded, then every third level-3 student outside the referent's and mediator's schools has a case of the admin, with actions and outcomes before the data's last day", async () => {
  const { db, admin, schools } = await aDemoRegion();

  expect(await plantDemoCases(db)).toBe(3);

  const cases = await db.selectFrom('support_case').selectAll().orderBy('student_id').execute();
  const other = schools[1]!.students;
  expect(cases.map((c) => c.student_id)).toEqual([other[0]!.id, other[3]!.id, other[6]!.id]);
  expect(new Set(cases.map((c) => c.owner_id))).toEqual(new Set([admin.id]));
  expect(cases.map((c) => [c.status, c.outcome])).toEqual([
    ['closed', 'back_on_track'],
    ['open', null],
    ['open', null],
  ]); // the third was opened 36 days before the end: its closing at 40 does not fit yet
  expect(cases.map((c) => c.opened_at.slice(0, 10))).toEqual(['2025-12-11', '2026-01-17', '2026-02-23']);
  const actions = await db
    .selectFrom('case_action')
    .select(['case_id', 'type', 'date', 'destination', 'arrived'])
    .orderBy('id')
    .execute();
  expect(actions.map((a) => a.type)).toEqual([
    'family_meeting',
    'tutoring',
    'tutoring',
    'family_meeting',
    'reorient_iefp',
  ]);
  expect(actions.every((a) => a.date <= '2026-03-31')).toBe(true);
  expect(actions.at(-1)).toMatchObject({ destination: 'CFP della provincia – operatore meccanico', arrived: 1 });
  for (const c of cases)
    expect(c.opened_at.slice(0, 10) <= '2026-03-31' && (c.closed_at ?? '') <= '2026-04-01').toBe(true);
});

test('plantDemoCases: when there is no admin or no student at level 3, then nothing is written', async () => {
  const db = await createTestDb();

  expect(await plantDemoCases(db)).toBe(0);
  expect(await db.selectFrom('support_case').select('id').execute()).toEqual([]);
});
