import request from 'supertest';
import { describe, expect, test } from 'vitest';
import { createApp } from '../app';
import { aUser, authAs } from '../testing/auth-as';
import { aClass, aSchool, aStudent, anEnrolment } from '../testing/factories';
import { createTestDb, testConfig } from '../testing/test-db';

async function aStudentInAClass() {
  const db = await createTestDb();
  const school = await aSchool(db, { code: 'ANPS03000E' });
  const other = await aSchool(db, { code: 'PSPS01000A' });
  const cls = await aClass(db, school.id, { name: '3A' });
  const student = await aStudent(db, { last_name: 'Hoxha', first_name: 'Arben', citizenship: 'Albania' });
  await anEnrolment(db, student.id, cls.id);
  return { db, school, other, cls, student };
}

describe('GET /api/students/:id', () => {
  test('when the teacher teaches the student, then the record with enrolments, and one audit row', async () => {
    const { db, cls, student } = await aStudentInAClass();
    const teacher = await aUser(db, 'docente', { classIds: [cls.id] });

    const res = await request(createApp({ db, config: testConfig }))
      .get(`/api/students/${student.id}`)
      .set(await authAs(db, teacher));

    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: student.id,
      lastName: 'Hoxha',
      citizenship: 'Albania',
      enrolments: [{ classId: cls.id, className: '3A', schoolCode: 'ANPS03000E' }],
    });
    expect(await db.selectFrom('audit_log').select(['user_id', 'action', 'student_ids', 'outcome']).execute()).toEqual([
      { user_id: teacher.id, action: 'student.read', student_ids: `[${student.id}]`, outcome: 'ok' },
    ]);
  });

  test.each([
    ['a mediator of another school', 'mediatore'],
    ['a teacher without the class', 'docente'],
  ] as const)(
    'when %s asks, then 404 (existence does not leak), no data, and the refusal is logged',
    async (_label, role) => {
      const { db, other, student } = await aStudentInAClass();
      const user = await aUser(db, role, role === 'mediatore' ? { schoolIds: [other.id] } : {});

      const res = await request(createApp({ db, config: testConfig }))
        .get(`/api/students/${student.id}`)
        .set(await authAs(db, user));

      expect(res.status).toBe(404);
      expect(JSON.stringify(res.body)).not.toContain('Hoxha');
      expect(await db.selectFrom('audit_log').select(['user_id', 'action', 'outcome']).execute()).toEqual([
        { user_id: user.id, action: 'access.denied', outcome: 'denied' },
      ]);
    },
  );

  test('when the analyst asks, then 403', async () => {
    const { db, student } = await aStudentInAClass();

    const res = await request(createApp({ db, config: testConfig }))
      .get(`/api/students/${student.id}`)
      .set(await authAs(db, await aUser(db, 'analista')));

    expect(res.status).toBe(403);
  });
});

describe('GET /api/students/:id/export', () => {
  test('when the admin exports a student, then every table about them comes back without the pseudonym', async () => {
    const { db, student } = await aStudentInAClass();
    const admin = await aUser(db, 'admin');

    const res = await request(createApp({ db, config: testConfig }))
      .get(`/api/students/${student.id}/export`)
      .set(await authAs(db, admin));

    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toContain(`studente-${student.id}.json`);
    expect(res.body.student.last_name).toBe('Hoxha');
    expect(res.body.student).not.toHaveProperty('pseudonym');
    expect(res.body.enrolments).toHaveLength(1);
    expect(await db.selectFrom('audit_log').select('action').execute()).toEqual([{ action: 'student.export' }]);
  });

  test('when a referent of the school asks for the export, then 403', async () => {
    const { db, school, student } = await aStudentInAClass();

    const res = await request(createApp({ db, config: testConfig }))
      .get(`/api/students/${student.id}/export`)
      .set(await authAs(db, await aUser(db, 'referente', { schoolIds: [school.id] })));

    expect(res.status).toBe(403);
  });
});
