import { createHash } from 'node:crypto';
import request from 'supertest';
import { describe, expect, test } from 'vitest';
import type { Db } from '../db/open-database';
import { SAME_ORIGIN, aUser, authAs } from '../testing/auth-as';
import { aSchool } from '../testing/factories';
import { createTestDb } from '../testing/test-db';
import { anAppWithOwnUploads, attachFiles, fixtureFiles, uploadsLeft } from '../testing/uploads';
import { hashToken } from '../auth/token-hash';
import { insertServiceToken, newServiceToken } from './repository';

/** A live token of these schools, made as the admin's page makes one. */
async function aServiceToken(
  db: Db,
  schoolIds: number[],
  name = 'Registro di prova',
): Promise<{ id: number; token: string; bearer: { Authorization: string } }> {
  const admin = await aUser(db, 'admin');
  const token = newServiceToken();
  const id = await insertServiceToken(db, {
    name,
    tokenHash: hashToken(token),
    createdBy: admin.id,
    schoolIds,
    at: new Date().toISOString(),
  });
  return { id, token, bearer: { Authorization: `Bearer ${token}` } };
}

/** The fixture school pushed by a machine: no cookie, no Origin, only the bearer token. */
const push = (app: Parameters<typeof request>[0], bearer: Record<string, string>, extra: Record<string, string> = {}) =>
  attachFiles(request(app).post('/api/imports').set(bearer).set(extra), fixtureFiles());

const auditRows = (db: Db) =>
  db
    .selectFrom('audit_log')
    .select(['action', 'outcome', 'user_id', 'details'])
    .orderBy('id')
    .execute()
    .then((rows) =>
      rows.map((r) => ({ ...r, details: r.details ? (JSON.parse(r.details) as Record<string, unknown>) : null })),
    );

describe('service tokens: the admin creates, lists and revokes them', () => {
  test('POST /api/service-tokens: when the admin creates one, then the token is given once and only its sha256 is stored, audited', async () => {
    const db = await createTestDb();
    const school = await aSchool(db, { code: 'ANPS03000E' });
    const admin = await aUser(db, 'admin');
    const app = anAppWithOwnUploads(db).app;

    const res = await request(app)
      .post('/api/service-tokens')
      .set(SAME_ORIGIN)
      .set(await authAs(db, admin))
      .send({ name: 'Registro ANPS', schools: ['ANPS03000E'] });

    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      token: expect.stringMatching(/^primm_[A-Za-z0-9_-]{43}$/),
      serviceToken: {
        name: 'Registro ANPS',
        schools: [{ code: 'ANPS03000E' }],
        createdBy: admin.email,
        lastUsedAt: null,
        revokedAt: null,
      },
    });
    const rows = await db.selectFrom('service_token').selectAll().execute();
    expect(rows).toEqual([
      expect.objectContaining({
        name: 'Registro ANPS',
        token_hash: createHash('sha256').update(res.body.token).digest('hex'),
      }),
    ]);
    expect(JSON.stringify(rows)).not.toContain(res.body.token);
    expect(await db.selectFrom('service_token_school').select('school_id').execute()).toEqual([
      { school_id: school.id },
    ]);
    expect((await auditRows(db)).map((r) => [r.action, r.outcome, r.user_id])).toEqual([
      ['service_token.create', 'ok', admin.id],
    ]);
    const list = await request(app)
      .get('/api/service-tokens')
      .set(await authAs(db, admin));
    expect(list.body.items).toEqual([res.body.serviceToken]);
    expect(JSON.stringify(list.body)).not.toContain(res.body.token);
  });

  test.each(['referente', 'docente'] as const)(
    'POST /api/service-tokens: when a %s asks, then 403 and no token',
    async (role) => {
      const db = await createTestDb();
      const school = await aSchool(db, { code: 'ANPS03000E' });
      const user = await aUser(db, role, { schoolIds: [school.id] });

      const res = await request(anAppWithOwnUploads(db).app)
        .post('/api/service-tokens')
        .set(SAME_ORIGIN)
        .set(await authAs(db, user))
        .send({ name: 'Registro', schools: ['ANPS03000E'] });

      expect(res.status).toBe(403);
      expect(await db.selectFrom('service_token').selectAll().execute()).toEqual([]);
    },
  );

  test('POST /api/service-tokens/:id/revoke: when the admin revokes a token, then it is marked revoked and the token no longer imports', async () => {
    const db = await createTestDb();
    const school = await aSchool(db, { code: 'ANPS03000E' });
    const { id, bearer } = await aServiceToken(db, [school.id]);
    const admin = await aUser(db, 'admin');
    const { app } = anAppWithOwnUploads(db);

    const revoke = await request(app)
      .post(`/api/service-tokens/${id}/revoke`)
      .set(SAME_ORIGIN)
      .set(await authAs(db, admin));
    const res = await push(app, bearer);

    expect(revoke.status).toBe(200);
    expect(revoke.body.revokedAt).toEqual(expect.any(String));
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('unauthenticated');
    expect(await db.selectFrom('import_batch').selectAll().execute()).toEqual([]);
    expect((await auditRows(db)).map((r) => [r.action, r.outcome, r.details])).toEqual([
      ['service_token.revoke', 'ok', { serviceTokenId: id }],
      ['service_token.use', 'denied', { serviceToken: { id, name: 'Registro di prova' }, reason: 'revoked' }],
    ]);
    expect(
      (
        await request(app)
          .post(`/api/service-tokens/${id}/revoke`)
          .set(SAME_ORIGIN)
          .set(await authAs(db, admin))
      ).status,
    ).toBe(404);
  });
});

describe('service tokens: a machine pushes an import', () => {
  test("POST /api/imports then /commit: when a token of the school pushes it without session nor Origin, then it is imported, recorded as the token's and audited", async () => {
    const db = await createTestDb();
    const school = await aSchool(db, { code: 'ANPS03000E' });
    const { id, bearer } = await aServiceToken(db, [school.id]);
    const { app, uploadDir } = anAppWithOwnUploads(db);

    const preview = await push(app, bearer);
    const commit = await request(app).post(`/api/imports/${preview.body.uploadId}/commit`).set(bearer).send({});

    expect(preview.status).toBe(201);
    expect(preview.body).toMatchObject({ inserted: 25, rejected: 0, schools: [{ code: 'ANPS03000E', known: true }] }); // the school itself exists already
    expect(commit.status).toBe(200);
    expect(commit.body).toMatchObject({ inserted: 25, rejected: 0 });
    expect(await db.selectFrom('student').selectAll().execute()).toHaveLength(3);
    expect(await db.selectFrom('import_batch').select(['status', 'user_id', 'service_token_id']).execute()).toEqual([
      { status: 'committed', user_id: null, service_token_id: id },
    ]);
    expect((await auditRows(db)).map((r) => [r.action, r.outcome, r.user_id, r.details?.serviceToken])).toEqual([
      ['import.preview', 'ok', null, { id, name: 'Registro di prova' }],
      ['import.commit', 'ok', null, { id, name: 'Registro di prova' }],
    ]);
    expect(
      (await db.selectFrom('service_token').select('last_used_at').executeTakeFirstOrThrow()).last_used_at,
    ).toEqual(expect.any(String));
    expect(uploadsLeft(uploadDir)).toEqual([]);
    const history = await request(app)
      .get('/api/imports')
      .set(await authAs(db, await aUser(db, 'admin')));
    expect(history.body.items).toEqual([
      expect.objectContaining({ status: 'committed', userEmail: null, serviceToken: 'Registro di prova' }),
    ]);
  });

  test("POST /api/imports/:id/commit: when a token asks to confirm transfers (the admin's decision), then 403 and nothing imported", async () => {
    const db = await createTestDb();
    const school = await aSchool(db, { code: 'ANPS03000E' });
    const { bearer } = await aServiceToken(db, [school.id]);
    const { app } = anAppWithOwnUploads(db);
    const preview = await push(app, bearer);

    const res = await request(app)
      .post(`/api/imports/${preview.body.uploadId}/commit`)
      .set(bearer)
      .send({ confirmTransfers: true });

    expect(res.status).toBe(403);
    expect(await db.selectFrom('student').selectAll().execute()).toEqual([]);
  });

  test('POST /api/imports: when the token is of another school, then 403, audited as denied, nothing imported and the upload removed', async () => {
    const db = await createTestDb();
    const other = await aSchool(db, { code: 'PSPS01000A' });
    await aSchool(db, { code: 'ANPS03000E' });
    const { id, bearer } = await aServiceToken(db, [other.id]);
    const { app, uploadDir } = anAppWithOwnUploads(db);

    const res = await push(app, bearer);

    expect(res.status).toBe(403);
    expect(res.body.error.message).toContain('ANPS03000E');
    expect(await db.selectFrom('student').selectAll().execute()).toEqual([]);
    expect(await db.selectFrom('import_batch').selectAll().execute()).toEqual([]);
    expect((await auditRows(db)).map((r) => [r.action, r.outcome, r.details])).toEqual([
      ['import.preview', 'denied', { serviceToken: { id, name: 'Registro di prova' }, refusedSchools: ['ANPS03000E'] }],
    ]);
    expect(uploadsLeft(uploadDir)).toEqual([]);
  });

  test.each([
    ['GET', '/api/imports'],
    ['GET', '/api/students/1'],
    ['GET', '/api/service-tokens'],
    ['POST', '/api/service-tokens'],
    ['GET', '/api/me'],
  ])(
    "%s %s: when a live token asks for anything but an import, then 403, audited, even with an admin's cookie beside it",
    async (method, path) => {
      const db = await createTestDb();
      const school = await aSchool(db, { code: 'ANPS03000E' });
      const { id, bearer } = await aServiceToken(db, [school.id]);
      const cookie = await authAs(db, await aUser(db, 'admin'));
      const app = anAppWithOwnUploads(db).app;

      const res = await (
        method === 'GET'
          ? request(app).get(path)
          : request(app)
              .post(path)
              .send({ name: 'altro', schools: ['ANPS03000E'] })
      )
        .set(SAME_ORIGIN)
        .set(cookie)
        .set(bearer);

      expect(res.status).toBe(403);
      expect(await db.selectFrom('service_token').select('id').execute()).toEqual([{ id }]);
      expect((await auditRows(db)).map((r) => [r.action, r.outcome, r.user_id, r.details])).toEqual([
        ['service_token.use', 'denied', null, { serviceToken: { id, name: 'Registro di prova' }, reason: 'route' }],
      ]);
    },
  );

  test.each(['Bearer primm_nonesiste', 'Bearer', 'bearer   ', 'Bearer primm_a b'])(
    'POST /api/imports: when Authorization is «%s», then 401 and nothing imported',
    async (header) => {
      const db = await createTestDb();
      await aSchool(db, { code: 'ANPS03000E' });
      const { app, uploadDir } = anAppWithOwnUploads(db);

      const res = await push(app, { Authorization: header });

      expect(res.status).toBe(401);
      expect(await db.selectFrom('import_batch').selectAll().execute()).toEqual([]);
      expect(await db.selectFrom('audit_log').select(['action', 'outcome']).execute()).toEqual([
        { action: 'access.denied', outcome: 'denied' },
      ]);
      expect(uploadsLeft(uploadDir)).toEqual([]);
    },
  );

  test("GET /api/me: when a proxy's Basic authentication rides along with a session, then the session is used as before", async () => {
    const db = await createTestDb();
    const admin = await aUser(db, 'admin');

    const res = await request(anAppWithOwnUploads(db).app)
      .get('/api/me')
      .set(await authAs(db, admin))
      .set('Authorization', 'Basic YWRtaW46YWRtaW4=');

    expect(res.status).toBe(200);
    expect(res.body.email).toBe(admin.email);
  });

  test('POST /api/imports/:id/commit: when a token names an upload a user made, then 404 and nothing imported', async () => {
    const db = await createTestDb();
    const school = await aSchool(db, { code: 'ANPS03000E' });
    const { bearer } = await aServiceToken(db, [school.id]);
    const { app } = anAppWithOwnUploads(db);
    const preview = await attachFiles(
      request(app)
        .post('/api/imports')
        .set(SAME_ORIGIN)
        .set(await authAs(db, await aUser(db, 'admin'))),
      fixtureFiles(),
    );

    const res = await request(app).post(`/api/imports/${preview.body.uploadId}/commit`).set(bearer).send({});

    expect(res.status).toBe(404);
    expect(await db.selectFrom('student').selectAll().execute()).toEqual([]);
  });
});

describe('service tokens: Idempotency-Key', () => {
  test('when the same push is retried with the same keys, then the first answers come back and it is imported once', async () => {
    const db = await createTestDb();
    const school = await aSchool(db, { code: 'ANPS03000E' });
    const { bearer } = await aServiceToken(db, [school.id]);
    const { app } = anAppWithOwnUploads(db);

    const preview = await push(app, bearer, { 'Idempotency-Key': 'anps-2025-10-03-a' });
    const previewAgain = await push(app, bearer, { 'Idempotency-Key': 'anps-2025-10-03-a' });
    const commitPath = `/api/imports/${preview.body.uploadId}/commit`;
    const commit = await request(app).post(commitPath).set(bearer).set('Idempotency-Key', 'anps-2025-10-03-b').send({});
    const commitAgain = await request(app)
      .post(commitPath)
      .set(bearer)
      .set('Idempotency-Key', 'anps-2025-10-03-b')
      .send({});

    expect(previewAgain.status).toBe(201);
    expect(previewAgain.body).toEqual(preview.body);
    expect(previewAgain.headers['idempotent-replayed']).toBe('true');
    expect(commit.status).toBe(200);
    expect(commitAgain.status).toBe(200);
    expect(commitAgain.body).toEqual(commit.body);
    expect(await db.selectFrom('import_batch').select('status').execute()).toEqual([{ status: 'committed' }]);
    expect(await db.selectFrom('student').selectAll().execute()).toHaveLength(3);
    expect((await auditRows(db)).map((r) => [r.action, r.details?.replayedStatus])).toEqual([
      ['import.preview', undefined],
      ['service_token.use', 201],
      ['import.commit', undefined],
      ['service_token.use', 200],
    ]);
  });

  test('when a key is reused for another request, then 409 and nothing runs', async () => {
    const db = await createTestDb();
    const school = await aSchool(db, { code: 'ANPS03000E' });
    const { bearer } = await aServiceToken(db, [school.id]);
    const { app } = anAppWithOwnUploads(db);
    const preview = await push(app, bearer, { 'Idempotency-Key': 'k1' });

    const res = await request(app)
      .post(`/api/imports/${preview.body.uploadId}/commit`)
      .set(bearer)
      .set('Idempotency-Key', 'k1')
      .send({});

    expect(res.status).toBe(409);
    expect(await db.selectFrom('import_batch').selectAll().execute()).toEqual([]);
  });

  test('when the first request with a key is still running, then a retry gets 409 and imports nothing', async () => {
    const db = await createTestDb();
    const school = await aSchool(db, { code: 'ANPS03000E' });
    const { id, bearer } = await aServiceToken(db, [school.id]);
    const { app, uploadDir } = anAppWithOwnUploads(db);
    // As the first request leaves it while it runs: the key reserved, no answer yet.
    await db
      .insertInto('service_token_request')
      .values({
        service_token_id: id,
        idempotency_key: 'k1',
        method: 'POST',
        path: '/api/imports',
        status: null,
        body: null,
        created_at: new Date().toISOString(),
      })
      .execute();

    const res = await push(app, bearer, { 'Idempotency-Key': 'k1' });

    expect(res.status).toBe(409);
    expect(res.body.error.message).toMatch(/ancora in corso/);
    expect(uploadsLeft(uploadDir)).toEqual([]);
  });

  test('when the key is not printable ASCII, then 400 and nothing runs or is kept', async () => {
    const db = await createTestDb();
    const school = await aSchool(db, { code: 'ANPS03000E' });
    const { bearer } = await aServiceToken(db, [school.id]);
    const { app, uploadDir } = anAppWithOwnUploads(db);

    const res = await push(app, bearer, { 'Idempotency-Key': 'due parole' });

    expect(res.status).toBe(400);
    expect(await db.selectFrom('service_token_request').selectAll().execute()).toEqual([]);
    expect(uploadsLeft(uploadDir)).toEqual([]);
  });

  test("when a signed-in user sends a key, then it is ignored: keys are the service tokens'", async () => {
    const db = await createTestDb();
    const { app } = anAppWithOwnUploads(db);

    const res = await attachFiles(
      request(app)
        .post('/api/imports')
        .set(SAME_ORIGIN)
        .set(await authAs(db, await aUser(db, 'admin')))
        .set('Idempotency-Key', 'k1'),
      fixtureFiles(),
    );

    expect(res.status).toBe(201);
    expect(await db.selectFrom('service_token_request').selectAll().execute()).toEqual([]);
  });

  test('when two tokens use the same key, then each gets its own answer', async () => {
    const db = await createTestDb();
    const school = await aSchool(db, { code: 'ANPS03000E' });
    const one = await aServiceToken(db, [school.id], 'uno');
    const two = await aServiceToken(db, [school.id], 'due');
    const { app } = anAppWithOwnUploads(db);

    const a = await push(app, one.bearer, { 'Idempotency-Key': 'same' });
    const b = await push(app, two.bearer, { 'Idempotency-Key': 'same' });

    expect([a.status, b.status]).toEqual([201, 201]);
    expect(b.body.uploadId).not.toBe(a.body.uploadId);
    expect(b.headers['idempotent-replayed']).toBeUndefined();
  });
});
