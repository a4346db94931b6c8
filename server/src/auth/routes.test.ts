import request from 'supertest';
import { describe, expect, test } from 'vitest';
import { createApp } from '../app';
import { SAME_ORIGIN, aUser } from '../testing/auth-as';
import { createTestDb, testConfig } from '../testing/test-db';
import { hashPassword } from './password';
import { IDLE_TIMEOUT_MS } from './sessions';
import { THROTTLE } from './throttle';

async function withPassword(db: Awaited<ReturnType<typeof createTestDb>>, role: 'docente' | 'admin' = 'admin') {
  const user = await aUser(db, role);
  await db.updateTable('app_user').set({ password_hash: await hashPassword('una-password-lunga') }).where('id', '=', user.id).execute();
  return user;
}

const cookieOf = (res: request.Response) => String(res.headers['set-cookie']?.[0] ?? '').split(';')[0]!;

describe('POST /api/auth/login', () => {
  test('when the password is right, then a hardened session cookie, /me works, and the login is audited', async () => {
    const db = await createTestDb();
    const user = await withPassword(db);
    const app = createApp({ db, config: testConfig });

    const res = await request(app).post('/api/auth/login').set(SAME_ORIGIN).send({ email: user.email.toUpperCase(), password: 'una-password-lunga' });

    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: user.id, role: 'admin' });
    const setCookie = String(res.headers['set-cookie']?.[0]);
    expect(setCookie).toMatch(/^primm_session=[\w-]{43};/); // 256 bits, base64url
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    const me = await request(app).get('/api/me').set('Cookie', cookieOf(res));
    expect(me.body.email).toBe(user.email);
    expect(await db.selectFrom('audit_log').select(['action', 'outcome', 'user_id']).execute()).toEqual([{ action: 'auth.login', outcome: 'ok', user_id: user.id }]);
    const sessions = await db.selectFrom('user_session').select('id').execute();
    expect(sessions).toHaveLength(1);
    expect(cookieOf(res)).not.toContain(sessions[0]!.id); // only the hash is stored
  });

  test('when the password is wrong, then 401 with one message for every failure, and the failure is audited', async () => {
    const db = await createTestDb();
    const user = await withPassword(db);
    const app = createApp({ db, config: testConfig });

    const wrong = await request(app).post('/api/auth/login').set(SAME_ORIGIN).send({ email: user.email, password: 'sbagliata' });
    const unknown = await request(app).post('/api/auth/login').set(SAME_ORIGIN).send({ email: 'nessuno@scuola.test', password: 'sbagliata' });

    expect(wrong.status).toBe(401);
    expect(unknown.body).toEqual(wrong.body);
    expect(await db.selectFrom('audit_log').select(['action', 'outcome']).execute()).toEqual([
      { action: 'auth.login', outcome: 'failed' },
      { action: 'auth.login', outcome: 'failed' },
    ]);
  });

  test('when an account has failed too often, then even the right password is refused with 429', async () => {
    const db = await createTestDb();
    const user = await withPassword(db);
    const app = createApp({ db, config: testConfig });
    for (let i = 0; i < THROTTLE.perAccount; i++) {
      await request(app).post('/api/auth/login').set(SAME_ORIGIN).send({ email: user.email, password: `tentativo-${i}` });
    }

    const res = await request(app).post('/api/auth/login').set(SAME_ORIGIN).send({ email: user.email, password: 'una-password-lunga' });

    expect(res.status).toBe(429);
    expect(res.body.error.code).toBe('rate_limited');
  });

  test('when the window has passed, then the account may log in again', async () => {
    const db = await createTestDb();
    const user = await withPassword(db);
    let clock = new Date('2026-03-02T08:00:00Z');
    const app = createApp({ db, config: testConfig, now: () => clock });
    for (let i = 0; i < THROTTLE.perAccount; i++) {
      await request(app).post('/api/auth/login').set(SAME_ORIGIN).send({ email: user.email, password: `tentativo-${i}` });
    }
    clock = new Date(clock.getTime() + THROTTLE.windowMs + 1000);

    const res = await request(app).post('/api/auth/login').set(SAME_ORIGIN).send({ email: user.email, password: 'una-password-lunga' });

    expect(res.status).toBe(200);
  });

  test('when the request comes from another origin, then 403 and no session', async () => {
    const db = await createTestDb();
    const user = await withPassword(db);

    const res = await request(createApp({ db, config: testConfig })).post('/api/auth/login')
      .set({ Host: 'primm.test', Origin: 'http://evil.test' }).send({ email: user.email, password: 'una-password-lunga' });

    expect(res.status).toBe(403);
    expect(await db.selectFrom('user_session').selectAll().execute()).toEqual([]);
  });

  test('when logging in with an old session cookie, then the old session is dropped (rotation)', async () => {
    const db = await createTestDb();
    const user = await withPassword(db);
    const app = createApp({ db, config: testConfig });
    const first = cookieOf(await request(app).post('/api/auth/login').set(SAME_ORIGIN).send({ email: user.email, password: 'una-password-lunga' }));

    const second = await request(app).post('/api/auth/login').set(SAME_ORIGIN).set('Cookie', first).send({ email: user.email, password: 'una-password-lunga' });

    expect(cookieOf(second)).not.toBe(first);
    expect((await request(app).get('/api/me').set('Cookie', first)).status).toBe(401);
    expect(await db.selectFrom('user_session').selectAll().execute()).toHaveLength(1);
  });
});

describe('sessions', () => {
  test('when idle for more than 30 minutes, then the session is over', async () => {
    const db = await createTestDb();
    const user = await withPassword(db);
    let clock = new Date('2026-03-02T08:00:00Z');
    const app = createApp({ db, config: testConfig, now: () => clock });
    const cookie = cookieOf(await request(app).post('/api/auth/login').set(SAME_ORIGIN).send({ email: user.email, password: 'una-password-lunga' }));

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
    const cookie = cookieOf(await request(app).post('/api/auth/login').set(SAME_ORIGIN).send({ email: user.email, password: 'una-password-lunga' }));

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
    const cookie = cookieOf(await request(app).post('/api/auth/login').set(SAME_ORIGIN).send({ email: user.email, password: 'una-password-lunga' }));

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

  test('when in demo mode, then the five demo accounts are listed', async () => {
    const db = await createTestDb();

    const res = await request(createApp({ db, config: { ...testConfig, demo: true } })).get('/api/auth/demo-accounts');

    expect(res.body.accounts.map((a: { role: string }) => a.role)).toEqual(['docente', 'mediatore', 'referente', 'analista', 'admin']);
  });
});

describe('POST /api/auth/password', () => {
  test('when the current password is right, then the new one works, the old does not, and other sessions end', async () => {
    const db = await createTestDb();
    const user = await withPassword(db);
    await db.updateTable('app_user').set({ must_change_password: 1 }).where('id', '=', user.id).execute();
    const app = createApp({ db, config: testConfig });
    const login = (password: string) => request(app).post('/api/auth/login').set(SAME_ORIGIN).send({ email: user.email, password });
    const other = cookieOf(await login('una-password-lunga'));
    const mine = cookieOf(await login('una-password-lunga'));

    const res = await request(app).post('/api/auth/password').set(SAME_ORIGIN).set('Cookie', mine)
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
    const cookie = cookieOf(await request(app).post('/api/auth/login').set(SAME_ORIGIN).send({ email: user.email, password: 'una-password-lunga' }));
    const before = await db.selectFrom('app_user').select('password_hash').where('id', '=', user.id).executeTakeFirstOrThrow();

    const wrong = await request(app).post('/api/auth/password').set(SAME_ORIGIN).set('Cookie', cookie).send({ currentPassword: 'no', newPassword: 'cavallo batteria graffetta' });
    const short = await request(app).post('/api/auth/password').set(SAME_ORIGIN).set('Cookie', cookie).send({ currentPassword: 'una-password-lunga', newPassword: 'corta' });

    expect([wrong.status, short.status]).toEqual([400, 400]);
    expect(short.body.error.details[0].message).toBe('la nuova password deve avere almeno 12 caratteri');
    expect(await db.selectFrom('app_user').select('password_hash').where('id', '=', user.id).executeTakeFirstOrThrow()).toEqual(before);
  });
});
