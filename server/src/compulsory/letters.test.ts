import request from 'supertest';
import { describe, expect, test } from 'vitest';
import { createApp } from '../app';
import { SAME_ORIGIN, aUser, authAs } from '../testing/auth-as';
import { aClass, aSchool, aStudent, anEnrolment } from '../testing/factories';
import { createTestDb, testConfig } from '../testing/test-db';

/** Monday–Friday days from `from` (no closure on weekdays in October–November 2025). */
function weekdays(from: string, n: number): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); out.length < n; t += 86_400_000) {
    const day = new Date(t).getUTCDay();
    if (day !== 0 && day !== 6) out.push(new Date(t).toISOString().slice(0, 10));
  }
  return out;
}

/** A 14-year-old boy living in Ancona, absent without justification on `days`. */
async function aBoyAbsent(days: string[]) {
  const db = await createTestDb();
  const school = await aSchool(db, { code: 'ANMM00000X', level: 'primo_grado' });
  const cls = await aClass(db, school.id, { name: '3C' });
  await db
    .insertInto('school_calendar')
    .values({
      school_id: school.id,
      school_year_id: cls.school_year_id,
      lessons_start: '2025-09-15',
      lessons_end: '2026-06-06',
    })
    .execute();
  const student = await aStudent(db, { last_name: 'Mancini', first_name: 'Luca' });
  await db
    .updateTable('student')
    .set({ sex: 'M', birth_date: '2011-04-02', residence_istat: '042002' })
    .where('id', '=', student.id)
    .execute();
  await anEnrolment(db, student.id, cls.id);
  for (const date of days) {
    await db
      .insertInto('attendance_event')
      .values({
        student_id: student.id,
        class_id: cls.id,
        date,
        kind: 'assenza',
        hours: 6,
        justified: 0,
        deroga: null,
        deroga_decided_on: null,
        import_batch_id: null,
      })
      .execute();
  }
  const referent = await aUser(db, 'referente', { schoolIds: [school.id] });
  return { db, cls, student, referent, app: createApp({ db, config: testConfig }) };
}

const sixteen = weekdays('2025-10-06', 16);

describe('letters of art. 114', () => {
  test("when a family is to be notified, then the notice letter gives the facts with the student's sex, and its reading is audited", async () => {
    const { db, student, referent, app } = await aBoyAbsent(sixteen);

    const res = await request(app)
      .get(`/api/students/${student.id}/compulsory/notice-letter`)
      .set(await authAs(db, referent));

    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      school: { code: 'ANMM00000X' },
      student: {
        lastName: 'Mancini',
        firstName: 'Luca',
        sex: 'M',
        birthDate: '2011-04-02',
        residence: 'Ancona',
        className: '3C',
      },
      schoolYear: '2025/26',
      countedDays: sixteen,
      triggeredOn: '2025-10-27',
      notifiedOn: null,
    });
    expect(await db.selectFrom('audit_log').select(['action', 'student_ids']).execute()).toEqual([
      { action: 'compulsory.notice_letter.read', student_ids: JSON.stringify([student.id]) },
    ]);
  });

  test('when no notice is due, then 409; when a teacher asks, then 403', async () => {
    const { db, student, referent, app, cls } = await aBoyAbsent(sixteen.slice(0, 10));
    const teacher = await aUser(db, 'docente', { classIds: [cls.id] });

    const none = await request(app)
      .get(`/api/students/${student.id}/compulsory/notice-letter`)
      .set(await authAs(db, referent));
    const byTeacher = await request(app)
      .get(`/api/students/${student.id}/compulsory/notice-letter`)
      .set(await authAs(db, teacher));

    expect(none.status).toBe(409);
    expect(byTeacher.status).toBe(403);
  });

  test('when the report to the mayor is due, then it carries the PEC the admin recorded for the municipality of residence', async () => {
    const { db, student, referent, app, cls } = await aBoyAbsent(sixteen);
    const as = await authAs(db, referent);
    await request(app)
      .post(`/api/students/${student.id}/compulsory/notice`)
      .set(SAME_ORIGIN)
      .set(as)
      .send({ notifiedOn: '2025-10-27' });
    for (const date of weekdays('2025-10-28', 7)) {
      await db
        .insertInto('attendance_event')
        .values({
          student_id: student.id,
          class_id: cls.id,
          date,
          kind: 'assenza',
          hours: 6,
          justified: 0,
          deroga: null,
          deroga_decided_on: null,
          import_batch_id: null,
        })
        .execute();
    }
    const admin = await aUser(db, 'admin');
    await request(app)
      .put('/api/municipality-contacts/042002')
      .set(SAME_ORIGIN)
      .set(await authAs(db, admin))
      .send({ pec: 'comune.ancona@emarche.it', office: 'Servizi sociali' });

    const res = await request(app).get(`/api/students/${student.id}/compulsory/report`).set(as);

    expect(res.status).toBe(200);
    expect(res.body.student).toMatchObject({ sex: 'M', residence: 'Ancona' });
    expect(res.body.municipality).toEqual({
      istatCode: '042002',
      name: 'Ancona',
      pec: 'comune.ancona@emarche.it',
      office: 'Servizi sociali',
    });
  });
});
