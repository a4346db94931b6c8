import type { Server } from 'node:http';
import type { Express } from 'express';
import request from 'supertest';
import { describe, expect, test } from 'vitest';
import { createApp } from '../app';
import { SAME_ORIGIN, aUser, authAs } from '../testing/auth-as';
import { createTestDb, testConfig } from '../testing/test-db';
import { hash as argon2Hash } from '@node-rs/argon2';
import { PRODUCTION_HASH_COST, hashPassword } from './password';
import { IDLE_TIMEOUT_MS } from './sessions';

async function withPassword(db: Awaited<ReturnType<typeof createTestDb>>, role: 'docente' | 'admin' = 'admin') {
  const user = await aUser(db, role);
  await db
    .updateTable('app_user')
    .set({ password_hash: await hashPassword('una-password-lunga') })
    .where('id', '=', user.id)
    .execute();
  return user;
}

const cookieOf = (res: request.Response) => String(res.headers['set-cookie']?.[0] ?? '').split(';')[0]!;

describe('POST /api/auth/login', () => {
  test('when the password is right, then a hardened session cookie, /me works, and the login is audited', async () => {
    const db = await createTestDb();
    const user = await withPassword(db);
    const app = createApp({ db, config: testConfig });

    const res = await request(app)
      .post('/api/auth/login')
      .set(SAME_ORIGIN)
      .send({ email: user.email.toUpperCase(), password: 'una-password-lunga' });

    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: user.id, role: 'admin' });
    const setCookie = String(res.headers['set-cookie']?.[0]);
    expect(setCookie).toMatch(/^primm_session=[\w-]{43};/); // 256 bits, base64url
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    const me = await request(app).get('/api/me').set('Cookie', cookieOf(res));
    expect(me.body.email).toBe(user.email);
    expect(await db.selectFrom('audit_log').select(['action', 'outcome', 'user_id']).execute()).toEqual([
      { action: 'auth.login', outcome: 'ok', user_id: user.id },
    ]);
    const sessions = await db.selectFrom('user_session').select('id').execute();
    expect(sessions).toHaveLength(1);
    expect(cookieOf(res)).not.toContain(sessions[0]!.id); // only the hash is stored
  });

  test('when the password is wrong, then 401 with one message for every failure, and the failure is audited', async () => {
    const db = await createTestDb();
    const user = await withPassword(db);
    const app = createApp({ db, config: testConfig });

    const wrong = await request(app)
      .post('/api/auth/login')
      .set(SAME_ORIGIN)
      .send({ email: user.email, password: 'sbagliata' });
    const unknown = await request(app)
      .post('/api/auth/login')
      .set(SAME_ORIGIN)
      .send({ email: 'nessuno@scuola.test', password: 'sbagliata' });

    expect(wrong.status).toBe(401);
    expect(unknown.body).toEqual(wrong.body);
    expect(await db.selectFrom('audit_log').select(['action', 'outcome']).execute()).toEqual([
      { action: 'auth.login', outcome: 'failed' },
      { action: 'auth.login', outcome: 'failed' },
    ]);
  });

  test('when the request comes from another origin, then 403 and no session', async () => {
    const db = await createTestDb();
    const user = await withPassword(db);

    const res = await request(createApp({ db, config: testConfig }))
      .post('/api/auth/login')
      .set({ Host: 'primm.test', Origin: 'http://evil.test' })
      .send({ email: user.email, password: 'una-password-lunga' });

    expect(res.status).toBe(403);
    expect(await db.selectFrom('user_session').selectAll().execute()).toEqual([]);
  });

  test('when logging in with an old session cookie, then the old session is dropped (rotation)', async () => {
    const db = await createTestDb();
    const user = await withPassword(db);
    const app = createApp({ db, config: testConfig });
    const first = cookieOf(
      await request(app)
        .post('/api/auth/login')
        .set(SAME_ORIGIN)
        .send({ email: user.email, password: 'una-password-lunga' }),
    );

    const second = await request(app)
      .post('/api/auth/login')
      .set(SAME_ORIGIN)
      .set('Cookie', first)
      .send({ email: user.email, password: 'una-password-lunga' });

    expect(cookieOf(second)).not.toBe(first);
    expect((await request(app).get('/api/me').set('Cookie', first)).status).toBe(401);
    expect(await db.selectFrom('user_session').selectAll().execute()).toHaveLength(1);
  });
});

// The app behind a proxy on loopback, so each test request can say which address it comes from.
const behindProxy = { ...testConfig, trustProxy: 'loopback' } as const;
const OWNER = '198.51.100.7';
const ATTACKER = '203.0.113.66';

function loginFrom(app: Express | Server, ip: string, email: string, password: string) {
  return request(app)
    .post('/api/auth/login')
    .set({ ...SAME_ORIGIN, 'X-Forwarded-For': ip })
    .send({ email, password });
}

describe('POST /api/auth/login: throttling (issue 17, finding 9)', () => {
  test('when five wrong passwords come from another address, then the owner still logs in from theirs', async () => {
    const db = await createTestDb();
    const user = await withPassword(db);
    const app = createApp({ db, config: behindProxy });
    for (let i = 0; i < 5; i++) expect((await loginFrom(app, ATTACKER, user.email, `tentativo-${i}`)).status).toBe(401);

    const res = await loginFrom(app, OWNER, user.email, 'una-password-lunga');

    expect(res.status).toBe(200);
  });

  test('when the same address has failed five times on an account, then it waits 1 s, 2 s, 4 s between tries, even with the right password', async () => {
    const db = await createTestDb();
    const user = await withPassword(db);
    let clock = new Date('2026-03-02T08:00:00Z');
    const app = createApp({ db, config: behindProxy, now: () => clock });
    const tick = (ms: number) => (clock = new Date(clock.getTime() + ms));
    for (let i = 0; i < 5; i++) await loginFrom(app, ATTACKER, user.email, `tentativo-${i}`);
    const statuses: (number | string)[] = [];
    const attempt = async (password = 'sbagliata') => {
      const res = await loginFrom(app, ATTACKER, user.email, password);
      statuses.push(res.status === 429 ? `429 after ${res.headers['retry-after']} s` : res.status);
      return res;
    };

    const refused = await attempt('una-password-lunga');
    tick(1000);
    await attempt();
    await attempt();
    tick(2000);
    await attempt();
    tick(3999);
    await attempt();
    tick(1);
    await attempt('una-password-lunga');

    expect(statuses).toEqual(['429 after 1 s', 401, '429 after 2 s', 401, '429 after 1 s', 200]);
    expect(refused.body.error.code).toBe('rate_limited');
  });

  test('when guesses come from many addresses, then the account is slowed for every address but never locked', async () => {
    const db = await createTestDb();
    const user = await withPassword(db);
    let clock = new Date('2026-03-02T08:00:00Z');
    const app = createApp({ db, config: behindProxy, now: () => clock });
    for (let i = 0; i < 20; i++)
      expect((await loginFrom(app, `203.0.113.${i}`, user.email, `tentativo-${i}`)).status).toBe(401);

    const slowed = await loginFrom(app, OWNER, user.email, 'una-password-lunga');
    clock = new Date(clock.getTime() + 1000);
    const after = await loginFrom(app, OWNER, user.email, 'una-password-lunga');

    expect([slowed.status, slowed.headers['retry-after']]).toEqual([429, '1']);
    expect(after.status).toBe(200);
  });

  test('when an address has failed on 20 other accounts (a school behind one proxy), then a colleague there still logs in', async () => {
    const db = await createTestDb();
    const user = await withPassword(db);
    const app = createApp({ db, config: behindProxy });
    for (let i = 0; i < 20; i++) await loginFrom(app, ATTACKER, `collega${i}@scuola.test`, 'sbagliata');

    const res = await loginFrom(app, ATTACKER, user.email, 'una-password-lunga');

    expect(res.status).toBe(200);
  });

  test('when 60 guesses arrive at once, then only 5 passwords are checked and the rest wait (429)', async () => {
    const db = await createTestDb();
    const user = await aUser(db, 'admin');
    // A production-cost hash: checking takes as long as in production, which is when a
    // check-then-record throttle let 11 of 60 parallel guesses through.
    await db
      .updateTable('app_user')
      .set({ password_hash: await argon2Hash('una-password-lunga', PRODUCTION_HASH_COST) })
      .where('id', '=', user.id)
      .execute();
    const server = createApp({ db, config: behindProxy, now: () => new Date('2026-03-02T08:00:00Z') }).listen(0);

    const statuses = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        loginFrom(server, ATTACKER, user.email, `tentativo-${i}`).then((r) => r.status),
      ),
    );
    server.close();

    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(55);
  });

  test('when the owner logs in after a few failures from their address, then their address starts again from zero', async () => {
    const db = await createTestDb();
    const user = await withPassword(db);
    const app = createApp({ db, config: behindProxy, now: () => new Date('2026-03-02T08:00:00Z') });
    for (let i = 0; i < 4; i++) await loginFrom(app, OWNER, user.email, `refuso-${i}`);
    expect((await loginFrom(app, OWNER, user.email, 'una-password-lunga')).status).toBe(200);

    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await loginFrom(app, OWNER, user.email, `refuso-${i}`)).status);

    expect(statuses).toEqual([401, 401, 401, 401, 401]);
  });

  test('when a client sends X-Forwarded-For and no proxy is configured, then its own connection address counts', async () => {
    const db = await createTestDb();
    const user = await withPassword(db);
    const app = createApp({ db, config: testConfig });

    await loginFrom(app, ATTACKER, user.email, 'sbagliata');

    const [row] = await db.selectFrom('audit_log').select('ip').execute();
    expect(row!.ip).not.toBe(ATTACKER);
    expect(row!.ip).toMatch(/127\.0\.0\.1|::1/);
  });
});

describe('sessions', () => {
  test('when idle for more than 30 minutes, then the session is over', async () => {
    const db = await createTestDb();
    const user = await withPassword(db);
    let clock = new Date('2026-03-02T08:00:00Z');
    const app = createApp({ db, config: testConfig, now: () => clock });
    const cookie = cookieOf(
      await request(app)
        .post('/api/auth/login')
        .set(SAME_ORIGIN)
        .send({ email: user.email, password: 'una-password-lunga' }),
    );

    clock = new Date(clock.getTime() + IDLE_TIMEOUT_MS - 1000);
    const stillIn = await request(app).get('/api/me').set('Cookie', cookie);
    clock = new Date(clock.getTime() + IDLE_TIMEOUT_MS + 1000);
    const out = await request(app).get('/api/me').set('Cookie', cookie);

    expect(stillIn.status).toBe(200);
    expect(out.status).toBe(401);
    expect(await db.selectFrom('user_session').selectAll().execute()).toEqual([]);
  });

  test('when active but past 12 hours, then the session is over', async () => {
    const db = await createTestDb();
    const user = await withPassword(db);
    let clock = new Date('2026-03-02T08:00:00Z');
    const app = createApp({ db, config: testConfig, now: () => clock });
    const cookie = cookieOf(
      await request(app)
        .post('/api/auth/login')
        .set(SAME_ORIGIN)
        .send({ email: user.email, password: 'una-password-lunga' }),
    );

    for (let minutes = 20; minutes <= 12 * 60 + 20; minutes += 20) {
      clock = new Date(Date.parse('2026-03-02T08:00:00Z') + minutes * 60_000);
      const res = await request(app).get('/api/me').set('Cookie', cookie);
      if (minutes < 12 * 60) expect(res.status).toBe(200);
      else expect(res.status).toBe(401);
    }
  });

  test('when logging out, then the session is invalid on the server too', async () => {
    const db = await createTestDb();
    const user = await withPassword(db);
    const app = createApp({ db, config: testConfig });
    const cookie = cookieOf(
      await request(app)
        .post('/api/auth/login')
        .set(SAME_ORIGIN)
        .send({ email: user.email, password: 'una-password-lunga' }),
    );

    const out = await request(app).post('/api/auth/logout').set(SAME_ORIGIN).set('Cookie', cookie);

    expect(out.status).toBe(204);
    expect((await request(app).get('/api/me').set('Cookie', cookie)).status).toBe(401);
    expect(await db.selectFrom('user_session').selectAll().execute()).toEqual([]);
  });
});

describe('GET /api/auth/demo-accounts', () => {
  test('when not in demo mode, then no account or password is disclosed', async () => {
    const db = await createTestDb();

    const res = await request(createApp({ db, config: testConfig })).get('/api/auth/demo-accounts');

    expect(res.body).toEqual({ demo: false, password: null, accounts: [] });
  });
});

describe('POST /api/auth/password', () => {
  test('when the current password is right, then the new one works, the old does not, and other sessions end', async () => {
    const db = await createTestDb();
    const user = await withPassword(db);
    await db.updateTable('app_user').set({ must_change_password: 1 }).where('id', '=', user.id).execute();
    const app = createApp({ db, config: testConfig });
    const login = (password: string) =>
      request(app).post('/api/auth/login').set(SAME_ORIGIN).send({ email: user.email, password });
    const other = cookieOf(await login('una-password-lunga'));
    const mine = cookieOf(await login('una-password-lunga'));

    const res = await request(app)
      .post('/api/auth/password')
      .set(SAME_ORIGIN)
      .set('Cookie', mine)
      .send({ currentPassword: 'una-password-lunga', newPassword: 'cavallo batteria graffetta' });

    expect(res.status).toBe(204);
    expect((await request(app).get('/api/me').set('Cookie', mine)).body.mustChangePassword).toBe(false);
    expect((await request(app).get('/api/me').set('Cookie', other)).status).toBe(401);
    expect((await login('una-password-lunga')).status).toBe(401);
    expect((await login('cavallo batteria graffetta')).status).toBe(200);
  });

  test('when the current password is wrong or the new one too short, then 400 and nothing changes', async () => {
    const db = await createTestDb();
    const user = await withPassword(db);
    const app = createApp({ db, config: testConfig });
    const cookie = cookieOf(
      await request(app)
        .post('/api/auth/login')
        .set(SAME_ORIGIN)
        .send({ email: user.email, password: 'una-password-lunga' }),
    );
    const before = await db
      .selectFrom('app_user')
      .select('password_hash')
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow();

    const wrong = await request(app)
      .post('/api/auth/password')
      .set(SAME_ORIGIN)
      .set('Cookie', cookie)
      .send({ currentPassword: 'no', newPassword: 'cavallo batteria graffetta' });
    const short = await request(app)
      .post('/api/auth/password')
      .set(SAME_ORIGIN)
      .set('Cookie', cookie)
      .send({ currentPassword: 'una-password-lunga', newPassword: 'corta' });

    expect([wrong.status, short.status]).toEqual([400, 400]);
    expect(short.body.error.details[0].message).toBe('la nuova password deve avere almeno 12 caratteri');
    expect(
      await db.selectFrom('app_user').select('password_hash').where('id', '=', user.id).executeTakeFirstOrThrow(),
    ).toEqual(before);
  });
});

describe('one-time passwords (issue 17, finding 11)', () => {
  test('when the user has not yet replaced their one-time password, then every API route but /me, /auth/password and /auth/logout answers 403 password_change_required', async () => {
    const db = await createTestDb();
    const user = await withPassword(db, 'docente');
    await db.updateTable('app_user').set({ must_change_password: 1 }).where('id', '=', user.id).execute();
    const app = createApp({ db, config: testConfig });
    const cookie = cookieOf(
      await request(app)
        .post('/api/auth/login')
        .set(SAME_ORIGIN)
        .send({ email: user.email, password: 'una-password-lunga' }),
    );

    const schools = await request(app).get('/api/schools').set('Cookie', cookie);
    const flag = await request(app)
      .post('/api/students/1/flags')
      .set(SAME_ORIGIN)
      .set('Cookie', cookie)
      .send({ reason: 'assenze' });
    const me = await request(app).get('/api/me').set('Cookie', cookie);
    const changed = await request(app)
      .post('/api/auth/password')
      .set(SAME_ORIGIN)
      .set('Cookie', cookie)
      .send({ currentPassword: 'una-password-lunga', newPassword: 'cavallo batteria graffetta' });
    const after = await request(app).get('/api/schools').set('Cookie', cookie);

    expect([schools.status, schools.body.error.code]).toEqual([403, 'password_change_required']);
    expect([flag.status, flag.body.error.code]).toEqual([403, 'password_change_required']);
    expect([me.status, me.body.mustChangePassword]).toEqual([200, true]);
    expect([changed.status, after.status]).toEqual([204, 200]);
    expect(await db.selectFrom('flag').selectAll().execute()).toEqual([]);
    const denials = await db
      .selectFrom('audit_log')
      .select(['path', 'details'])
      .where('action', '=', 'access.denied')
      .execute();
    expect(denials.map((d) => [d.path, JSON.parse(d.details!).code])).toEqual([
      ['/api/schools', 'password_change_required'],
      ['/api/students/1/flags', 'password_change_required'],
    ]);
    expect(
      await db
        .selectFrom('app_user')
        .select(['must_change_password', 'one_time_password_issued_at'])
        .where('id', '=', user.id)
        .executeTakeFirstOrThrow(),
    ).toEqual({ must_change_password: 0, one_time_password_issued_at: null });
  });

  test('when the user signs out with their one-time password still set, then the logout works', async () => {
    const db = await createTestDb();
    const user = await withPassword(db, 'docente');
    await db.updateTable('app_user').set({ must_change_password: 1 }).where('id', '=', user.id).execute();
    const app = createApp({ db, config: testConfig });
    const cookie = cookieOf(
      await request(app)
        .post('/api/auth/login')
        .set(SAME_ORIGIN)
        .send({ email: user.email, password: 'una-password-lunga' }),
    );

    const out = await request(app).post('/api/auth/logout').set(SAME_ORIGIN).set('Cookie', cookie);

    expect(out.status).toBe(204);
    expect(await db.selectFrom('user_session').selectAll().execute()).toEqual([]);
  });

  test.each([
    ['71 h', 71 * 3600_000, 200, undefined],
    ['72 h and 1 s', 72 * 3600_000 + 1000, 401, 'password_expired'],
  ])(
    "when a new account's one-time password is used %s after it was issued, then %i",
    async (_label, age, status, code) => {
      const db = await createTestDb();
      const admin = await aUser(db, 'admin');
      const issued = new Date('2026-03-02T08:00:00Z');
      let clock = issued;
      const app = createApp({ db, config: testConfig, now: () => clock });
      const created = await request(app)
        .post('/api/users')
        .set(SAME_ORIGIN)
        .set(await authAs(db, admin, issued))
        .send({ email: 'nuova@scuola.test', displayName: 'Nuova', role: 'analista', schools: [], classIds: [] });
      clock = new Date(issued.getTime() + age);

      const res = await request(app)
        .post('/api/auth/login')
        .set(SAME_ORIGIN)
        .send({ email: 'nuova@scuola.test', password: created.body.oneTimePassword });

      expect(res.status).toBe(status);
      expect(res.body.error?.code).toBe(code);
      if (code) expect(res.body.error.message).toMatch(/scadut/);
      expect(
        await db.selectFrom('user_session').select('user_id').where('user_id', '=', created.body.user.id).execute(),
      ).toHaveLength(status === 200 ? 1 : 0);
    },
  );
});
