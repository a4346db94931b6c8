import request from 'supertest';
import { describe, expect, test } from 'vitest';
import { createApp } from '../app';
import type { Db } from '../db/open-database';
import { SAME_ORIGIN, aUser, authAs } from '../testing/auth-as';
import { aClass, aSchool, aStudent, anEnrolment } from '../testing/factories';
import { createTestDb, testConfig } from '../testing/test-db';

const now = new Date('2026-03-10T09:00:00Z');

/** A stored risk result of the class's year, as the recompute writes it (only what the worklist reads matters). */
async function aRiskResult(
  db: Db,
  student: { id: number },
  cls: { id: number; school_id: number; school_year_id: number },
  tier: number,
) {
  await db
    .insertInto('risk_result')
    .values({
      student_id: student.id,
      class_id: cls.id,
      school_id: cls.school_id,
      school_year_id: cls.school_year_id,
      as_of: '2026-03-09',
      settings_version: 1,
      tier,
      score: tier,
      indicators: '[]',
      input_hash: 'x',
      computed_at: now.toISOString(),
    })
    .execute();
}

async function aStudentIn(db: Db, cls: { id: number }, lastName: string, over: { arrival?: string } = {}) {
  const student = await aStudent(db, { last_name: lastName });
  if (over.arrival)
    await db
      .updateTable('student')
      .set({ arrival_date: over.arrival, born_in_italy: 0 })
      .where('id', '=', student.id)
      .execute();
  await anEnrolment(db, student.id, cls.id);
  return student;
}

/** Two schools of the mediator (one class each) and a school of someone else. */
async function twoSchools() {
  const db = await createTestDb();
  const galilei = await aSchool(db, { code: 'ANPS03000E', name: 'LICEO GALILEI' });
  const volta = await aSchool(db, { code: 'ANTF01000B', name: 'ITIS VOLTA' });
  const elsewhere = await aSchool(db, { code: 'PSPS01000A', name: 'LICEO MARCONI' });
  const g3a = await aClass(db, galilei.id, { name: '3A' });
  const v1b = await aClass(db, volta.id, { name: '1B' });
  const m2c = await aClass(db, elsewhere.id, { name: '2C' });
  const mediator = await aUser(db, 'mediatore', { schoolIds: [galilei.id, volta.id] });
  const app = createApp({ db, config: testConfig, now: () => now });
  return { db, app, galilei, volta, elsewhere, g3a, v1b, m2c, mediator };
}

describe('GET /api/worklist', () => {
  test('when a mediator reads it, then level 3 and newly arrived students of their schools nobody took up, by school and class, audited', async () => {
    const { db, app, galilei, volta, g3a, v1b, m2c, mediator } = await twoSchools();
    const rossi = await aStudentIn(db, g3a, 'Rossi');
    await aRiskResult(db, rossi, g3a, 3);
    const bianchi = await aStudentIn(db, g3a, 'Bianchi'); // level 2: not listed
    await aRiskResult(db, bianchi, g3a, 2);
    const diallo = await aStudentIn(db, v1b, 'Diallo', { arrival: '2025-01-20' }); // NAI, level 1
    await aRiskResult(db, diallo, v1b, 1);
    const hoxha = await aStudentIn(db, v1b, 'Hoxha', { arrival: '2024-03-10' }); // arrived two years ago today: no longer NAI
    await aRiskResult(db, hoxha, v1b, 1);
    const marconi = await aStudentIn(db, m2c, 'Verdi'); // another mediator's school
    await aRiskResult(db, marconi, m2c, 3);

    const res = await request(app)
      .get('/api/worklist')
      .set(await authAs(db, mediator, now));

    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([
      {
        studentId: diallo.id,
        lastName: 'Diallo',
        firstName: diallo.first_name,
        classId: v1b.id,
        className: '1B',
        school: { id: volta.id, code: 'ANTF01000B', name: 'ITIS VOLTA' },
        tier: 1,
        arrivalDate: '2025-01-20',
        reasons: ['newly_arrived'],
        closedCases: 0,
      },
      {
        studentId: rossi.id,
        lastName: 'Rossi',
        firstName: rossi.first_name,
        classId: g3a.id,
        className: '3A',
        school: { id: galilei.id, code: 'ANPS03000E', name: 'LICEO GALILEI' },
        tier: 3,
        arrivalDate: null,
        reasons: ['tier3'],
        closedCases: 0,
      },
    ]);
    expect(res.body).toMatchObject({
      schoolYear: '2025/26',
      truncated: false,
      schools: [{ name: 'ITIS VOLTA' }, { name: 'LICEO GALILEI' }],
    });
    const row = await db.selectFrom('audit_log').select(['action', 'student_ids']).executeTakeFirstOrThrow();
    expect(row).toEqual({ action: 'worklist.read', student_ids: JSON.stringify([diallo.id, rossi.id]) });
  });

  test('when a student has an open flag or a running case, then they are off the list; with only a closed case, back on it with the count', async () => {
    const { db, app, g3a, mediator } = await twoSchools();
    const flagged = await aStudentIn(db, g3a, 'Flagged');
    const followed = await aStudentIn(db, g3a, 'Followed');
    const closed = await aStudentIn(db, g3a, 'Closed');
    for (const s of [flagged, followed, closed]) await aRiskResult(db, s, g3a, 3);
    const as = await authAs(db, mediator, now);
    await request(app)
      .post(`/api/students/${flagged.id}/flags`)
      .set(SAME_ORIGIN)
      .set(as)
      .send({ reasonCode: 'assenze', reason: 'assenze ripetute' });
    await request(app)
      .post('/api/cases')
      .set(SAME_ORIGIN)
      .set(as)
      .send({ studentId: followed.id, goal: 'frequenza regolare' });
    const c = await request(app)
      .post('/api/cases')
      .set(SAME_ORIGIN)
      .set(as)
      .send({ studentId: closed.id, goal: 'frequenza regolare' });
    await request(app)
      .post(`/api/cases/${c.body.id}/close`)
      .set(SAME_ORIGIN)
      .set(as)
      .send({ outcome: 'back_on_track' });

    const res = await request(app).get('/api/worklist').set(as);

    expect(res.body.items.map((i: { lastName: string; closedCases: number }) => [i.lastName, i.closedCases])).toEqual([
      ['Closed', 1],
    ]);
  });

  test('when a reviewer overrode the level, then the override decides: 3 → 2 leaves the list, 2 → 3 joins it', async () => {
    const { db, app, g3a, mediator } = await twoSchools();
    const teacher = await aUser(db, 'docente', { classIds: [g3a.id] });
    const lowered = await aStudentIn(db, g3a, 'Lowered');
    await aRiskResult(db, lowered, g3a, 3);
    const raised = await aStudentIn(db, g3a, 'Raised');
    await aRiskResult(db, raised, g3a, 2);
    const review = (studentId: number, tier: number, computed: number) => ({
      student_id: studentId,
      school_year_id: g3a.school_year_id,
      action: 'override' as const,
      tier,
      computed_tier: computed,
      settings_version: 1,
      reason: 'conosco la situazione',
      user_id: teacher.id,
      created_at: now.toISOString(),
    });
    await db
      .insertInto('risk_review')
      .values([review(lowered.id, 2, 3), review(raised.id, 3, 2)])
      .execute();

    const res = await request(app)
      .get('/api/worklist')
      .set(await authAs(db, mediator, now));

    expect(res.body.items.map((i: { lastName: string; tier: number }) => [i.lastName, i.tier])).toEqual([
      ['Raised', 3],
    ]);
  });

  test.each([
    [
      undefined,
      [
        ['Diallo', ['tier3', 'newly_arrived']],
        ['Rossi', ['tier3']],
      ],
    ],
    [
      'tier3',
      [
        ['Diallo', ['tier3']],
        ['Rossi', ['tier3']],
      ],
    ], // only the reason asked for is reported
    ['newly_arrived', [['Diallo', ['newly_arrived']]]],
  ])('when filtered by reason %s, then those students with those reasons', async (reason, expected) => {
    const { db, app, g3a, mediator } = await twoSchools();
    await aRiskResult(db, await aStudentIn(db, g3a, 'Rossi'), g3a, 3);
    await aRiskResult(db, await aStudentIn(db, g3a, 'Diallo', { arrival: '2025-09-01' }), g3a, 3);

    const res = await request(app)
      .get(`/api/worklist${reason ? `?reason=${reason}` : ''}`)
      .set(await authAs(db, mediator, now));

    expect(res.body.items.map((i: { lastName: string; reasons: string[] }) => [i.lastName, i.reasons])).toEqual(
      expected,
    );
  });

  test("when filtered by one of the mediator's schools, then only its students", async () => {
    const { db, app, galilei, g3a, v1b, mediator } = await twoSchools();
    await aRiskResult(db, await aStudentIn(db, g3a, 'Rossi'), g3a, 3);
    await aRiskResult(db, await aStudentIn(db, v1b, 'Neri'), v1b, 3);

    const res = await request(app)
      .get(`/api/worklist?school=${galilei.id}`)
      .set(await authAs(db, mediator, now));

    expect(res.body.items.map((i: { lastName: string }) => i.lastName)).toEqual(['Rossi']);
  });

  test('when a mediator asks for a school that is not theirs, then 404 (as for a school that does not exist), no student in the answer, nothing read logged, the refusal logged', async () => {
    const { db, app, elsewhere, m2c, mediator } = await twoSchools();
    await aRiskResult(db, await aStudentIn(db, m2c, 'Verdi'), m2c, 3);

    const res = await request(app)
      .get(`/api/worklist?school=${elsewhere.id}`)
      .set(await authAs(db, mediator, now));

    expect(res.status).toBe(404);
    expect(JSON.stringify(res.body)).not.toContain('Verdi');
    expect(await db.selectFrom('audit_log').select(['action', 'outcome']).execute()).toEqual([
      { action: 'access.denied', outcome: 'denied' },
    ]);
  });

  test.each(['docente', 'analista'] as const)('when a %s asks, then 403 and the refusal logged', async (role) => {
    const { db, app, g3a, galilei } = await twoSchools();
    await aRiskResult(db, await aStudentIn(db, g3a, 'Rossi'), g3a, 3);
    const user = await aUser(db, role, role === 'docente' ? { classIds: [g3a.id] } : { schoolIds: [galilei.id] });

    const res = await request(app)
      .get('/api/worklist')
      .set(await authAs(db, user, now));

    expect(res.status).toBe(403);
    expect(await db.selectFrom('audit_log').select(['action', 'outcome']).execute()).toEqual([
      { action: 'access.denied', outcome: 'denied' },
    ]);
  });

  test('when a referent reads it, then their school only', async () => {
    const { db, app, galilei, g3a, v1b } = await twoSchools();
    await aRiskResult(db, await aStudentIn(db, g3a, 'Rossi'), g3a, 3);
    await aRiskResult(db, await aStudentIn(db, v1b, 'Neri'), v1b, 3);

    const res = await request(app)
      .get('/api/worklist')
      .set(await authAs(db, await aUser(db, 'referente', { schoolIds: [galilei.id] }), now));

    expect(res.body.items.map((i: { lastName: string }) => i.lastName)).toEqual(['Rossi']);
  });
});
