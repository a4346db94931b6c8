import request from 'supertest';
import { describe, expect, test } from 'vitest';
import { createApp } from '../app';
import { aUser, authAs } from '../testing/auth-as';
import { aClass, aSchool, aStudent, anEnrolment } from '../testing/factories';
import { createTestDb, testConfig } from '../testing/test-db';

describe('GET /api/classes/:id and /students', () => {
  test('when the class has current students and a leaver, then the detail counts the current ones and the roster lists all', async () => {
    const db = await createTestDb();
    const school = await aSchool(db, { code: 'ANPS03000E', name: 'G. GALILEI' });
    const cls = await aClass(db, school.id, { name: '3A' });
    const stays = await aStudent(db, { last_name: 'Rossi', first_name: 'Giulia' });
    const leaves = await aStudent(db, { last_name: 'Bianchi', first_name: 'Nicolò' });
    await anEnrolment(db, stays.id, cls.id);
    await anEnrolment(db, leaves.id, cls.id, { left_on: '2026-02-20' });
    const teacher = await aUser(db, 'docente', { classIds: [cls.id] });
    const app = createApp({ db, config: testConfig });
    const as = await authAs(db, teacher);

    const detail = await request(app).get(`/api/classes/${cls.id}`).set(as);
    const roster = await request(app).get(`/api/classes/${cls.id}/students`).set(as);

    expect(detail.body).toMatchObject({
      name: '3A',
      students: 1,
      school: { code: 'ANPS03000E' },
      timetable: [6, 6, 6, 6, 6, 0],
    });
    expect(roster.body.items.map((s: { lastName: string; leftOn: string | null }) => [s.lastName, s.leftOn])).toEqual([
      ['Bianchi', '2026-02-20'],
      ['Rossi', null],
    ]);
    expect(await db.selectFrom('audit_log').select(['user_id', 'action', 'class_id', 'student_ids']).execute()).toEqual(
      [
        {
          user_id: teacher.id,
          action: 'class.students.read',
          class_id: cls.id,
          student_ids: JSON.stringify([leaves.id, stays.id]),
        },
      ],
    );
  });

  test('when the id is not a number, then 400; when unknown, then 404', async () => {
    const db = await createTestDb();
    const app = createApp({ db, config: testConfig });
    const as = await authAs(db, await aUser(db, 'admin'));

    expect((await request(app).get('/api/classes/abc').set(as)).status).toBe(400);
    expect((await request(app).get('/api/classes/999/students').set(as)).body.error.code).toBe('not_found');
  });
});

describe('classes: scope by role', () => {
  test.each([
    ['docente of another class', 404, 'docente', 'otherClass'], // the answer of a class that does not exist
    ['referente of another school', 404, 'referente', 'otherSchool'],
    ['mediatore of the school', 200, 'mediatore', 'school'],
    ['analista', 403, 'analista', 'none'],
  ] as const)('when the %s asks for the roster, then %i', async (_label, status, role, scope) => {
    const db = await createTestDb();
    const school = await aSchool(db, { code: 'ANPS03000E' });
    const other = await aSchool(db, { code: 'PSPS01000A' });
    const cls = await aClass(db, school.id, { name: '3A' });
    const otherClass = await aClass(db, other.id, { name: '1B' });
    const student = await aStudent(db);
    await anEnrolment(db, student.id, cls.id);
    const scopes = {
      otherClass: { classIds: [otherClass.id] },
      otherSchool: { schoolIds: [other.id] },
      school: { schoolIds: [school.id] },
      none: {},
    };
    const user = await aUser(db, role, scopes[scope]);

    const res = await request(createApp({ db, config: testConfig }))
      .get(`/api/classes/${cls.id}/students`)
      .set(await authAs(db, user));

    expect(res.status).toBe(status);
    const logged = await db.selectFrom('audit_log').select(['action', 'outcome']).execute();
    expect(logged).toEqual([
      status === 200
        ? { action: 'class.students.read', outcome: 'ok' }
        : { action: 'access.denied', outcome: 'denied' },
    ]);
    if (status !== 200) expect(JSON.stringify(res.body)).not.toContain(student.last_name);
  });
});
