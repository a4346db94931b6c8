import request from 'supertest';
import { describe, expect, test } from 'vitest';
import { renderItalian } from '@primm/shared/risk/render-italian';
import { createApp } from '../app';
import type { Db } from '../db/open-database';
import { SAME_ORIGIN, aUser, authAs } from '../testing/auth-as';
import { aClass } from '../testing/factories';
import { createTestDb, testConfig } from '../testing/test-db';
import { importFixtureSchool } from '../testing/fixture-school';

// The fixture school after import: Rossi tier 1 (attention in rendimento: one 6+ in maths),
// Hoxha tier 2 (ITALIANO 5½ = failing core subject → high; suspended judgement last year).
async function setUp() {
  const db = await createTestDb();
  const ids = await importFixtureSchool(db);
  return { db, app: createApp({ db, config: testConfig }), ...ids };
}
const reviews = (db: Db) =>
  db.selectFrom('risk_review').select(['student_id', 'action', 'tier', 'computed_tier', 'reason']).execute();
const auditActions = async (db: Db) =>
  (await db.selectFrom('audit_log').select('action').orderBy('id').execute()).map((a) => a.action);

describe('GET /api/classes/:id/risk', () => {
  test('when a teacher of the class asks, then the enrolled students come highest tier first, with indicators, and the read is audited', async () => {
    const { db, app, classId, rossi, hoxha } = await setUp();
    const teacher = await aUser(db, 'docente', { classIds: [classId] });

    const res = await request(app)
      .get(`/api/classes/${classId}/risk`)
      .set(await authAs(db, teacher));

    expect(res.status).toBe(200);
    expect(res.body.items.map((r: { lastName: string; tier: number }) => [r.lastName, r.tier])).toEqual([
      ['Hoxha', 2],
      ['Rossi', 1],
    ]);
    expect(res.body.items[0]).toMatchObject({
      studentId: hoxha,
      firstName: 'Arben',
      computedTier: 2,
      review: null,
      failingSubjects: 1,
      average: 5.5,
      asOf: '2026-01-30',
      settingsVersion: 1,
    });
    // One failing core subject is attention since issue 18 (the average 5,5 makes the level); the
    // sentence travels as a message key with its parameters only (the web words it).
    expect(res.body.items[0].indicators).toContainEqual({
      key: 'failing_subjects',
      level: 'attention',
      value: 1,
      explanationKey: 'explain.failing_subjects.some_core',
      explanationParams: expect.objectContaining({ count: 1, passMark: 6 }),
    });
    const failing = res.body.items[0].indicators.find((i: { key: string }) => i.key === 'failing_subjects');
    expect(renderItalian({ key: failing.explanationKey, params: failing.explanationParams })).toContain('italiano 5,5');
    expect(await db.selectFrom('audit_log').select(['action', 'class_id', 'student_ids']).execute()).toEqual([
      { action: 'class.risk.read', class_id: classId, student_ids: JSON.stringify([hoxha, rossi]) },
    ]);
  });

  test.each([
    ['?tier=1', ['Rossi']],
    ['?indicator=school_history', ['Hoxha']], // suspended judgement in 2024/25
    ['?indicator=attendance_rate', []],
    ['?sort=name', ['Hoxha', 'Rossi']],
    ['?sort=name&order=desc', ['Rossi', 'Hoxha']],
    ['?sort=average', ['Hoxha', 'Rossi']], // 5,5 before 6,25
    ['?sort=tier&order=asc', ['Rossi', 'Hoxha']],
  ])('when the query is %s, then the rows are %j', async (query, names) => {
    const { db, app, classId } = await setUp();

    const res = await request(app)
      .get(`/api/classes/${classId}/risk${query}`)
      .set(await authAs(db, await aUser(db, 'admin')));

    expect(res.body.items.map((r: { lastName: string }) => r.lastName)).toEqual(names);
  });

  test('when the query is invalid, then 400 and nothing is audited', async () => {
    const { db, app, classId } = await setUp();

    const res = await request(app)
      .get(`/api/classes/${classId}/risk?tier=4&sort=age`)
      .set(await authAs(db, await aUser(db, 'admin')));

    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(await auditActions(db)).toEqual([]);
  });

  test('when a teacher of another class asks, then 404 as for a class that does not exist; the analyst, 403; both refusals audited', async () => {
    const { db, app, schoolId, classId } = await setUp();
    const other = await aClass(db, schoolId, { name: '4B' });

    const teacher = await request(app)
      .get(`/api/classes/${classId}/risk`)
      .set(await authAs(db, await aUser(db, 'docente', { classIds: [other.id] })));
    const analyst = await request(app)
      .get(`/api/classes/${classId}/risk`)
      .set(await authAs(db, await aUser(db, 'analista')));

    expect([teacher.status, analyst.status]).toEqual([404, 403]);
    expect((await db.selectFrom('audit_log').select('outcome').execute()).map((a) => a.outcome)).toEqual([
      'denied',
      'denied',
    ]);
  });
});

describe('GET /api/schools/:code/risk', () => {
  test('when a mediator of the school asks, then every enrolled student with the class name', async () => {
    const { db, app, schoolId } = await setUp();

    const res = await request(app)
      .get('/api/schools/ANPS03000E/risk?sort=name')
      .set(await authAs(db, await aUser(db, 'mediatore', { schoolIds: [schoolId] })));

    expect(res.status).toBe(200);
    expect(res.body.items.map((r: { lastName: string; className: string }) => [r.lastName, r.className])).toEqual([
      ['Hoxha', '3A'],
      ['Rossi', '3A'],
    ]);
    expect(await auditActions(db)).toEqual(['school.risk.read']);
  });

  test('when a teacher asks, then 403 (role); when a referent of another school asks, then 404 (as for a school that does not exist)', async () => {
    const { db, app, classId } = await setUp();

    const teacher = await request(app)
      .get('/api/schools/ANPS03000E/risk')
      .set(await authAs(db, await aUser(db, 'docente', { classIds: [classId] })));
    const referent = await request(app)
      .get('/api/schools/ANPS03000E/risk')
      .set(await authAs(db, await aUser(db, 'referente', { schoolIds: [] })));

    expect([teacher.status, referent.status]).toEqual([403, 404]);
  });
});

describe('GET /api/students/:id/risk', () => {
  test('when a teacher of the class asks, then the assessment with explanations, the weekly series, the grades and the limit', async () => {
    const { db, app, classId, rossi } = await setUp();

    const res = await request(app)
      .get(`/api/students/${rossi}/risk`)
      .set(await authAs(db, await aUser(db, 'docente', { classIds: [classId] })));

    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      studentId: rossi,
      className: '3A',
      schoolYear: '2025/26',
      asOf: '2026-01-30',
      settingsVersion: 1,
      computedTier: 1,
      tier: 1,
      reviews: [],
    });
    expect(res.body).toMatchObject({
      tierExplanation: expect.stringMatching(/^Livello 1/),
      tierExplanationKey: expect.stringMatching(/^explain\.level\.1_/),
      probability: null,
    });
    expect(res.body.indicators.find((i: { key: string }) => i.key === 'attendance_rate')).toMatchObject({
      level: 'ok',
      explanation: expect.stringContaining('assente 6 su 528'),
    });
    // 20 weeks from 15/09/2025 to the week of 26/01/2026; her one absence on Friday 03/10
    expect(res.body.series.weeks).toHaveLength(20);
    expect(res.body.series.weeks[2]).toEqual({ weekStart: '2025-09-29', hoursHeld: 30, hoursAbsent: 6 });
    expect(res.body.series.weeks.reduce((a: number, w: { hoursHeld: number }) => a + w.hoursHeld, 0)).toBe(528);
    expect(res.body.series.grades).toEqual([
      { subject: 'MATEMATICA', points: [{ date: '2025-11-14', value: 6.25, raw: '6+', kind: 'scritto' }] },
      { subject: 'RELIGIONE CATTOLICA', points: [{ date: '2025-11-20', value: null, raw: 'buono', kind: 'orale' }] },
    ]);
    // ¼ of 990 h = 247,5 h; 6 h counted; at 6 h in 528 the limit is never crossed
    expect(res.body.series.limit).toEqual({
      share: 0.25,
      annualHours: 990,
      hours: 247.5,
      countedHours: 6,
      projectedCrossingDate: null,
    });
    expect(await db.selectFrom('audit_log').select(['action', 'student_ids']).execute()).toEqual([
      { action: 'student.risk.read', student_ids: JSON.stringify([rossi]) },
    ]);
  });

  test('when the student has left (no current result), then 404; when out of scope, then 404', async () => {
    const { db, app, schoolId, bianchi, rossi } = await setUp();
    const other = await aClass(db, schoolId, { name: '4B' });

    const left = await request(app)
      .get(`/api/students/${bianchi}/risk`)
      .set(await authAs(db, await aUser(db, 'admin')));
    const outOfScope = await request(app)
      .get(`/api/students/${rossi}/risk`)
      .set(await authAs(db, await aUser(db, 'docente', { classIds: [other.id] })));

    expect([left.status, outOfScope.status]).toEqual([404, 404]);
  });
});

describe('POST /api/students/:id/risk/review', () => {
  test('when a teacher overrides with a reason, then 201, the override wins in the list and both tiers are kept', async () => {
    const { db, app, classId, rossi } = await setUp();
    const teacher = await aUser(db, 'docente', { classIds: [classId] });
    const as = await authAs(db, teacher);

    const res = await request(app)
      .post(`/api/students/${rossi}/risk/review`)
      .set(as)
      .set(SAME_ORIGIN)
      .send({ action: 'override', tier: 3, reason: '  Famiglia segnala difficoltà gravi  ' });
    const list = await request(app).get(`/api/classes/${classId}/risk`).set(as);

    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      studentId: rossi,
      computedTier: 1,
      tier: 3,
      review: {
        action: 'override',
        tier: 3,
        computedTier: 1,
        reason: 'Famiglia segnala difficoltà gravi',
        by: teacher.display_name,
      },
    });
    expect(list.body.items[0]).toMatchObject({
      lastName: 'Rossi',
      computedTier: 1,
      tier: 3,
      review: { action: 'override', tier: 3 },
    });
    expect(await reviews(db)).toEqual([
      { student_id: rossi, action: 'override', tier: 3, computed_tier: 1, reason: 'Famiglia segnala difficoltà gravi' },
    ]);
    expect(
      await db.selectFrom('risk_result').select('tier').where('student_id', '=', rossi).executeTakeFirst(),
    ).toEqual({ tier: 1 });
    expect(await auditActions(db)).toEqual(['risk.review.override', 'class.risk.read']);
  });

  test('when a later confirm follows an override, then the computed tier is effective again and the history keeps both', async () => {
    const { db, app, schoolId, hoxha } = await setUp();
    const as = await authAs(db, await aUser(db, 'mediatore', { schoolIds: [schoolId] }));
    await request(app)
      .post(`/api/students/${hoxha}/risk/review`)
      .set(as)
      .set(SAME_ORIGIN)
      .send({ action: 'override', tier: 1, reason: 'recuperato in italiano' });

    const res = await request(app)
      .post(`/api/students/${hoxha}/risk/review`)
      .set(as)
      .set(SAME_ORIGIN)
      .send({ action: 'confirm', reason: 'visto il consiglio di classe' });
    const detail = await request(app).get(`/api/students/${hoxha}/risk`).set(as);

    expect(res.body).toMatchObject({ computedTier: 2, tier: 2, review: { action: 'confirm', tier: null } });
    expect(detail.body.reviews.map((r: { action: string }) => r.action)).toEqual(['confirm', 'override']);
  });

  test.each([
    [{ action: 'override', tier: 3, reason: '   ' }, 'reason'],
    [{ action: 'override', tier: 3 }, 'reason'],
    [{ action: 'override', reason: 'manca il livello' }, 'tier'],
    [{ action: 'dismiss', tier: 2, reason: 'livello non previsto' }, 'tier'],
  ])('when the body is %j, then 400 on %s and nothing is written', async (body, path) => {
    const { db, app, classId, rossi } = await setUp();

    const res = await request(app)
      .post(`/api/students/${rossi}/risk/review`)
      .set(await authAs(db, await aUser(db, 'docente', { classIds: [classId] })))
      .set(SAME_ORIGIN)
      .send(body);

    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(JSON.stringify(res.body.error.details)).toContain(path);
    expect(await reviews(db)).toEqual([]);
  });

  test('when a teacher of another class, the analyst or a referent of another school reviews, then refused and no row', async () => {
    const { db, app, schoolId, rossi } = await setUp();
    const other = await aClass(db, schoolId, { name: '4B' });
    const body = { action: 'dismiss', reason: 'non pertinente' };

    const teacher = await request(app)
      .post(`/api/students/${rossi}/risk/review`)
      .set(await authAs(db, await aUser(db, 'docente', { classIds: [other.id] })))
      .set(SAME_ORIGIN)
      .send(body);
    const analyst = await request(app)
      .post(`/api/students/${rossi}/risk/review`)
      .set(await authAs(db, await aUser(db, 'analista')))
      .set(SAME_ORIGIN)
      .send(body);
    const referent = await request(app)
      .post(`/api/students/${rossi}/risk/review`)
      .set(await authAs(db, await aUser(db, 'referente')))
      .set(SAME_ORIGIN)
      .send(body);

    expect([teacher.status, analyst.status, referent.status]).toEqual([404, 403, 404]);
    expect(await reviews(db)).toEqual([]);
  });
});
