import request from 'supertest';
import { describe, expect, test } from 'vitest';
import { createApp } from '../app';
import { verifyPassword } from '../auth/password';
import type { Db } from '../db/open-database';
import { SAME_ORIGIN, aUser, authAs } from '../testing/auth-as';
import { aClass, aSchool } from '../testing/factories';
import { createTestDb, testConfig } from '../testing/test-db';

/** Two schools, a referent of the first, a teacher and a mediator of the first, a mediator of both. */
async function twoSchools() {
  const db = await createTestDb();
  const own = await aSchool(db, { code: 'ANPS03000E' });
  const other = await aSchool(db, { code: 'PSPS01000A' });
  const own3A = await aClass(db, own.id, { name: '3A' });
  const own4B = await aClass(db, own.id, { name: '4B' });
  const other1C = await aClass(db, other.id, { name: '1C' });
  const referent = await aUser(db, 'referente', { schoolIds: [own.id] });
  const teacher = await aUser(db, 'docente', { classIds: [own3A.id] });
  const mediator = await aUser(db, 'mediatore', { schoolIds: [own.id] });
  const shared = await aUser(db, 'mediatore', { schoolIds: [own.id, other.id] });
  const admin = await aUser(db, 'admin');
  return {
    db,
    own,
    other,
    own3A,
    own4B,
    other1C,
    referent,
    teacher,
    mediator,
    shared,
    admin,
    app: createApp({ db, config: testConfig }),
  };
}

const scopeOf = async (db: Db, userId: number) => ({
  role: (await db.selectFrom('app_user').select('role').where('id', '=', userId).executeTakeFirstOrThrow()).role,
  schools: (
    await db.selectFrom('user_school').select('school_id').where('user_id', '=', userId).orderBy('school_id').execute()
  ).map((r) => r.school_id),
  classes: (
    await db.selectFrom('user_class').select('class_id').where('user_id', '=', userId).orderBy('class_id').execute()
  ).map((r) => r.class_id),
});

const auditOf = async (db: Db, action: string) =>
  (
    await db
      .selectFrom('audit_log')
      .select(['user_id', 'outcome', 'details'])
      .where('action', '=', action)
      .orderBy('id')
      .execute()
  ).map((r) => ({ ...r, details: r.details === null ? null : JSON.parse(r.details) }));

describe("GET /api/users: the teacher's classes by name", () => {
  test('when a teacher holds a class, then the list gives its name, school and year besides the id', async () => {
    const { db, app, referent, teacher, own3A } = await twoSchools();

    const res = await request(app)
      .get('/api/users')
      .set(await authAs(db, referent));

    expect(res.body.items.find((u: { id: number }) => u.id === teacher.id)).toMatchObject({
      classIds: [own3A.id],
      classes: [{ id: own3A.id, name: '3A', schoolCode: 'ANPS03000E', schoolYear: '2025/26' }],
    });
  });
});

describe('PATCH /api/users/:id', () => {
  test('when the admin turns a teacher into a mediator of a school, then role and scope change, the classes go, and the audit keeps before and after', async () => {
    const { db, app, admin, teacher, other } = await twoSchools();

    const res = await request(app)
      .patch(`/api/users/${teacher.id}`)
      .set(SAME_ORIGIN)
      .set(await authAs(db, admin))
      .send({ role: 'mediatore', schools: ['PSPS01000A'] });

    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: teacher.id,
      role: 'mediatore',
      schools: ['PSPS01000A'],
      classIds: [],
      classes: [],
    });
    expect(await scopeOf(db, teacher.id)).toEqual({ role: 'mediatore', schools: [other.id], classes: [] });
    expect(await auditOf(db, 'user.update')).toEqual([
      {
        user_id: admin.id,
        outcome: 'ok',
        details: {
          userId: teacher.id,
          email: teacher.email,
          before: { role: 'docente', schools: [], classIds: [expect.any(Number)] },
          after: { role: 'mediatore', schools: ['PSPS01000A'], classIds: [] },
        },
      },
    ]);
  });

  test('when a referent gives their teacher another class of their school, then it is saved and the teacher reads it at once', async () => {
    const { db, app, referent, teacher, own3A, own4B } = await twoSchools();
    const teacherSession = await authAs(db, teacher);

    const res = await request(app)
      .patch(`/api/users/${teacher.id}`)
      .set(SAME_ORIGIN)
      .set(await authAs(db, referent))
      .send({ classIds: [own3A.id, own4B.id] });

    expect(res.status).toBe(200);
    expect(res.body.classes.map((c: { name: string }) => c.name)).toEqual(['3A', '4B']);
    expect((await request(app).get(`/api/classes/${own4B.id}`).set(teacherSession)).status).toBe(200);
  });

  test('when a referent edits a mediator shared with another school, then only their school changes and the other stays', async () => {
    const { db, app, referent, shared, other } = await twoSchools();

    const res = await request(app)
      .patch(`/api/users/${shared.id}`)
      .set(SAME_ORIGIN)
      .set(await authAs(db, referent))
      .send({ schools: [] });

    expect(res.status).toBe(200);
    expect(await scopeOf(db, shared.id)).toEqual({ role: 'mediatore', schools: [other.id], classes: [] });
  });

  test('when a referent gives a class of another school, or makes an analyst, then 403 and nothing changes', async () => {
    const { db, app, referent, teacher, own3A, other1C } = await twoSchools();
    const as = await authAs(db, referent);

    const foreignClass = await request(app)
      .patch(`/api/users/${teacher.id}`)
      .set(SAME_ORIGIN)
      .set(as)
      .send({ classIds: [other1C.id] });
    const analyst = await request(app)
      .patch(`/api/users/${teacher.id}`)
      .set(SAME_ORIGIN)
      .set(as)
      .send({ role: 'analista' });

    expect([foreignClass.status, analyst.status]).toEqual([403, 403]);
    expect(await scopeOf(db, teacher.id)).toEqual({ role: 'docente', schools: [], classes: [own3A.id] });
    expect(await auditOf(db, 'user.update')).toEqual([]);
  });

  test('when a referent edits a user of another school, then 404 as for one that does not exist', async () => {
    const { db, app, referent } = await twoSchools();
    const stranger = await aUser(db, 'mediatore', {
      schoolIds: [
        (await db.selectFrom('school').select('id').where('code', '=', 'PSPS01000A').executeTakeFirstOrThrow()).id,
      ],
    });

    const res = await request(app)
      .patch(`/api/users/${stranger.id}`)
      .set(SAME_ORIGIN)
      .set(await authAs(db, referent))
      .send({ displayName: 'Altro nome' });

    expect(res.status).toBe(404);
    expect(
      (await db.selectFrom('app_user').select('display_name').where('id', '=', stranger.id).executeTakeFirstOrThrow())
        .display_name,
    ).toBe(stranger.display_name);
  });

  test('when the admin tries to change their own role, then 409 and they stay admin', async () => {
    const { db, app, admin } = await twoSchools();

    const res = await request(app)
      .patch(`/api/users/${admin.id}`)
      .set(SAME_ORIGIN)
      .set(await authAs(db, admin))
      .send({ role: 'analista' });

    expect(res.status).toBe(409);
    expect((await scopeOf(db, admin.id)).role).toBe('admin');
  });

  test.each(['docente', 'mediatore', 'analista'] as const)('when a %s tries to edit a user, then 403', async (role) => {
    const { db, app, teacher, own } = await twoSchools();

    const res = await request(app)
      .patch(`/api/users/${teacher.id}`)
      .set(SAME_ORIGIN)
      .set(await authAs(db, await aUser(db, role, { schoolIds: [own.id] })))
      .send({ displayName: 'X Y' });

    expect(res.status).toBe(403);
  });
});

describe('POST /api/users/:id/deactivate and /reactivate', () => {
  test('when the admin deactivates a user, then their open session ends at once, they cannot sign in, and it is audited', async () => {
    const { db, app, admin, mediator } = await twoSchools();
    const theirSession = await authAs(db, mediator);
    expect((await request(app).get('/api/me').set(theirSession)).status).toBe(200);

    const res = await request(app)
      .post(`/api/users/${mediator.id}/deactivate`)
      .set(SAME_ORIGIN)
      .set(await authAs(db, admin));

    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: mediator.id, disabled: true });
    expect((await request(app).get('/api/me').set(theirSession)).status).toBe(401);
    expect(await db.selectFrom('user_session').select('id').where('user_id', '=', mediator.id).execute()).toEqual([]);
    expect(await auditOf(db, 'user.deactivate')).toEqual([
      { user_id: admin.id, outcome: 'ok', details: { userId: mediator.id, email: mediator.email } },
    ]);

    const back = await request(app)
      .post(`/api/users/${mediator.id}/reactivate`)
      .set(SAME_ORIGIN)
      .set(await authAs(db, admin));

    expect(back.body).toMatchObject({ disabled: false });
    expect(
      (await db.selectFrom('app_user').select('disabled_at').where('id', '=', mediator.id).executeTakeFirstOrThrow())
        .disabled_at,
    ).toBeNull();
    expect(await auditOf(db, 'user.reactivate')).toHaveLength(1);
  });

  test('when a referent deactivates their own teacher, then it is done; a mediator shared with another school, then 403 and the account stays', async () => {
    const { db, app, referent, teacher, shared } = await twoSchools();
    const as = await authAs(db, referent);

    const own = await request(app).post(`/api/users/${teacher.id}/deactivate`).set(SAME_ORIGIN).set(as);
    const sharedRes = await request(app).post(`/api/users/${shared.id}/deactivate`).set(SAME_ORIGIN).set(as);

    expect(own.status).toBe(200);
    expect(sharedRes.status).toBe(403);
    expect(
      (await db.selectFrom('app_user').select('disabled_at').where('id', '=', shared.id).executeTakeFirstOrThrow())
        .disabled_at,
    ).toBeNull();
    expect(await auditOf(db, 'user.deactivate')).toHaveLength(1);
  });

  test('when the admin deactivates themselves, then 409', async () => {
    const { db, app, admin } = await twoSchools();

    const res = await request(app)
      .post(`/api/users/${admin.id}/deactivate`)
      .set(SAME_ORIGIN)
      .set(await authAs(db, admin));

    expect(res.status).toBe(409);
  });
});

describe('POST /api/users/bulk/preview and /api/users/bulk', () => {
  const csv = [
    'Email;Nome;Ruolo;Scuole;Classi',
    'anna.verdi@scuola.it;Anna Verdi;docente;;3A, 4B',
    'luca.neri@scuola.it;Luca Neri;mediatore;ANPS03000E;',
    'Marta.Blu@Scuola.it;Marta Blu;Referente;ANPS03000E;',
  ].join('\n');

  test('when a referent previews a valid CSV, then each row is read with its classes by name and nothing is written', async () => {
    const { db, app, referent } = await twoSchools();
    const users = (await db.selectFrom('app_user').select('id').execute()).length;

    const res = await request(app)
      .post('/api/users/bulk/preview')
      .set(SAME_ORIGIN)
      .set(await authAs(db, referent))
      .send({ csv });

    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ valid: 3, invalid: 0 });
    expect(res.body.rows[0]).toEqual({
      line: 2,
      email: 'anna.verdi@scuola.it',
      displayName: 'Anna Verdi',
      role: 'docente',
      schools: [],
      classes: ['ANPS03000E 3A', 'ANPS03000E 4B'],
      errors: [],
    });
    expect(res.body.rows[2]).toMatchObject({ email: 'marta.blu@scuola.it', role: 'referente' });
    expect((await db.selectFrom('app_user').select('id').execute()).length).toBe(users);
  });

  test('when the rows have problems, then each says what: unknown role, class of another school, e-mail taken or repeated', async () => {
    const { db, app, referent, teacher } = await twoSchools();
    const bad = [
      'E-mail,Nome e cognome,Ruolo,Scuole,Classi',
      'x@scuola.it,X Y,bidello,,',
      'y@scuola.it,Y Z,docente,,PSPS01000A/1C',
      `${teacher.email},T U,docente,,3A`,
      'z@scuola.it,Z A,mediatore,ANPS03000E,',
      'z@scuola.it,Z B,mediatore,ANPS03000E,',
    ].join('\r\n');

    const res = await request(app)
      .post('/api/users/bulk/preview')
      .set(SAME_ORIGIN)
      .set(await authAs(db, referent))
      .send({ csv: bad });

    expect(res.body.rows.map((r: { line: number; errors: string[] }) => [r.line, r.errors])).toEqual([
      [2, [expect.stringMatching(/^ruolo non valido: "bidello"/)]],
      [3, ['Puoi assegnare solo scuole e classi tue']],
      [4, [`esiste già un utente ${teacher.email}`]],
      [5, []],
      [6, ['email ripetuta (già alla riga 5)']],
    ]);
    expect(res.body).toMatchObject({ valid: 1, invalid: 4 });
  });

  test('when the admin creates the users of the CSV, then all exist with their scope, each one-time password works, and each creation is audited', async () => {
    const { db, app, admin, own3A, own4B, own } = await twoSchools();

    const res = await request(app)
      .post('/api/users/bulk')
      .set(SAME_ORIGIN)
      .set(await authAs(db, admin))
      .send({ csv });

    expect(res.status).toBe(201);
    expect(res.body.created.map((c: { user: { email: string } }) => c.user.email)).toEqual([
      'anna.verdi@scuola.it',
      'luca.neri@scuola.it',
      'marta.blu@scuola.it',
    ]);
    const anna = res.body.created[0];
    expect(await scopeOf(db, anna.user.id)).toEqual({ role: 'docente', schools: [], classes: [own3A.id, own4B.id] });
    expect(await scopeOf(db, res.body.created[1].user.id)).toEqual({
      role: 'mediatore',
      schools: [own.id],
      classes: [],
    });
    for (const { user, oneTimePassword } of res.body.created) {
      const stored = await db
        .selectFrom('app_user')
        .select(['password_hash', 'must_change_password'])
        .where('id', '=', user.id)
        .executeTakeFirstOrThrow();
      expect(stored.must_change_password).toBe(1);
      expect(await verifyPassword(stored.password_hash!, oneTimePassword)).toBe(true);
    }
    expect((await auditOf(db, 'user.create')).map((a) => a.details)).toEqual(
      res.body.created.map((c: { user: { id: number; role: string } }) => ({
        userId: c.user.id,
        role: c.user.role,
        bulk: true,
      })),
    );
  });

  test('when one row is invalid, then 400 naming the row and no user at all is created', async () => {
    const { db, app, admin } = await twoSchools();
    const users = (await db.selectFrom('app_user').select('id').execute()).length;

    const res = await request(app)
      .post('/api/users/bulk')
      .set(SAME_ORIGIN)
      .set(await authAs(db, admin))
      .send({ csv: `${csv}\nnot-an-email;Q;analista;;` });

    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([{ path: 'riga 5', message: expect.stringMatching(/^email: /) }]);
    expect((await db.selectFrom('app_user').select('id').execute()).length).toBe(users);
    expect(await auditOf(db, 'user.create')).toEqual([]);
  });

  test('when the header lacks the role, then 400; when a teacher sends a CSV, then 403', async () => {
    const { db, app, admin, teacher } = await twoSchools();

    const noRole = await request(app)
      .post('/api/users/bulk/preview')
      .set(SAME_ORIGIN)
      .set(await authAs(db, admin))
      .send({ csv: 'Email;Nome\na@b.it;A B' });
    const byTeacher = await request(app)
      .post('/api/users/bulk')
      .set(SAME_ORIGIN)
      .set(await authAs(db, teacher))
      .send({ csv });

    expect(noRole.status).toBe(400);
    expect(byTeacher.status).toBe(403);
  });
});
