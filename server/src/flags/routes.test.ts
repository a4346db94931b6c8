import request from 'supertest';
import { describe, expect, test } from 'vitest';
import { createApp } from '../app';
import { SAME_ORIGIN, aUser, authAs } from '../testing/auth-as';
import { aClass, aSchool, aStudent, anEnrolment } from '../testing/factories';
import { createTestDb, testConfig } from '../testing/test-db';

async function aClassWithStudent() {
  const db = await createTestDb();
  const school = await aSchool(db, { code: 'ANPS03000E' });
  const cls = await aClass(db, school.id, { name: '3A' });
  const student = await aStudent(db);
  await anEnrolment(db, student.id, cls.id);
  const teacher = await aUser(db, 'docente', { classIds: [cls.id] });
  return { db, school, cls, student, teacher };
}

describe('POST /api/students/:id/flags', () => {
  test('when the teacher teaches the student, then 201, one flag, one audit row, and the school mediator sees it', async () => {
    const { db, school, student, teacher } = await aClassWithStudent();
    const mediator = await aUser(db, 'mediatore', { schoolIds: [school.id] });
    const app = createApp({ db, config: testConfig });

    const res = await request(app)
      .post(`/api/students/${student.id}/flags`)
      .set(SAME_ORIGIN)
      .set(await authAs(db, teacher))
      .send({ reasonCode: 'assenze', reason: 'assente tutti i lunedì da ottobre' });

    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      studentId: student.id,
      reasonCode: 'assenze',
      createdBy: { id: teacher.id },
      caseId: null,
    });
    expect(await db.selectFrom('flag').select(['student_id', 'created_by']).execute()).toEqual([
      { student_id: student.id, created_by: teacher.id },
    ]);
    expect(await db.selectFrom('audit_log').select('action').execute()).toEqual([{ action: 'flag.create' }]);
    const seen = await request(app)
      .get(`/api/students/${student.id}/flags`)
      .set(await authAs(db, mediator));
    expect(seen.body.items).toHaveLength(1);
  });

  test('when the teacher has no class with the student, then 404 and no rows', async () => {
    const { db, student } = await aClassWithStudent();
    const stranger = await aUser(db, 'docente');

    const res = await request(createApp({ db, config: testConfig }))
      .post(`/api/students/${student.id}/flags`)
      .set(SAME_ORIGIN)
      .set(await authAs(db, stranger))
      .send({ reasonCode: 'assenze', reason: 'assenze' });

    expect(res.status).toBe(404);
    expect(await db.selectFrom('flag').selectAll().execute()).toEqual([]);
  });

  test('when the reason is missing, then 400 and no rows', async () => {
    const { db, student, teacher } = await aClassWithStudent();

    const res = await request(createApp({ db, config: testConfig }))
      .post(`/api/students/${student.id}/flags`)
      .set(SAME_ORIGIN)
      .set(await authAs(db, teacher))
      .send({ reasonCode: 'assenze', reason: ' ' });

    expect(res.status).toBe(400);
    expect(await db.selectFrom('flag').selectAll().execute()).toEqual([]);
  });
});

describe('notes', () => {
  test('when a teacher adds a note, then it is listed newest first with its author', async () => {
    const { db, student, teacher } = await aClassWithStudent();
    const app = createApp({ db, config: testConfig });
    const as = await authAs(db, teacher);

    await request(app)
      .post(`/api/students/${student.id}/notes`)
      .set(SAME_ORIGIN)
      .set(as)
      .send({ body: 'colloquio con la madre' });
    await request(app)
      .post(`/api/students/${student.id}/notes`)
      .set(SAME_ORIGIN)
      .set(as)
      .send({ body: 'ha ripreso a venire' });
    const res = await request(app).get(`/api/students/${student.id}/notes`).set(as);

    expect(res.body.items.map((n: { body: string }) => n.body)).toEqual([
      'ha ripreso a venire',
      'colloquio con la madre',
    ]);
    expect(res.body.items[0].createdBy.id).toBe(teacher.id);
  });
});
