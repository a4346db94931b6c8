import request from 'supertest';
import { describe, expect, test } from 'vitest';
import { createApp } from '../app';
import type { Db } from '../db/open-database';
import { SAME_ORIGIN, aUser, authAs } from '../testing/auth-as';
import { aClass, aSchool, aStudent, anEnrolment } from '../testing/factories';
import { createTestDb, testConfig } from '../testing/test-db';

/** Two schools of one mediator and a school of someone else, each with a student. */
async function threeSchools() {
  const db = await createTestDb();
  const galilei = await aSchool(db, { code: 'ANPS03000E', name: 'LICEO GALILEI' });
  const volta = await aSchool(db, { code: 'ANTF01000B', name: 'ITIS VOLTA' });
  const elsewhere = await aSchool(db, { code: 'PSPS01000A', name: 'LICEO MARCONI' });
  const students = [];
  for (const school of [galilei, volta, elsewhere]) {
    const cls = await aClass(db, school.id, { name: '2B' });
    const student = await aStudent(db, { last_name: `Studente ${school.name}` });
    await anEnrolment(db, student.id, cls.id);
    students.push(student);
  }
  const mediator = await aUser(db, 'mediatore', { schoolIds: [galilei.id, volta.id] });
  const other = await aUser(db, 'mediatore', { schoolIds: [elsewhere.id] });
  return { db, galilei, volta, elsewhere, students, mediator, other };
}

/** Opens and closes a case on that day with that outcome, as the given user. */
async function aClosedCase(db: Db, user: { id: number }, studentId: number, closedOn: string, outcome: string) {
  const app = createApp({ db, config: testConfig, now: () => new Date(`${closedOn}T10:00:00Z`) });
  const as = await authAs(db, user, new Date(`${closedOn}T10:00:00Z`));
  const c = await request(app)
    .post('/api/cases')
    .set(SAME_ORIGIN)
    .set(as)
    .send({ studentId, goal: 'frequenza regolare' });
  await request(app).post(`/api/cases/${c.body.id}/close`).set(SAME_ORIGIN).set(as).send({ outcome });
  return c.body.id as number;
}

const now = new Date('2026-06-01T09:00:00Z');

describe('GET /api/case-archive', () => {
  test('when a mediator reads the archive, then the closed cases of their schools, newest closed first, by every owner; open cases and other schools stay out', async () => {
    const { db, galilei, volta, students, mediator, other } = await threeSchools();
    const colleague = await aUser(db, 'mediatore', { schoolIds: [volta.id] });
    const older = await aClosedCase(db, mediator, students[0]!.id, '2026-01-15', 'back_on_track');
    const newer = await aClosedCase(db, colleague, students[1]!.id, '2026-03-20', 'reoriented');
    await aClosedCase(db, other, students[2]!.id, '2026-02-01', 'back_on_track');
    await request(createApp({ db, config: testConfig, now: () => now }))
      .post('/api/cases')
      .set(SAME_ORIGIN)
      .set(await authAs(db, mediator, now))
      .send({ studentId: students[0]!.id, goal: 'ancora aperto' });

    const res = await request(createApp({ db, config: testConfig, now: () => now }))
      .get('/api/case-archive')
      .set(await authAs(db, mediator, now));

    expect(res.status).toBe(200);
    expect(res.body.items.map((c: { id: number }) => c.id)).toEqual([newer, older]);
    expect(res.body.items[0]).toMatchObject({
      status: 'closed',
      outcome: 'reoriented',
      schoolName: 'ITIS VOLTA',
      closedAt: '2026-03-20T10:00:00.000Z',
    });
    expect(res.body.truncated).toBe(false);
    expect(res.body.schools).toEqual([
      { id: volta.id, code: 'ANTF01000B', name: 'ITIS VOLTA' },
      { id: galilei.id, code: 'ANPS03000E', name: 'LICEO GALILEI' },
    ]);
    const row = await db
      .selectFrom('audit_log')
      .select(['action', 'student_ids'])
      .where('action', '=', 'case.archive.read')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(row.student_ids!)).toEqual([students[1]!.id, students[0]!.id]);
  });

  test.each([
    ['the school', (ids: { galilei: number }) => `school=${ids.galilei}`, ['galilei-apr', 'galilei-jan']], // newest closed first
    ['the outcome', () => 'outcome=reoriented', ['galilei-apr', 'volta-mar']],
    ['a period, both days included', () => 'from=2026-01-15&to=2026-03-20', ['volta-mar', 'galilei-jan']],
  ])('when filtered by %s, then only the matching cases', async (_label, query, expected) => {
    const { db, galilei, students, mediator } = await threeSchools();
    const ids: Record<string, number> = {
      'galilei-jan': await aClosedCase(db, mediator, students[0]!.id, '2026-01-15', 'back_on_track'),
      'volta-mar': await aClosedCase(db, mediator, students[1]!.id, '2026-03-20', 'reoriented'),
      'galilei-apr': await aClosedCase(db, mediator, students[0]!.id, '2026-04-02', 'reoriented'),
    };

    const res = await request(createApp({ db, config: testConfig, now: () => now }))
      .get(`/api/case-archive?${query({ galilei: galilei.id })}`)
      .set(await authAs(db, mediator, now));

    expect(res.status).toBe(200);
    expect(res.body.items.map((c: { id: number }) => c.id)).toEqual(expected.map((k) => ids[k]));
  });

  test('when a mediator asks for a school that is not theirs, then 404 (as for a school that does not exist), nothing listed, the refusal logged', async () => {
    const { db, elsewhere, students, mediator, other } = await threeSchools();
    await aClosedCase(db, other, students[2]!.id, '2026-02-01', 'back_on_track');

    const res = await request(createApp({ db, config: testConfig, now: () => now }))
      .get(`/api/case-archive?school=${elsewhere.id}`)
      .set(await authAs(db, mediator, now));

    expect(res.status).toBe(404);
    expect(res.body).toEqual({ error: { code: 'not_found', message: 'Scuola non trovata' } });
    expect(await db.selectFrom('audit_log').select('action').where('user_id', '=', mediator.id).execute()).toEqual([
      { action: 'access.denied' },
    ]);
  });

  test.each(['docente', 'analista'] as const)('when a %s asks, then 403', async (role) => {
    const { db, galilei } = await threeSchools();

    const res = await request(createApp({ db, config: testConfig, now: () => now }))
      .get('/api/case-archive')
      .set(await authAs(db, await aUser(db, role, { schoolIds: [galilei.id] }), now));

    expect(res.status).toBe(403);
  });

  test('when the period ends before it starts, then 400', async () => {
    const { db, mediator } = await threeSchools();

    const res = await request(createApp({ db, config: testConfig, now: () => now }))
      .get('/api/case-archive?from=2026-05-01&to=2026-04-01')
      .set(await authAs(db, mediator, now));

    expect(res.status).toBe(400);
    expect(res.body.error.details[0].path).toBe('to');
  });
});
