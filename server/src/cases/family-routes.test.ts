import request from 'supertest';
import { describe, expect, test } from 'vitest';
import { createApp } from '../app';
import { SAME_ORIGIN, aUser, authAs } from '../testing/auth-as';
import { aClass, aSchool, aStudent, anEnrolment } from '../testing/factories';
import { createTestDb, testConfig } from '../testing/test-db';

const now = new Date('2026-03-10T09:00:00Z');

/** A student who moved in January from a school to another one. */
async function aTransferredStudent() {
  const db = await createTestDb();
  const before = await aSchool(db, { code: 'ANPS03000E', name: 'LICEO GALILEI' });
  const after = await aSchool(db, { code: 'ANTF01000B', name: 'ITIS VOLTA' });
  const oldClass = await aClass(db, before.id, { name: '2A' });
  const newClass = await aClass(db, after.id, { name: '2B' });
  const student = await aStudent(db, { last_name: 'Diallo' });
  await anEnrolment(db, student.id, oldClass.id, { entered_on: '2025-09-15', left_on: '2026-01-10' });
  await anEnrolment(db, student.id, newClass.id, { entered_on: '2026-01-11' });
  const app = createApp({ db, config: testConfig, now: () => now });
  return { db, app, before, after, oldClass, newClass, student };
}

const family = { language: 'wo', interpreterNeeded: true };
const stored = (db: Awaited<ReturnType<typeof createTestDb>>, id: number) =>
  db
    .selectFrom('student')
    .select(['family_language', 'interpreter_needed', 'family_updated_at', 'family_updated_by'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();

describe('student family', () => {
  test('when a mediator of the current school records the language, then stored on the student, audited, and shown with who and when', async () => {
    const { db, app, after, student } = await aTransferredStudent();
    const mediator = await aUser(db, 'mediatore', { schoolIds: [after.id] });

    const res = await request(app)
      .put(`/api/students/${student.id}/family`)
      .set(SAME_ORIGIN)
      .set(await authAs(db, mediator, now))
      .send(family);

    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      language: 'wo',
      interpreterNeeded: true,
      updatedAt: now.toISOString(),
      updatedBy: { id: mediator.id, name: mediator.display_name },
      canEdit: true,
    });
    expect(await stored(db, student.id)).toEqual({
      family_language: 'wo',
      interpreter_needed: 1,
      family_updated_at: now.toISOString(),
      family_updated_by: mediator.id,
    });
    expect(await db.selectFrom('audit_log').select(['action', 'student_ids', 'details']).execute()).toEqual([
      { action: 'student.family.update', student_ids: `[${student.id}]`, details: JSON.stringify(family) },
    ]);
  });

  test('when a teacher of the class reads it, then the values, read-only, and the read audited', async () => {
    const { db, app, after, newClass, student } = await aTransferredStudent();
    await request(app)
      .put(`/api/students/${student.id}/family`)
      .set(SAME_ORIGIN)
      .set(await authAs(db, await aUser(db, 'referente', { schoolIds: [after.id] }), now))
      .send({ language: 'ar', interpreterNeeded: false });
    const teacher = await aUser(db, 'docente', { classIds: [newClass.id] });

    const res = await request(app)
      .get(`/api/students/${student.id}/family`)
      .set(await authAs(db, teacher, now));

    expect(res.body).toMatchObject({ language: 'ar', interpreterNeeded: false, canEdit: false });
    expect(await db.selectFrom('audit_log').select('action').where('user_id', '=', teacher.id).execute()).toEqual([
      { action: 'student.family.read' },
    ]);
  });

  test('when nothing is recorded, then nulls', async () => {
    const { db, app, after, student } = await aTransferredStudent();

    const res = await request(app)
      .get(`/api/students/${student.id}/family`)
      .set(await authAs(db, await aUser(db, 'mediatore', { schoolIds: [after.id] }), now));

    expect(res.body).toEqual({
      language: null,
      interpreterNeeded: null,
      updatedAt: null,
      updatedBy: null,
      canEdit: true,
    });
  });

  test('when a mediator of the school the student left writes, then 403, nothing changed, and they read it as read-only', async () => {
    const { db, app, before, student } = await aTransferredStudent();
    const former = await aUser(db, 'mediatore', { schoolIds: [before.id] });
    const as = await authAs(db, former, now);

    const res = await request(app).put(`/api/students/${student.id}/family`).set(SAME_ORIGIN).set(as).send(family);

    expect(res.status).toBe(403);
    expect(await stored(db, student.id)).toEqual({
      family_language: null,
      interpreter_needed: null,
      family_updated_at: null,
      family_updated_by: null,
    });
    expect((await request(app).get(`/api/students/${student.id}/family`).set(as)).body.canEdit).toBe(false);
  });

  test.each([
    ['a teacher of the class', 'docente', 403],
    ['a mediator of another school', 'mediatore', 404],
    ['an analyst', 'analista', 403],
  ] as const)('when %s writes, then %i and nothing changed', async (_label, role, status) => {
    const { db, app, newClass, student } = await aTransferredStudent();
    const other = await aSchool(db, { code: 'PSPS01000A' });
    const user = await aUser(db, role, role === 'docente' ? { classIds: [newClass.id] } : { schoolIds: [other.id] });

    const res = await request(app)
      .put(`/api/students/${student.id}/family`)
      .set(SAME_ORIGIN)
      .set(await authAs(db, user, now))
      .send(family);

    expect(res.status).toBe(status);
    expect((await stored(db, student.id)).family_language).toBeNull();
  });

  test.each([
    [{ language: 'xx', interpreterNeeded: true }, 'language'], // not an ISO 639-1 code of the list
    [{ language: 'Arabic', interpreterNeeded: true }, 'language'],
    [{ language: 'ar', interpreterNeeded: 'sì' }, 'interpreterNeeded'],
  ])('when the body is %j, then 400 on %s and nothing changed', async (body, path) => {
    const { db, app, after, student } = await aTransferredStudent();

    const res = await request(app)
      .put(`/api/students/${student.id}/family`)
      .set(SAME_ORIGIN)
      .set(await authAs(db, await aUser(db, 'mediatore', { schoolIds: [after.id] }), now))
      .send(body);

    expect(res.status).toBe(400);
    expect(res.body.error.details[0].path).toBe(path);
    expect((await stored(db, student.id)).family_language).toBeNull();
  });
});
