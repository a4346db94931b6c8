import request from 'supertest';
import { describe, expect, test } from 'vitest';
import { addDays } from '@primm/shared/dates';
import { createApp } from '../app';
import type { Db } from '../db/open-database';
import { aUser, authAs } from '../testing/auth-as';
import { aClass, aSchool, aStudent, anEnrolment } from '../testing/factories';
import { createTestDb, testConfig } from '../testing/test-db';

const FIRST_ACTION = '2025-11-12'; // a Wednesday: week 1 starts Monday 10/11

/**
 * One school, one class of `treated + comparison` students absent 6 of 30 hours every week
 * (attendance 80 %) from 15/09/2025 to 30/01/2026. The treated get a tutoring action on 12/11 and
 * from week 2 after it miss no hour: their attendance rises by 20 points, the others' does not.
 */
async function aSchoolWithCases(db: Db, treated: number, comparison: number, code = 'ANPS03000E') {
  const school = await aSchool(db, { code, province_code: 'AN' });
  const cls = await aClass(db, school.id, { name: '3A' });
  await db
    .insertInto('school_calendar')
    .values({
      school_id: school.id,
      school_year_id: cls.school_year_id,
      lessons_start: '2025-09-15',
      lessons_end: '2026-06-06',
    })
    .execute();
  const admin = await aUser(db, 'admin');
  const caseIds: number[] = [];
  for (let i = 0; i < treated + comparison; i++) {
    const student = await aStudent(db, { last_name: `Studente${i}` });
    await anEnrolment(db, student.id, cls.id);
    const isTreated = i < treated;
    const events = [];
    for (let monday = '2025-09-15'; monday <= '2026-01-26'; monday = addDays(monday, 7)) {
      // weeks 2–8 after the action start on 17/11
      if (isTreated && monday >= '2025-11-17') continue;
      events.push({
        student_id: student.id,
        class_id: cls.id,
        date: monday,
        kind: 'assenza' as const,
        hours: 6,
        justified: 0,
        deroga: null,
        deroga_decided_on: null,
        import_batch_id: null,
      });
    }
    // the data's last day, so that weeks 2–8 are over
    events.push({
      student_id: student.id,
      class_id: cls.id,
      date: '2026-01-30',
      kind: 'uscita_anticipata' as const,
      hours: 0,
      justified: 0,
      deroga: null,
      deroga_decided_on: null,
      import_batch_id: null,
    });
    await db.insertInto('attendance_event').values(events).execute();
    if (!isTreated) continue;
    const { id } = await db
      .insertInto('support_case')
      .values({
        student_id: student.id,
        school_id: school.id,
        flag_id: null,
        opened_by: admin.id,
        owner_id: admin.id,
        opened_at: '2025-11-10T09:00:00.000Z',
        status: 'closed',
        goal: 'rientro',
        closed_at: '2026-01-20T09:00:00.000Z',
        outcome: 'back_on_track',
        outcome_note: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    caseIds.push(id);
    await db
      .insertInto('case_action')
      .values({
        case_id: id,
        type: 'tutoring',
        date: FIRST_ACTION,
        participants: 'studente',
        notes: null,
        follow_up_on: null,
        outcome: null,
        destination: null,
        arrived: null,
        work_kind: null,
        exceptional_reason: null,
        created_by: admin.id,
        created_at: `${FIRST_ACTION}T10:00:00.000Z`,
      })
      .execute();
    await db
      .insertInto('case_participant_view')
      .values({
        case_id: id,
        perspective: 'young_person',
        helped: 4,
        helped_most: 'study_support',
        comment: `segreto ${i}`,
        recorded_by: admin.id,
        recorded_at: '2026-01-20T09:00:00.000Z',
      })
      .execute();
  }
  return { school, cls, caseIds };
}

const FORBIDDEN_KEYS = /"(name|firstName|lastName|studentId|birthDate|comment)"/;

describe('GET /api/what-works', () => {
  test('GET what-works: when 12 students had tutoring and their attendance rose 20 points against 15 similar students, then the analyst sees the estimate, its interval and counts, and no person', async () => {
    const db = await createTestDb();
    await aSchoolWithCases(db, 12, 15);
    const analyst = await aUser(db, 'analista');

    const res = await request(createApp({ db, config: testConfig }))
      .get('/api/what-works')
      .set(await authAs(db, analyst));

    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ year: '2025/26', scope: 'region', threshold: 10, lastDay: '2026-01-30' });
    const [row] = res.body.effects;
    expect(row).toMatchObject({ actionType: 'tutoring', group: null, cases: 12, comparison: 15 });
    expect(row.attendance.estimate).toBeCloseTo(0.2, 6);
    expect(row.attendance.low).toBeCloseTo(0.2, 6);
    expect(row.attendance.high).toBeCloseTo(0.2, 6);
    expect(row.average).toBeNull(); // no grades
    expect(res.body.outcomes).toEqual([
      { actionType: 'tutoring', closed: 12, backOnTrack: 12, reorientedArrived: 0, leftEducation: 0, other: 0 },
    ]);
    expect(res.body.participants).toEqual([
      expect.objectContaining({ actionType: 'tutoring', perspective: 'young_person', views: 12, averageHelped: 4 }),
    ]);
    expect(res.body.participants[0].helpedMost.study_support).toBe(12);
    expect(JSON.stringify(res.body)).not.toMatch(FORBIDDEN_KEYS);
    expect(JSON.stringify(res.body)).not.toContain('segreto');
    expect(JSON.stringify(res.body)).not.toContain('Studente');
    expect(
      await db.selectFrom('audit_log').select(['action', 'outcome']).where('action', '=', 'what_works.read').execute(),
    ).toEqual([{ action: 'what_works.read', outcome: 'ok' }]);
  });

  test('GET what-works: when only 8 students had the action, then cases and views read <10 and no estimate or average is given', async () => {
    const db = await createTestDb();
    await aSchoolWithCases(db, 8, 15);
    const analyst = await aUser(db, 'analista');

    const res = await request(createApp({ db, config: testConfig }))
      .get('/api/what-works')
      .set(await authAs(db, analyst));

    expect(res.body.effects).toEqual([
      { actionType: 'tutoring', group: null, cases: '<10', comparison: 15, attendance: null, average: null },
    ]);
    expect(res.body.outcomes[0]).toMatchObject({ closed: '<10' });
    expect(res.body.participants[0]).toMatchObject({ views: '<10', averageHelped: null });
  });

  test("GET what-works: when a referent of another school asks, then their scope has no case; the school's own referent sees its cases", async () => {
    const db = await createTestDb();
    const { school } = await aSchoolWithCases(db, 12, 15);
    const other = await aSchool(db, { code: 'PSPS01000A', province_code: 'PU' });
    const app = createApp({ db, config: testConfig });

    const outside = await request(app)
      .get('/api/what-works')
      .set(await authAs(db, await aUser(db, 'referente', { schoolIds: [other.id] })));
    const inside = await request(app)
      .get('/api/what-works')
      .set(await authAs(db, await aUser(db, 'referente', { schoolIds: [school.id] })));

    expect(outside.status).toBe(200);
    expect(outside.body).toMatchObject({ scope: 'schools', effects: [], outcomes: [], participants: [] });
    expect(inside.body.effects[0]).toMatchObject({ actionType: 'tutoring', cases: 12 });
  });

  test('GET what-works: when grouped by school with a second school of 3 cases, then that row is <10 and the first is hidden too, so neither follows from the total', async () => {
    const db = await createTestDb();
    await aSchoolWithCases(db, 12, 15);
    await aSchoolWithCases(db, 3, 12, 'PSPS01000A');
    const analyst = await aUser(db, 'analista');

    const res = await request(createApp({ db, config: testConfig }))
      .get('/api/what-works?by=school')
      .set(await authAs(db, analyst));

    expect(res.status).toBe(200);
    const cells = res.body.effects.map((r: { cases: unknown }) => r.cases);
    expect(cells).toContain('<10');
    expect(cells).not.toContain(12); // 15 − 3 would give the small school away
  });

  test.each([['docente']] as const)(
    'GET what-works: when a %s asks, then 403 and the denial is audited',
    async (role) => {
      const db = await createTestDb();
      await aSchoolWithCases(db, 12, 15);
      const user = await aUser(db, role);

      const res = await request(createApp({ db, config: testConfig }))
        .get('/api/what-works')
        .set(await authAs(db, user));

      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('forbidden');
      expect(await db.selectFrom('audit_log').select('action').where('outcome', '=', 'denied').execute()).toHaveLength(
        1,
      );
    },
  );
});
