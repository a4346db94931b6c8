import { expect, test } from 'vitest';
import { aClass, aSchool, aStudent, anEnrolment } from '../testing/factories';
import { createTestDb } from '../testing/test-db';
import { plantDemoEvaluation } from './plant-evaluation';

/** Two schools with 10 students at level 2 each, a calendar, the demo admin and the referent of the first. */
async function aDemoRegion() {
  const db = await createTestDb();
  const schools = [];
  for (const code of ['ANIS00000X', 'PSIS00000Y']) {
    const school = await aSchool(db, { code });
    const cls = await aClass(db, school.id, { name: '2B' });
    await db
      .insertInto('school_calendar')
      .values({
        school_id: school.id,
        school_year_id: cls.school_year_id,
        lessons_start: '2025-09-15',
        lessons_end: '2026-06-06',
      })
      .execute();
    for (let i = 0; i < 10; i++) {
      const s = await aStudent(db);
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
          tier: 2,
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
    }
    schools.push(school);
  }
  const user = (email: string, role: 'admin' | 'referente') =>
    db
      .insertInto('app_user')
      .values({ email, display_name: role, role, password_hash: null, created_at: '2026-01-01' })
      .returning('id')
      .executeTakeFirstOrThrow();
  await user('admin@demo.primm.it', 'admin');
  const referent = await user('referente@demo.primm.it', 'referente');
  await db.insertInto('user_school').values({ user_id: referent.id, school_id: schools[0]!.id }).execute();
  return { db, schools };
}

test("plantDemoEvaluation: when the demo is loaded, then half the level-2 students outside the referent's school get a flag, a case and a first action whose weeks 2–8 are in the data, and closed cases carry views without free text", async () => {
  const { db, schools } = await aDemoRegion();

  expect(await plantDemoEvaluation(db)).toBe(5);

  const cases = await db.selectFrom('support_case').selectAll().execute();
  expect(new Set(cases.map((c) => c.school_id))).toEqual(new Set([schools[1]!.id]));
  expect(cases.every((c) => c.flag_id !== null)).toBe(true);
  const actions = await db.selectFrom('case_action').select(['case_id', 'type', 'date']).execute();
  const firsts = cases.map(
    (c) => actions.filter((a) => a.case_id === c.id).sort((a, b) => a.date.localeCompare(b.date))[0]!,
  );
  expect(new Set(firsts.map((a) => a.type)).size).toBe(5); // a different type by turn
  expect(firsts.every((a) => a.date >= '2025-10-13' && a.date <= '2026-01-27')).toBe(true);
  const closed = cases.filter((c) => c.status === 'closed');
  expect(closed.length).toBeGreaterThan(0);
  const views = await db.selectFrom('case_participant_view').selectAll().execute();
  expect(new Set(views.map((v) => v.case_id))).toEqual(new Set(closed.map((c) => c.id)));
  expect(views.every((v) => v.comment === null && v.helped >= 1 && v.helped <= 5)).toBe(true);
});

test('plantDemoEvaluation: when there is no admin, then nothing is written', async () => {
  const db = await createTestDb();

  expect(await plantDemoEvaluation(db)).toBe(0);
  expect(await db.selectFrom('support_case').select('id').execute()).toEqual([]);
});
