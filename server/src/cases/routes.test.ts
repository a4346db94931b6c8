import request from 'supertest';
import { describe, expect, test } from 'vitest';
import { createApp } from '../app';
import { SAME_ORIGIN, aUser, authAs } from '../testing/auth-as';
import { aClass, aSchool, aStudent, anEnrolment } from '../testing/factories';
import { createTestDb, testConfig } from '../testing/test-db';

const today = new Date('2026-03-10T09:00:00Z');

async function aSchoolWithMediator() {
  const db = await createTestDb();
  const school = await aSchool(db, { code: 'ANPS03000E', name: 'LICEO GALILEI' });
  const cls = await aClass(db, school.id, { name: '3A' });
  const student = await aStudent(db, { last_name: 'Hoxha' });
  await anEnrolment(db, student.id, cls.id);
  const mediator = await aUser(db, 'mediatore', { schoolIds: [school.id] });
  const teacher = await aUser(db, 'docente', { classIds: [cls.id] });
  const app = createApp({ db, config: testConfig, now: () => today });
  return { db, school, cls, student, mediator, teacher, app };
}

describe('cases', () => {
  test('when a mediator opens a case from a flag, then 201 with the mediator as owner, and the flag points to it', async () => {
    const { db, student, mediator, teacher, app } = await aSchoolWithMediator();
    const flag = await request(app)
      .post(`/api/students/${student.id}/flags`)
      .set(SAME_ORIGIN)
      .set(await authAs(db, teacher))
      .send({ reasonCode: 'assenze', reason: 'assenze ripetute' });

    const res = await request(app)
      .post('/api/cases')
      .set(SAME_ORIGIN)
      .set(await authAs(db, mediator))
      .send({ studentId: student.id, goal: 'riportarlo a scuola con regolarità', flagId: flag.body.id });

    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      status: 'open',
      owner: { id: mediator.id },
      student: { id: student.id, className: '3A' },
      schoolCode: 'ANPS03000E',
      schoolName: 'LICEO GALILEI',
      flagId: flag.body.id,
      actions: [],
    });
    expect(await db.selectFrom('support_case').select(['student_id', 'owner_id', 'status']).execute()).toEqual([
      { student_id: student.id, owner_id: mediator.id, status: 'open' },
    ]);
    expect(
      (
        await request(app)
          .get(`/api/students/${student.id}/flags`)
          .set(await authAs(db, teacher))
      ).body.items[0].caseId,
    ).toBe(res.body.id);
  });

  test('when a teacher tries to open a case, then 403 and no case; but the teacher sees the case timeline', async () => {
    const { db, student, mediator, teacher, app } = await aSchoolWithMediator();
    const opened = await request(app)
      .post('/api/cases')
      .set(SAME_ORIGIN)
      .set(await authAs(db, mediator))
      .send({ studentId: student.id, goal: 'sostegno allo studio' });

    const denied = await request(app)
      .post('/api/cases')
      .set(SAME_ORIGIN)
      .set(await authAs(db, teacher))
      .send({ studentId: student.id, goal: 'altro caso' });
    const timeline = await request(app)
      .get(`/api/students/${student.id}/cases`)
      .set(await authAs(db, teacher));

    expect(denied.status).toBe(403);
    expect(await db.selectFrom('support_case').select('id').execute()).toEqual([{ id: opened.body.id }]);
    expect(timeline.body.items.map((c: { id: number }) => c.id)).toEqual([opened.body.id]);
  });

  test('when a mediator of another school tries, then 404 and nothing written', async () => {
    const { db, student, app } = await aSchoolWithMediator();
    const other = await aSchool(db, { code: 'PSPS01000A' });
    const outsider = await aUser(db, 'mediatore', { schoolIds: [other.id] });

    const res = await request(app)
      .post('/api/cases')
      .set(SAME_ORIGIN)
      .set(await authAs(db, outsider))
      .send({ studentId: student.id, goal: 'sostegno' });

    expect(res.status).toBe(404);
    expect(await db.selectFrom('support_case').selectAll().execute()).toEqual([]);
  });

  test('when a reorientation to IeFP is logged without destination, then 400; with it, 201 and the follow-up shows in the caseload', async () => {
    const { db, student, mediator, app } = await aSchoolWithMediator();
    const as = await authAs(db, mediator);
    const c = await request(app)
      .post('/api/cases')
      .set(SAME_ORIGIN)
      .set(as)
      .send({ studentId: student.id, goal: 'valutare un percorso professionale' });

    const missing = await request(app)
      .post(`/api/cases/${c.body.id}/actions`)
      .set(SAME_ORIGIN)
      .set(as)
      .send({ type: 'reorient_iefp', date: '2026-03-02', participants: 'studente, madre, mediatore' });
    const ok = await request(app).post(`/api/cases/${c.body.id}/actions`).set(SAME_ORIGIN).set(as).send({
      type: 'reorient_iefp',
      date: '2026-03-02',
      participants: 'studente, madre, mediatore',
      destination: 'CFP Ancona – operatore meccanico',
      followUpOn: '2026-03-09',
      arrived: null,
    });
    const caseload = await request(app).get('/api/caseload').set(as);

    expect(missing.status).toBe(400);
    expect(missing.body.error.details[0].path).toBe('destination');
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({
      type: 'reorient_iefp',
      destination: 'CFP Ancona – operatore meccanico',
      arrived: null,
      followUpOn: '2026-03-09',
    });
    expect(caseload.body.cases).toEqual([
      expect.objectContaining({ id: c.body.id, nextFollowUp: '2026-03-09', overdue: true, actionCount: 1 }),
    ]);
  });

  test('when the arrival is recorded later and the case is closed with an outcome, then both are stored and the case leaves the caseload', async () => {
    const { db, student, mediator, app } = await aSchoolWithMediator();
    const as = await authAs(db, mediator);
    const c = await request(app)
      .post('/api/cases')
      .set(SAME_ORIGIN)
      .set(as)
      .send({ studentId: student.id, goal: 'percorso professionale' });
    const action = await request(app)
      .post(`/api/cases/${c.body.id}/actions`)
      .set(SAME_ORIGIN)
      .set(as)
      .send({ type: 'reorient_iefp', date: '2026-03-02', participants: 'studente', destination: 'CFP Ancona' });

    await request(app)
      .patch(`/api/cases/${c.body.id}/actions/${action.body.id}`)
      .set(SAME_ORIGIN)
      .set(as)
      .send({ arrived: true, outcome: 'iscritto dal 9 marzo' });
    const noOutcome = await request(app).post(`/api/cases/${c.body.id}/close`).set(SAME_ORIGIN).set(as).send({});
    const closed = await request(app)
      .post(`/api/cases/${c.body.id}/close`)
      .set(SAME_ORIGIN)
      .set(as)
      .send({ outcome: 'reoriented', note: 'frequenta il CFP' });

    expect(noOutcome.status).toBe(400);
    expect(closed.body).toMatchObject({
      status: 'closed',
      outcome: 'reoriented',
      actions: [expect.objectContaining({ arrived: true, outcome: 'iscritto dal 9 marzo' })],
    });
    expect((await request(app).get('/api/caseload').set(as)).body.cases).toEqual([]);
    expect(
      await db.selectFrom('audit_log').select('action').where('action', 'like', 'case.%').orderBy('id').execute(),
    ).toEqual([
      { action: 'case.create' },
      { action: 'case.action.create' },
      { action: 'case.action.update' },
      { action: 'case.close' },
    ]);
  });

  test('when a flagged student has no case, then the caseload lists them under flagged without case', async () => {
    const { db, student, mediator, teacher, app } = await aSchoolWithMediator();
    await request(app)
      .post(`/api/students/${student.id}/flags`)
      .set(SAME_ORIGIN)
      .set(await authAs(db, teacher))
      .send({ reasonCode: 'famiglia', reason: 'trasloco della famiglia' });

    const res = await request(app)
      .get('/api/caseload')
      .set(await authAs(db, mediator));

    expect(res.body.flaggedWithoutCase).toEqual([
      expect.objectContaining({ studentId: student.id, lastName: 'Hoxha', className: '3A', reasonCode: 'famiglia' }),
    ]);
  });

  test('when a case opened from a flag is closed, then its flag (and the student\'s other open flags) are resolved and the student is not "flagged without case"', async () => {
    const { db, student, mediator, teacher, app } = await aSchoolWithMediator();
    const asTeacher = await authAs(db, teacher);
    const asMediator = await authAs(db, mediator);
    const first = await request(app)
      .post(`/api/students/${student.id}/flags`)
      .set(SAME_ORIGIN)
      .set(asTeacher)
      .send({ reasonCode: 'assenze', reason: 'assente il lunedì' });
    const c = await request(app)
      .post('/api/cases')
      .set(SAME_ORIGIN)
      .set(asMediator)
      .send({ studentId: student.id, goal: 'frequenza regolare', flagId: first.body.id });
    const second = await request(app)
      .post(`/api/students/${student.id}/flags`)
      .set(SAME_ORIGIN)
      .set(asTeacher)
      .send({ reasonCode: 'comportamento', reason: 'litiga in classe' });

    const closed = await request(app)
      .post(`/api/cases/${c.body.id}/close`)
      .set(SAME_ORIGIN)
      .set(asMediator)
      .send({ outcome: 'back_on_track' });
    const caseload = await request(app).get('/api/caseload').set(asMediator);

    expect(closed.status).toBe(200);
    expect(await db.selectFrom('flag').select(['id', 'resolved_at', 'resolved_by']).orderBy('id').execute()).toEqual([
      { id: first.body.id, resolved_at: today.toISOString(), resolved_by: mediator.id },
      { id: second.body.id, resolved_at: today.toISOString(), resolved_by: mediator.id },
    ]);
    expect(caseload.body.flaggedWithoutCase).toEqual([]);
    const audit = await db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'case.close')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.details!)).toMatchObject({
      caseId: c.body.id,
      resolvedFlagIds: [first.body.id, second.body.id],
    });
  });

  test('when the student is flagged again after the case closed, then they are flagged without case, with the closed case beside them', async () => {
    const { db, student, mediator, teacher, app } = await aSchoolWithMediator();
    const asMediator = await authAs(db, mediator);
    const c = await request(app)
      .post('/api/cases')
      .set(SAME_ORIGIN)
      .set(asMediator)
      .send({ studentId: student.id, goal: 'frequenza regolare' });
    await request(app)
      .post(`/api/cases/${c.body.id}/close`)
      .set(SAME_ORIGIN)
      .set(asMediator)
      .send({ outcome: 'back_on_track' });

    const again = await request(app)
      .post(`/api/students/${student.id}/flags`)
      .set(SAME_ORIGIN)
      .set(await authAs(db, teacher))
      .send({ reasonCode: 'assenze', reason: 'di nuovo assente' });
    const caseload = await request(app).get('/api/caseload').set(asMediator);

    expect(caseload.body.flaggedWithoutCase).toEqual([
      expect.objectContaining({
        studentId: student.id,
        flagId: again.body.id,
        schoolName: 'LICEO GALILEI',
        pastCases: [{ id: c.body.id, closedAt: today.toISOString(), outcome: 'back_on_track' }],
      }),
    ]);
    expect(await db.selectFrom('flag').select('resolved_at').execute()).toEqual([{ resolved_at: null }]);
  });

  test('when a flag opened another case still running, then closing this one leaves that flag open', async () => {
    const { db, student, mediator, teacher, app } = await aSchoolWithMediator();
    const asMediator = await authAs(db, mediator);
    const flag = await request(app)
      .post(`/api/students/${student.id}/flags`)
      .set(SAME_ORIGIN)
      .set(await authAs(db, teacher))
      .send({ reasonCode: 'lingua', reason: 'non capisce le consegne' });
    const running = await request(app)
      .post('/api/cases')
      .set(SAME_ORIGIN)
      .set(asMediator)
      .send({ studentId: student.id, goal: 'corso di italiano L2', flagId: flag.body.id });
    const other = await request(app)
      .post('/api/cases')
      .set(SAME_ORIGIN)
      .set(asMediator)
      .send({ studentId: student.id, goal: 'colloquio con la famiglia' });

    await request(app)
      .post(`/api/cases/${other.body.id}/close`)
      .set(SAME_ORIGIN)
      .set(asMediator)
      .send({ outcome: 'other' });

    expect(running.status).toBe(201);
    expect(await db.selectFrom('flag').select('resolved_at').execute()).toEqual([{ resolved_at: null }]);
  });

  test("when the caseload is read, then every follow-up of the open cases is listed by date with the server's date", async () => {
    const { db, student, mediator, app } = await aSchoolWithMediator();
    const as = await authAs(db, mediator);
    const c = await request(app)
      .post('/api/cases')
      .set(SAME_ORIGIN)
      .set(as)
      .send({ studentId: student.id, goal: 'frequenza regolare' });
    const late = await request(app)
      .post(`/api/cases/${c.body.id}/actions`)
      .set(SAME_ORIGIN)
      .set(as)
      .send({ type: 'tutoring', date: '2026-03-02', participants: 'tutor', followUpOn: '2026-03-20' });
    const soon = await request(app)
      .post(`/api/cases/${c.body.id}/actions`)
      .set(SAME_ORIGIN)
      .set(as)
      .send({ type: 'family_meeting', date: '2026-03-03', participants: 'madre', followUpOn: '2026-03-12' });
    await request(app)
      .post(`/api/cases/${c.body.id}/actions`)
      .set(SAME_ORIGIN)
      .set(as)
      .send({ type: 'other', date: '2026-03-04', participants: 'docente' });

    const res = await request(app).get('/api/caseload').set(as);

    expect(res.body.today).toBe('2026-03-10');
    expect(res.body.followUps).toEqual([
      {
        caseId: c.body.id,
        actionId: soon.body.id,
        date: '2026-03-12',
        actionType: 'family_meeting',
        student: { id: student.id, lastName: 'Hoxha', firstName: expect.any(String) },
      },
      {
        caseId: c.body.id,
        actionId: late.body.id,
        date: '2026-03-20',
        actionType: 'tutoring',
        student: { id: student.id, lastName: 'Hoxha', firstName: expect.any(String) },
      },
    ]);
  });
});
