import request from 'supertest';
import { describe, expect, test } from 'vitest';
import { createApp } from '../app';
import type { Db } from '../db/open-database';
import { SAME_ORIGIN, aUser, authAs } from '../testing/auth-as';
import { aClass, aSchool, aStudent, anEnrolment } from '../testing/factories';
import { createTestDb, testConfig } from '../testing/test-db';

/** Monday–Friday lesson days from `from`, n of them (October–November 2025 has no closure on weekdays but 01/11, a Saturday). */
function weekdays(from: string, n: number): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); out.length < n; t += 86_400_000) {
    const day = new Date(t).getUTCDay();
    if (day !== 0 && day !== 6) out.push(new Date(t).toISOString().slice(0, 10));
  }
  return out;
}

/** A 14-year-old (under the obligation) in a class of 30 h, 5 days, absent `days` without justification. */
async function aStudentAbsent(days: string[]) {
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
    .set({ birth_date: '2011-04-02', residence_istat: '042002' })
    .where('id', '=', student.id)
    .execute();
  await anEnrolment(db, student.id, cls.id);
  await addAbsences(db, student.id, cls.id, days);
  const referent = await aUser(db, 'referente', { schoolIds: [school.id] });
  const teacher = await aUser(db, 'docente', { classIds: [cls.id] });
  return { db, school, cls, student, referent, teacher, app: createApp({ db, config: testConfig }) };
}

async function addAbsences(db: Db, studentId: number, classId: number, days: string[], justified = false) {
  for (const date of days) {
    await db
      .insertInto('attendance_event')
      .values({
        student_id: studentId,
        class_id: classId,
        date,
        kind: 'assenza',
        hours: 6,
        justified: justified ? 1 : 0,
        deroga: null,
        deroga_decided_on: null,
        import_batch_id: null,
      })
      .execute();
  }
}

const sixteen = weekdays('2025-10-06', 16); // the 16th is 27/10/2025

describe('absence clock through the API', () => {
  test('when a 14-year-old passes 15 unjustified days, then the family must be notified, and the deadline view lists them', async () => {
    const { db, student, referent, app } = await aStudentAbsent(sixteen);
    const as = await authAs(db, referent);

    const res = await request(app).get(`/api/students/${student.id}/compulsory`).set(as);
    const deadlines = await request(app).get('/api/schools/ANMM00000X/deadlines').set(as);

    expect(res.body).toMatchObject({
      age: 14,
      legalStatus: 'obbligo',
      clock: { state: 'to_notify', daysInWindow: 16, triggeredOn: '2025-10-27' },
    });
    expect(deadlines.body.toNotify).toEqual([
      expect.objectContaining({ studentId: student.id, lastName: 'Mancini', className: '3C' }),
    ]);
    expect(deadlines.body.octoberList).toMatchObject({
      dueBy: '2025-10-31',
      studentsUnderObligation: 1,
      lastExportedAt: null,
    });
  });

  test('when only 15 days are missed, or 16 justified, then nothing to do', async () => {
    const few = await aStudentAbsent(sixteen.slice(0, 15));
    const justified = await aStudentAbsent([]);
    await addAbsences(justified.db, justified.student.id, justified.cls.id, sixteen, true);

    const a = await request(few.app)
      .get(`/api/students/${few.student.id}/compulsory`)
      .set(await authAs(few.db, few.referent));
    const b = await request(justified.app)
      .get(`/api/students/${justified.student.id}/compulsory`)
      .set(await authAs(justified.db, justified.referent));

    expect(a.body.clock.state).toBe('ok');
    expect(b.body.clock).toMatchObject({ state: 'ok', daysInWindow: 0 });
  });

  test('when the referent records the notice and the student stays away past 7 days, then the report to the mayor is due and printable', async () => {
    const { db, student, referent, teacher, app } = await aStudentAbsent(sixteen);
    const as = await authAs(db, referent);

    const byTeacher = await request(app)
      .post(`/api/students/${student.id}/compulsory/notice`)
      .set(SAME_ORIGIN)
      .set(await authAs(db, teacher))
      .send({ notifiedOn: '2025-10-27' });
    const notice = await request(app)
      .post(`/api/students/${student.id}/compulsory/notice`)
      .set(SAME_ORIGIN)
      .set(as)
      .send({ notifiedOn: '2025-10-27', note: 'raccomandata A/R' });
    expect(byTeacher.status).toBe(403);
    expect(notice.status).toBe(201);
    expect(notice.body).toMatchObject({ state: 'countdown', notifiedOn: '2025-10-27', countdownEndsOn: '2025-11-03' });

    await addAbsences(
      db,
      student.id,
      (await db.selectFrom('class').select('id').executeTakeFirstOrThrow()).id,
      weekdays('2025-10-28', 7),
    ); // to 05/11
    const early = await request(app)
      .post(`/api/students/${student.id}/compulsory/report`)
      .set(SAME_ORIGIN)
      .set(as)
      .send({ reportedOn: '2025-11-03' });
    const reported = await request(app)
      .post(`/api/students/${student.id}/compulsory/report`)
      .set(SAME_ORIGIN)
      .set(as)
      .send({ reportedOn: '2025-11-05' });
    const printable = await request(app).get(`/api/students/${student.id}/compulsory/report`).set(as);

    expect(early.status).toBe(400);
    expect(reported.body).toMatchObject({ state: 'reported', reportDueFrom: '2025-11-04', reportedOn: '2025-11-05' });
    expect(printable.body).toMatchObject({
      student: { lastName: 'Mancini', birthDate: '2011-04-02', residence: 'Ancona', className: '3C' },
      countedDays: sixteen,
      notifiedOn: '2025-10-27',
      reportedOn: '2025-11-05',
    });
    expect(printable.body.legalBasis).toMatch(/art\. 114/);
    expect(
      await db.selectFrom('audit_log').select('action').where('action', 'like', 'compulsory.%').orderBy('id').execute(),
    ).toEqual([{ action: 'compulsory.notice' }, { action: 'compulsory.report' }, { action: 'compulsory.report.read' }]);
  });

  test('when the student returns within 7 days of the notice, then the clock closes', async () => {
    const { db, student, referent, app } = await aStudentAbsent(sixteen);
    const as = await authAs(db, referent);
    await request(app)
      .post(`/api/students/${student.id}/compulsory/notice`)
      .set(SAME_ORIGIN)
      .set(as)
      .send({ notifiedOn: '2025-10-27' });
    // Present on 28/10 (no absence), and the data reaches 30/10 with a late entry.
    await db
      .insertInto('attendance_event')
      .values({
        student_id: student.id,
        class_id: (await db.selectFrom('class').select('id').executeTakeFirstOrThrow()).id,
        date: '2025-10-30',
        kind: 'entrata_posticipata',
        hours: 1,
        justified: 1,
        deroga: null,
        deroga_decided_on: null,
        import_batch_id: null,
      })
      .execute();

    const res = await request(app).get(`/api/students/${student.id}/compulsory`).set(as);

    expect(res.body.clock).toMatchObject({ state: 'returned', returnedOn: '2025-10-28' });
  });

  test('when a student stays away 30 lesson days running, then "days in 3 months" says 30, not the 16 of the trigger', async () => {
    const thirty = weekdays('2025-10-06', 30);
    const { db, student, referent, app } = await aStudentAbsent(thirty);

    const res = await request(app)
      .get(`/api/students/${student.id}/compulsory`)
      .set(await authAs(db, referent));

    expect(res.body.clock).toMatchObject({ state: 'to_notify', daysInWindow: 30, triggeredOn: '2025-10-27' });
    expect(res.body.clock.countedDays).toEqual(sixteen);
  });

  test('when the student comes back for one day after the notice and the absences go on, then the report to the mayor is due, not "all clear"', async () => {
    const { db, student, cls, referent, app } = await aStudentAbsent(sixteen);
    const as = await authAs(db, referent);
    await request(app)
      .post(`/api/students/${student.id}/compulsory/notice`)
      .set(SAME_ORIGIN)
      .set(as)
      .send({ notifiedOn: '2025-10-27' });
    await addAbsences(db, student.id, cls.id, weekdays('2025-10-29', 10)); // present on 28/10 only, away to 11/11

    const res = await request(app).get(`/api/students/${student.id}/compulsory`).set(as);
    const deadlines = await request(app).get('/api/schools/ANMM00000X/deadlines').set(as);

    expect(res.body.clock).toMatchObject({ state: 'report_due', returnedOn: null, daysInWindow: 26 });
    expect(deadlines.body.reportsDue).toEqual([expect.objectContaining({ studentId: student.id })]);
  });

  test('when a return held and the absences start again past 15 days, then a new notice is due and recording it closes the old one', async () => {
    const { db, student, cls, referent, app } = await aStudentAbsent(sixteen);
    const as = await authAs(db, referent);
    await request(app)
      .post(`/api/students/${student.id}/compulsory/notice`)
      .set(SAME_ORIGIN)
      .set(as)
      .send({ notifiedOn: '2025-10-27' });
    const again = weekdays('2025-11-10', 16); // back from 28/10 to 07/11
    await addAbsences(db, student.id, cls.id, again);

    const before = await request(app).get(`/api/students/${student.id}/compulsory`).set(as);
    const notice = await request(app)
      .post(`/api/students/${student.id}/compulsory/notice`)
      .set(SAME_ORIGIN)
      .set(as)
      .send({ notifiedOn: again[15] });

    expect(before.body.clock).toMatchObject({
      state: 'to_notify',
      triggeredOn: again[15],
      daysInWindow: 16,
      notifiedOn: null,
    });
    expect(before.body.clock.closedReturnOn).toBeUndefined();
    expect(notice.status).toBe(201);
    expect(notice.body).toMatchObject({ state: 'countdown', triggeredOn: again[15], notifiedOn: again[15] });
    expect(
      await db.selectFrom('compulsory_notice').select(['triggered_on', 'closed_on']).orderBy('id').execute(),
    ).toEqual([
      { triggered_on: '2025-10-27', closed_on: '2025-10-28' },
      { triggered_on: again[15], closed_on: null },
    ]);
  });

  test('when a teacher reads the page, then the validity shows hours but not the deroga categories', async () => {
    const { db, student, teacher, app } = await aStudentAbsent(sixteen);

    const res = await request(app)
      .get(`/api/students/${student.id}/compulsory`)
      .set(await authAs(db, teacher));

    expect(res.status).toBe(200);
    expect(res.body.validity).toMatchObject({
      annualHours: 990,
      limitHours: 247.5,
      countedHours: 96,
      hoursStillAvailable: 151.5,
      deroghe: null,
    });
  });
});

describe('October list', () => {
  test('when the referent exports it as CSV, then the minors under the obligation with their municipality, and the export is recorded', async () => {
    const { db, referent, app } = await aStudentAbsent([]);

    const res = await request(app)
      .get('/api/schools/ANMM00000X/october-list?format=csv&municipality=042002')
      .set(await authAs(db, referent));

    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toContain('elenco-obbligo-ANMM00000X-2025-26-042002.csv');
    expect(res.text).toBe(
      '\uFEFFCognome;Nome;Data di nascita;Comune di residenza (ISTAT);Comune di residenza;Classe\r\nMancini;Luca;02/04/2011;042002;Ancona;3C\r\n',
    );
    expect(await db.selectFrom('october_list_export').select(['students', 'municipality_istat']).execute()).toEqual([
      { students: 1, municipality_istat: '042002' },
    ]);
  });
});

describe('valid pathways on case actions', () => {
  test.each([
    ['reorient_cpia', {}, 400, /CPIA accoglie dai 16 anni/],
    ['reorient_work', { workKind: 'lavoro' }, 400, /nessun percorso di lavoro/], // 14: no work at all
    ['reorient_iefp', {}, 201, null],
  ] as const)('when a %s action is logged for a 14-year-old, then %i', async (type, extra, status, message) => {
    const { db, school, student, app } = await aStudentAbsent([]);
    const mediator = await aUser(db, 'mediatore', { schoolIds: [school.id] });
    const as = await authAs(db, mediator);
    const c = await request(app)
      .post('/api/cases')
      .set(SAME_ORIGIN)
      .set(as)
      .send({ studentId: student.id, goal: 'orientamento' });

    const res = await request(app)
      .post(`/api/cases/${c.body.id}/actions`)
      .set(SAME_ORIGIN)
      .set(as)
      .send({ type, date: '2025-11-10', participants: 'studente, famiglia', destination: 'destinazione', ...extra });

    expect(res.status).toBe(status);
    if (message) expect(res.body.error.message).toMatch(message);
    expect(await db.selectFrom('case_action').select('type').execute()).toEqual(status === 201 ? [{ type }] : []);
  });
});
