import request from 'supertest';
import { describe, expect, test } from 'vitest';
import { createApp } from '../app';
import { verifyPassword } from '../auth/password';
import { SAME_ORIGIN, aUser, authAs } from '../testing/auth-as';
import { aClass, aSchool } from '../testing/factories';
import { createTestDb, testConfig } from '../testing/test-db';

describe('POST /api/users', () => {
  test('when the admin creates a teacher with a class, then 201 with a one-time password that works, and an audit row', async () => {
    const db = await createTestDb();
    const school = await aSchool(db, { code: 'ANPS03000E' });
    const cls = await aClass(db, school.id, { name: '3A' });
    const admin = await aUser(db, 'admin');

    const res = await request(createApp({ db, config: testConfig }))
      .post('/api/users')
      .set(SAME_ORIGIN)
      .set(await authAs(db, admin))
      .send({ email: 'Nuova.Docente@Scuola.it', displayName: 'Nuova Docente', role: 'docente', classIds: [cls.id] });

    expect(res.status).toBe(201);
    expect(res.body.user).toMatchObject({
      email: 'nuova.docente@scuola.it',
      role: 'docente',
      classIds: [cls.id],
      disabled: false,
    });
    expect(res.body.oneTimePassword).toMatch(/^[A-Za-z0-9]{16}$/);
    const stored = await db
      .selectFrom('app_user')
      .select(['password_hash', 'must_change_password'])
      .where('email', '=', 'nuova.docente@scuola.it')
      .executeTakeFirstOrThrow();
    expect(stored.must_change_password).toBe(1);
    expect(await verifyPassword(stored.password_hash, res.body.oneTimePassword)).toBe(true);
    expect(await db.selectFrom('audit_log').select(['action', 'user_id']).execute()).toEqual([
      { action: 'user.create', user_id: admin.id },
    ]);
  });

  test('when a referent creates a teacher for a class of another school, then 403 and no user', async () => {
    const db = await createTestDb();
    const own = await aSchool(db, { code: 'ANPS03000E' });
    const other = await aSchool(db, { code: 'PSPS01000A' });
    const foreignClass = await aClass(db, other.id, { name: '1B' });
    const referent = await aUser(db, 'referente', { schoolIds: [own.id] });

    const res = await request(createApp({ db, config: testConfig }))
      .post('/api/users')
      .set(SAME_ORIGIN)
      .set(await authAs(db, referent))
      .send({ email: 'x@scuola.it', displayName: 'X Y', role: 'docente', classIds: [foreignClass.id] });

    expect(res.status).toBe(403);
    expect(await db.selectFrom('app_user').select('email').where('email', '=', 'x@scuola.it').execute()).toEqual([]);
  });

  test('when a referent tries to create an admin, then 403', async () => {
    const db = await createTestDb();
    const own = await aSchool(db, { code: 'ANPS03000E' });
    const referent = await aUser(db, 'referente', { schoolIds: [own.id] });

    const res = await request(createApp({ db, config: testConfig }))
      .post('/api/users')
      .set(SAME_ORIGIN)
      .set(await authAs(db, referent))
      .send({ email: 'boss@scuola.it', displayName: 'Boss', role: 'admin' });

    expect(res.status).toBe(403);
  });

  test('when the email exists, then 409 conflict', async () => {
    const db = await createTestDb();
    const admin = await aUser(db, 'admin');

    const res = await request(createApp({ db, config: testConfig }))
      .post('/api/users')
      .set(SAME_ORIGIN)
      .set(await authAs(db, admin))
      .send({ email: admin.email, displayName: 'Doppio', role: 'analista' });

    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('conflict');
  });

  test.each(['docente', 'mediatore', 'analista'] as const)('when a %s tries, then 403', async (role) => {
    const db = await createTestDb();

    const res = await request(createApp({ db, config: testConfig }))
      .post('/api/users')
      .set(SAME_ORIGIN)
      .set(await authAs(db, await aUser(db, role)))
      .send({ email: 'y@scuola.it', displayName: 'Y Z', role: 'analista' });

    expect(res.status).toBe(403);
  });
});

describe('POST /api/users for the agencies of the plan (issue 21)', () => {
  test('when the admin creates a PUA operator serving two municipalities, then 201 and the municipalities are stored', async () => {
    const db = await createTestDb();
    const admin = await aUser(db, 'admin');

    const res = await request(createApp({ db, config: testConfig }))
      .post('/api/users')
      .set(SAME_ORIGIN)
      .set(await authAs(db, admin))
      .send({ email: 'pua@ambito.it', displayName: 'PUA Ancona', role: 'pua', municipalities: ['042002', '042002'] });

    expect(res.status).toBe(201);
    expect(res.body.user).toMatchObject({ role: 'pua', schools: [], classIds: [], municipalities: ['042002'] });
    expect(await db.selectFrom('user_municipality').select('municipality_istat').execute()).toEqual([
      { municipality_istat: '042002' },
    ]);
  });

  test.each([
    [[], 'Serve almeno un comune servito'],
    [['999999'], 'Comuni sconosciuti: 999999'],
  ])(
    'when the admin creates a municipality account with %j, then 400 "%s" and no user',
    async (municipalities, message) => {
      const db = await createTestDb();
      const admin = await aUser(db, 'admin');

      const res = await request(createApp({ db, config: testConfig }))
        .post('/api/users')
        .set(SAME_ORIGIN)
        .set(await authAs(db, admin))
        .send({ email: 'comune@comune.it', displayName: 'Ufficio scuola', role: 'comune', municipalities });

      expect(res.status).toBe(400);
      expect(res.body.error.message).toBe(message);
      expect(await db.selectFrom('app_user').select('email').where('role', '=', 'comune').execute()).toEqual([]);
    },
  );

  test('when a referent tries to create a PUA operator, then 403 and no user', async () => {
    const db = await createTestDb();
    const school = await aSchool(db);
    const referent = await aUser(db, 'referente', { schoolIds: [school.id] });

    const res = await request(createApp({ db, config: testConfig }))
      .post('/api/users')
      .set(SAME_ORIGIN)
      .set(await authAs(db, referent))
      .send({ email: 'pua@ambito.it', displayName: 'PUA Ancona', role: 'pua', municipalities: ['042002'] });

    expect(res.status).toBe(403);
    expect(await db.selectFrom('user_municipality').selectAll().execute()).toEqual([]);
  });
});

describe('GET /api/users', () => {
  test('when a referent lists users, then only the users of their schools', async () => {
    const db = await createTestDb();
    const own = await aSchool(db, { code: 'ANPS03000E' });
    const other = await aSchool(db, { code: 'PSPS01000A' });
    const ownClass = await aClass(db, own.id, { name: '3A' });
    const referent = await aUser(db, 'referente', { schoolIds: [own.id] });
    const teacher = await aUser(db, 'docente', { classIds: [ownClass.id] });
    await aUser(db, 'mediatore', { schoolIds: [other.id] });
    await aUser(db, 'admin');

    const res = await request(createApp({ db, config: testConfig }))
      .get('/api/users')
      .set(await authAs(db, referent));

    expect(res.body.items.map((u: { id: number }) => u.id).sort()).toEqual([referent.id, teacher.id].sort());
  });
});

describe('POST /api/users/:id/one-time-password', () => {
  test("when the admin reissues an expired one-time password, then the new one logs in, the old one does not, and the account's sessions end", async () => {
    const db = await createTestDb();
    const admin = await aUser(db, 'admin');
    const issued = new Date('2026-03-02T08:00:00Z');
    let clock = issued;
    const app = createApp({ db, config: testConfig, now: () => clock });
    const created = await request(app)
      .post('/api/users')
      .set(SAME_ORIGIN)
      .set(await authAs(db, admin, issued))
      .send({ email: 'nuova@scuola.it', displayName: 'Nuova', role: 'analista' });
    const userId: number = created.body.user.id;
    clock = new Date(issued.getTime() + 80 * 3600_000);
    const theirSession = await authAs(db, { id: userId }, clock);

    const res = await request(app)
      .post(`/api/users/${userId}/one-time-password`)
      .set(SAME_ORIGIN)
      .set(await authAs(db, admin, clock));

    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      user: { id: userId },
      oneTimePassword: expect.stringMatching(/^[A-Za-z0-9]{16}$/),
    });
    const login = (password: string) =>
      request(app).post('/api/auth/login').set(SAME_ORIGIN).send({ email: 'nuova@scuola.it', password });
    expect((await login(created.body.oneTimePassword)).status).toBe(401);
    expect((await login(res.body.oneTimePassword)).status).toBe(200);
    expect((await request(app).get('/api/me').set(theirSession)).status).toBe(401);
    expect(
      await db.selectFrom('audit_log').select('action').where('action', '=', 'user.one_time_password').execute(),
    ).toHaveLength(1);
  });

  test('when a referent asks for a user outside their schools, then 404 and the password is unchanged', async () => {
    const db = await createTestDb();
    const own = await aSchool(db, { code: 'ANPS03000E' });
    const other = await aSchool(db, { code: 'PSPS01000A' });
    const referent = await aUser(db, 'referente', { schoolIds: [own.id] });
    const stranger = await aUser(db, 'mediatore', { schoolIds: [other.id] });

    const res = await request(createApp({ db, config: testConfig }))
      .post(`/api/users/${stranger.id}/one-time-password`)
      .set(SAME_ORIGIN)
      .set(await authAs(db, referent));

    expect(res.status).toBe(404);
    expect(
      await db
        .selectFrom('app_user')
        .select(['password_hash', 'must_change_password'])
        .where('id', '=', stranger.id)
        .executeTakeFirstOrThrow(),
    ).toEqual({ password_hash: null, must_change_password: 0 });
  });
});
