import request from 'supertest';
import { describe, expect, test } from 'vitest';
import { createApp } from '../app';
import { audit } from '../http/audit';
import { SAME_ORIGIN, aUser, authAs } from '../testing/auth-as';
import { aClass, aSchool, aStudent, anEnrolment } from '../testing/factories';
import { createTestDb, testConfig } from '../testing/test-db';

describe('GET /api/audit', () => {
  test('when the admin filters by student, then only the lines naming that student, newest first, paged', async () => {
    const db = await createTestDb();
    const admin = await aUser(db, 'admin');
    await audit(db, {}, { action: 'student.read', studentIds: [7] });
    await audit(db, {}, { action: 'student.read', studentIds: [17] });
    await audit(db, {}, { action: 'class.students.read', studentIds: [3, 7, 9] });
    await audit(db, {}, { action: 'class.students.read', studentIds: [70] });
    const app = createApp({ db, config: testConfig });
    const as = await authAs(db, admin);

    const first = await request(app).get('/api/audit?studentId=7&limit=1').set(as);
    const second = await request(app).get(`/api/audit?studentId=7&limit=1&before=${first.body.nextBefore}`).set(as);

    expect(first.body.items.map((e: { action: string }) => e.action)).toEqual(['class.students.read']);
    expect(second.body.items).toEqual([expect.objectContaining({ action: 'student.read', studentIds: [7] })]);
    expect(second.body.nextBefore).toBeNull();
  });

  test.each(['referente', 'docente', 'mediatore', 'analista'] as const)('when a %s asks, then 403', async (role) => {
    const db = await createTestDb();

    const res = await request(createApp({ db, config: testConfig }))
      .get('/api/audit')
      .set(await authAs(db, await aUser(db, role)));

    expect(res.status).toBe(403);
  });

  test('when anything tries to change the log, then the database refuses (append-only)', async () => {
    const db = await createTestDb();
    await audit(db, {}, { action: 'student.read', studentIds: [1] });

    await expect(db.updateTable('audit_log').set({ action: 'x' }).execute()).rejects.toThrow(/append-only/);
    await expect(db.deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/);
  });
});

describe('GET /api/audit: details (issue 17, finding 10)', () => {
  test('when a line has details, then the admin sees them', async () => {
    const db = await createTestDb();
    const admin = await aUser(db, 'admin');
    await audit(db, {}, { action: 'compulsory.october_list', details: { school: 'ANMM00000X', students: 2 } });
    await audit(db, {}, { action: 'student.read', studentIds: [1] });

    const res = await request(createApp({ db, config: testConfig }))
      .get('/api/audit')
      .set(await authAs(db, admin));

    expect(res.body.items.map((e: { details: unknown }) => e.details)).toEqual([
      null,
      { school: 'ANMM00000X', students: 2 },
    ]);
  });
});

describe('audit of anonymous refusals (issue 17, finding 10)', () => {
  const rows = (db: Awaited<ReturnType<typeof createTestDb>>) =>
    db.selectFrom('audit_log').select(['action', 'outcome', 'path', 'details']).orderBy('id').execute();

  test('when anonymous requests flood the API, then one row per address a minute, and the next row counts the ones not written', async () => {
    const db = await createTestDb();
    let clock = new Date('2026-03-02T08:00:00Z');
    const app = createApp({ db, config: testConfig, now: () => clock });
    for (let i = 0; i < 30; i++) await request(app).get(`/api/schools?i=${i}`);
    clock = new Date(clock.getTime() + 59_000);
    await request(app).get('/api/schools?i=30');

    clock = new Date(clock.getTime() + 1000);
    await request(app).get('/api/schools?i=31');

    expect(await rows(db)).toEqual([
      {
        action: 'access.denied',
        outcome: 'denied',
        path: '/api/schools?i=0',
        details: JSON.stringify({ status: 401, code: 'unauthenticated' }),
      },
      {
        action: 'access.denied',
        outcome: 'denied',
        path: '/api/schools?i=31',
        details: JSON.stringify({ status: 401, code: 'unauthenticated', notLogged: 30 }),
      },
    ]);
  });

  test('when the login page probes /api/me without a session, then nothing is written', async () => {
    const db = await createTestDb();

    const res = await request(createApp({ db, config: testConfig })).get('/api/me');

    expect(res.status).toBe(401);
    expect(await rows(db)).toEqual([]);
  });

  test('when throttled logins keep coming, then one row a minute records them', async () => {
    const db = await createTestDb();
    const app = createApp({ db, config: testConfig, now: () => new Date('2026-03-02T08:00:00Z') });
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) {
      statuses.push(
        (
          await request(app)
            .post('/api/auth/login')
            .set(SAME_ORIGIN)
            .send({ email: 'chiunque@scuola.test', password: `x${i}` })
        ).status,
      );
    }

    const written = await rows(db);

    expect(statuses.filter((s) => s === 429)).toHaveLength(20);
    expect(written.filter((r) => r.outcome === 'failed')).toHaveLength(5); // each checked password
    expect(written.filter((r) => r.outcome === 'denied')).toHaveLength(1);
  });

  test('when a path is very long, then only its first 200 characters are stored', async () => {
    const db = await createTestDb();
    const analyst = await aUser(db, 'analista');

    await request(createApp({ db, config: testConfig }))
      .get(`/api/audit?action=${'x'.repeat(600)}`)
      .set(await authAs(db, analyst));

    const [row] = await rows(db);
    expect(row!.path).toHaveLength(200);
  });
});

describe('October list export audit', () => {
  test('when a referent exports the list, then the audit row names the school and the students', async () => {
    const db = await createTestDb();
    const school = await aSchool(db, { code: 'ANMM00000X', level: 'primo_grado' });
    const cls = await aClass(db, school.id, { name: '3C' });
    const listed = await aStudent(db);
    await db
      .updateTable('student')
      .set({ birth_date: '2011-04-02', residence_istat: '042002' })
      .where('id', '=', listed.id)
      .execute();
    await anEnrolment(db, listed.id, cls.id);
    const referent = await aUser(db, 'referente', { schoolIds: [school.id] });

    const res = await request(createApp({ db, config: testConfig }))
      .get('/api/schools/ANMM00000X/october-list')
      .set(await authAs(db, referent));

    expect(res.body.rows).toHaveLength(1);
    const row = await db
      .selectFrom('audit_log')
      .select(['student_ids', 'details'])
      .where('action', '=', 'compulsory.october_list')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(row.student_ids!)).toEqual([listed.id]);
    expect(JSON.parse(row.details!)).toMatchObject({ school: 'ANMM00000X', schoolId: school.id });
  });
});
