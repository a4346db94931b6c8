import request from 'supertest';
import { describe, expect, test } from 'vitest';
import { createApp } from '../app';
import { SAME_ORIGIN, aUser, authAs } from '../testing/auth-as';
import { aClass, aSchool, aStudent, anEnrolment } from '../testing/factories';
import { createTestDb, testConfig } from '../testing/test-db';

const ACTION_DATE = '2026-03-02';

/** A student of the origin school with a case held by its mediator, and a receiving school with its referent. */
async function aReorientation(now = new Date('2026-03-10T09:00:00Z')) {
  const db = await createTestDb();
  const origin = await aSchool(db, { code: 'ANPS03000E', name: 'LICEO GALILEI' });
  const receiving = await aSchool(db, { code: 'ANRI01000X', name: 'IPSIA CAPPANNARI' });
  const other = await aSchool(db, { code: 'PSIS00100Y', name: 'ISTITUTO ALTRO' });
  const cls = await aClass(db, origin.id, { name: '2B' });
  const student = await aStudent(db, { last_name: 'Hoxha', first_name: 'Ardit' });
  await anEnrolment(db, student.id, cls.id);
  const mediator = await aUser(db, 'mediatore', { schoolIds: [origin.id] });
  const referent = await aUser(db, 'referente', { schoolIds: [receiving.id] });
  const otherReferent = await aUser(db, 'referente', { schoolIds: [other.id] });
  const app = createApp({ db, config: testConfig, now: () => now });
  const opened = await request(app)
    .post('/api/cases')
    .set(SAME_ORIGIN)
    .set(await authAs(db, mediator))
    .send({ studentId: student.id, goal: 'trovare un percorso adatto' });
  const caseId: number = opened.body.id;
  const addAction = async (body: object, by: { id: number } = mediator) =>
    request(app)
      .post(`/api/cases/${caseId}/actions`)
      .set(SAME_ORIGIN)
      .set(await authAs(db, by))
      .send({ type: 'reorient_school', date: ACTION_DATE, participants: 'famiglia, mediatore', ...body });
  return { db, app, origin, receiving, other, cls, student, mediator, referent, otherReferent, caseId, addAction };
}

const arrivalRows = (db: Awaited<ReturnType<typeof aReorientation>>['db']) =>
  db.selectFrom('reorientation_arrival').select(['action_id', 'status', 'enrolled_on', 'auto_reason']).execute();
const arrivedOf = async (db: Awaited<ReturnType<typeof aReorientation>>['db'], id: number) =>
  (await db.selectFrom('case_action').select('arrived').where('id', '=', id).executeTakeFirstOrThrow()).arrived;

describe('arrivals', () => {
  test('POST case action: when the destination is a school of the registry, then the action waits for its answer', async () => {
    const { db, addAction } = await aReorientation();

    const res = await addAction({ destinationSchoolCode: 'ANRI01000X' });

    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      destination: 'IPSIA CAPPANNARI (ANRI01000X)',
      arrived: null,
      arrival: {
        school: { code: 'ANRI01000X', name: 'IPSIA CAPPANNARI' },
        status: 'pending',
        dueOn: '2026-03-17',
        overdue: false,
        autoReason: null,
      },
    });
    expect(await arrivalRows(db)).toEqual([
      { action_id: res.body.id, status: 'pending', enrolled_on: null, auto_reason: null },
    ]);
  });

  test('POST case action: when the school code is not in the registry, then 400 and no action', async () => {
    const { db, addAction } = await aReorientation();

    const res = await addAction({ destinationSchoolCode: 'ANZZ99999Z' });

    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([{ path: 'destinationSchoolCode', message: expect.any(String) }]);
    expect(await db.selectFrom('case_action').select('id').execute()).toEqual([]);
    expect(await arrivalRows(db)).toEqual([]);
  });

  test('POST case action: when a registry school is named for a move to work, then 400', async () => {
    const { db, addAction } = await aReorientation();

    const res = await addAction({
      type: 'reorient_work',
      workKind: 'apprendistato',
      destinationSchoolCode: 'ANRI01000X',
    });

    expect(res.status).toBe(400);
    expect(await db.selectFrom('case_action').select('id').execute()).toEqual([]);
  });

  test('POST case action: when the free text names a CFP, then no arrival waits and the mediator confirms by hand', async () => {
    const { db, addAction } = await aReorientation();

    const res = await addAction({ type: 'reorient_iefp', destination: 'CFP Ancona' });

    expect(res.body).toMatchObject({ destination: 'CFP Ancona', arrival: null });
    expect(await arrivalRows(db)).toEqual([]);
  });

  test('PATCH case action: when the mediator confirms a CFP arrival with its day, then it is kept; a later "no" drops the day', async () => {
    const { db, app, mediator, caseId, addAction } = await aReorientation();
    const action = await addAction({ type: 'reorient_iefp', destination: 'CFP Ancona' });
    const patch = async (body: object) =>
      request(app)
        .patch(`/api/cases/${caseId}/actions/${action.body.id}`)
        .set(SAME_ORIGIN)
        .set(await authAs(db, mediator))
        .send(body);

    const arrived = await patch({ arrived: true, arrivedOn: '2026-03-09' });
    const dated = await db.selectFrom('case_action').select(['arrived', 'arrived_on']).executeTakeFirstOrThrow();
    const undone = await patch({ arrived: false });

    expect(arrived.body).toMatchObject({ arrived: true, arrivedOn: '2026-03-09' });
    expect(dated).toEqual({ arrived: 1, arrived_on: '2026-03-09' });
    expect(undone.body).toMatchObject({ arrived: false, arrivedOn: null });
  });

  test('PATCH case action: when a day of arrival comes without "arrived", then 400', async () => {
    const { db, app, mediator, caseId, addAction } = await aReorientation();
    const action = await addAction({ type: 'reorient_iefp', destination: 'CFP Ancona' });

    const res = await request(app)
      .patch(`/api/cases/${caseId}/actions/${action.body.id}`)
      .set(SAME_ORIGIN)
      .set(await authAs(db, mediator))
      .send({ arrived: false, arrivedOn: '2026-03-09' });

    expect(res.status).toBe(400);
    expect(await arrivedOf(db, action.body.id)).toBeNull();
  });

  test('POST case action: when the receiving school is the origin itself, then the arrival is confirmed at once', async () => {
    const { db, addAction } = await aReorientation();

    const res = await addAction({ destinationSchoolCode: 'ANPS03000E' });

    expect(res.body).toMatchObject({
      arrived: true,
      arrival: { status: 'enrolled', autoReason: 'same_school', enrolledOn: ACTION_DATE, overdue: false },
    });
    expect(await arrivedOf(db, res.body.id)).toBe(1);
  });

  // Only the admin can still write once the import moved the student (the origin school is then a former one).
  test('POST case action: when an import already enrols the student at the receiving school, then it is confirmed with that date', async () => {
    const { db, receiving, student, addAction } = await aReorientation();
    const there = await aClass(db, receiving.id, { name: '1P' });
    await anEnrolment(db, student.id, there.id, { entered_on: '2026-02-20' });
    const admin = await aUser(db, 'admin');

    const res = await addAction({ destinationSchoolCode: 'ANRI01000X' }, admin);

    expect(res.body.arrival).toMatchObject({
      status: 'enrolled',
      autoReason: 'already_enrolled',
      enrolledOn: '2026-02-20',
    });
    expect(await arrivalRows(db)).toEqual([
      { action_id: res.body.id, status: 'enrolled', enrolled_on: '2026-02-20', auto_reason: 'already_enrolled' },
    ]);
  });

  test('GET arrivals: when the receiving referent reads, then name, birth date, origin and date only, and the read is audited', async () => {
    const { db, app, student, referent, addAction } = await aReorientation();
    const action = await addAction({ destinationSchoolCode: 'ANRI01000X', notes: 'nota riservata' });

    const res = await request(app)
      .get('/api/arrivals')
      .set(await authAs(db, referent));

    expect(res.status).toBe(200);
    expect(res.body.outgoing).toEqual([]);
    expect(res.body.incoming).toEqual([
      {
        actionId: action.body.id,
        student: { lastName: 'Hoxha', firstName: 'Ardit', birthDate: '2009-05-10' },
        originSchool: { code: 'ANPS03000E', name: 'LICEO GALILEI' },
        receivingSchool: { code: 'ANRI01000X', name: 'IPSIA CAPPANNARI' },
        date: ACTION_DATE,
        dueOn: '2026-03-17',
        overdue: false,
        status: 'pending',
        enrolledOn: null,
        answeredAt: null,
        autoReason: null,
        importedEnrolmentOn: null,
      },
    ]);
    expect(JSON.stringify(res.body)).not.toContain('nota riservata');
    const rows = await db
      .selectFrom('audit_log')
      .select(['action', 'student_ids'])
      .where('action', '=', 'arrival.read')
      .execute();
    expect(rows).toHaveLength(1);
    expect(String(rows[0]!.student_ids)).toContain(String(student.id));
  });

  test('GET arrivals: when a referent of another school reads, then the arrival is not there', async () => {
    const { db, app, otherReferent, addAction } = await aReorientation();
    await addAction({ destinationSchoolCode: 'ANRI01000X' });

    const res = await request(app)
      .get('/api/arrivals')
      .set(await authAs(db, otherReferent));

    expect(res.body).toMatchObject({ incoming: [], outgoing: [] });
  });

  test('POST answer: when a referent of another school answers, then 404 and nothing changes', async () => {
    const { db, app, otherReferent, addAction } = await aReorientation();
    const action = await addAction({ destinationSchoolCode: 'ANRI01000X' });

    const res = await request(app)
      .post(`/api/arrivals/${action.body.id}/answer`)
      .set(SAME_ORIGIN)
      .set(await authAs(db, otherReferent))
      .send({ answer: 'enrolled', enrolledOn: '2026-03-09' });

    expect(res.status).toBe(404);
    expect(await arrivalRows(db)).toEqual([
      { action_id: action.body.id, status: 'pending', enrolled_on: null, auto_reason: null },
    ]);
    expect(await arrivedOf(db, action.body.id)).toBeNull();
    expect(await db.selectFrom('audit_log').select('action').where('action', '=', 'arrival.answer').execute()).toEqual(
      [],
    );
  });

  test('POST answer: when the mediator of the origin school answers in the receiving school’s place, then 403', async () => {
    const { db, app, mediator, addAction } = await aReorientation();
    const action = await addAction({ destinationSchoolCode: 'ANRI01000X' });

    const res = await request(app)
      .post(`/api/arrivals/${action.body.id}/answer`)
      .set(SAME_ORIGIN)
      .set(await authAs(db, mediator))
      .send({ answer: 'no_show' });

    expect(res.status).toBe(403);
    expect(await arrivedOf(db, action.body.id)).toBeNull();
  });

  test('POST answer: when the receiving referent confirms, then the action is arrived, the timeline shows it, and a second answer is refused', async () => {
    const { db, app, referent, mediator, caseId, student, addAction } = await aReorientation();
    const action = await addAction({ destinationSchoolCode: 'ANRI01000X' });

    const res = await request(app)
      .post(`/api/arrivals/${action.body.id}/answer`)
      .set(SAME_ORIGIN)
      .set(await authAs(db, referent))
      .send({ answer: 'enrolled', enrolledOn: '2026-03-09' });
    const again = await request(app)
      .post(`/api/arrivals/${action.body.id}/answer`)
      .set(SAME_ORIGIN)
      .set(await authAs(db, referent))
      .send({ answer: 'no_show' });
    const timeline = await request(app)
      .get(`/api/cases/${caseId}`)
      .set(await authAs(db, mediator));

    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'enrolled', enrolledOn: '2026-03-09' });
    expect(again.status).toBe(409);
    expect(await arrivedOf(db, action.body.id)).toBe(1);
    expect(timeline.body.actions[0]).toMatchObject({
      arrived: true,
      arrivedOn: '2026-03-09',
      arrival: { status: 'enrolled', enrolledOn: '2026-03-09', answeredBy: referent.display_name },
    });
    const audits = await db
      .selectFrom('audit_log')
      .select(['action', 'student_ids'])
      .where('action', '=', 'arrival.answer')
      .execute();
    expect(audits).toHaveLength(1);
    expect(String(audits[0]!.student_ids)).toContain(String(student.id));
  });

  test('GET arrivals: when the receiving school’s import enrols the student after the action, then the item says from when', async () => {
    const { db, app, receiving, student, referent, addAction } = await aReorientation();
    await addAction({ destinationSchoolCode: 'ANRI01000X' });
    const there = await aClass(db, receiving.id, { name: '1P' });
    await anEnrolment(db, student.id, there.id, { entered_on: '2026-03-05' });

    const res = await request(app)
      .get('/api/arrivals')
      .set(await authAs(db, referent));

    expect(res.body.incoming[0]).toMatchObject({ status: 'pending', importedEnrolmentOn: '2026-03-05' });
  });

  test('PATCH case action: when the mediator sets arrived on an action a registry school answers for, then 409 and nothing changes', async () => {
    const { db, app, mediator, caseId, addAction } = await aReorientation();
    const action = await addAction({ destinationSchoolCode: 'ANRI01000X' });

    const res = await request(app)
      .patch(`/api/cases/${caseId}/actions/${action.body.id}`)
      .set(SAME_ORIGIN)
      .set(await authAs(db, mediator))
      .send({ arrived: true });

    expect(res.status).toBe(409);
    expect(await arrivedOf(db, action.body.id)).toBeNull();
  });

  test('GET student export: when a reorientation waits for a school, then the data-subject export holds the arrival', async () => {
    const { db, app, student, addAction } = await aReorientation();
    const action = await addAction({ destinationSchoolCode: 'ANRI01000X' });
    const admin = await aUser(db, 'admin');

    const res = await request(app)
      .get(`/api/students/${student.id}/export`)
      .set(await authAs(db, admin));

    expect(res.body.arrivals).toEqual([expect.objectContaining({ action_id: action.body.id, status: 'pending' })]);
  });

  test('POST answer: when the student never came, then the action is marked not arrived', async () => {
    const { db, app, referent, addAction } = await aReorientation();
    const action = await addAction({ destinationSchoolCode: 'ANRI01000X' });

    const res = await request(app)
      .post(`/api/arrivals/${action.body.id}/answer`)
      .set(SAME_ORIGIN)
      .set(await authAs(db, referent))
      .send({ answer: 'no_show' });

    expect(res.body).toMatchObject({ status: 'no_show', enrolledOn: null });
    expect(await arrivedOf(db, action.body.id)).toBe(0);
  });

  test.each([
    ['2026-03-17T09:00:00Z', false], // the 15th day after the action: still in time
    ['2026-03-18T09:00:00Z', true],
  ])('GET arrivals: when today is %s, then the mediator’s pending arrival is overdue=%s', async (now, overdue) => {
    const { db, mediator, addAction, referent } = await aReorientation(new Date(now));
    const action = await addAction({ destinationSchoolCode: 'ANRI01000X' });
    const app = createApp({ db, config: testConfig, now: () => new Date(now) });

    const mine = await request(app)
      .get('/api/arrivals')
      .set(await authAs(db, mediator));
    const theirs = await request(app)
      .get('/api/arrivals')
      .set(await authAs(db, referent));

    expect(mine.body.outgoing).toEqual([
      expect.objectContaining({ actionId: action.body.id, dueOn: '2026-03-17', overdue }),
    ]);
    expect(mine.body.incoming).toEqual([]);
    expect(theirs.body.incoming[0].overdue).toBe(overdue);
  });

  test.each([
    ['galilei', 'ANPS03000E'],
    ['anri01', 'ANRI01000X'],
  ])('GET registry-schools: when searching %s, then %s is found', async (q, code) => {
    const { db, app, mediator } = await aReorientation();

    const res = await request(app)
      .get('/api/registry-schools')
      .query({ q })
      .set(await authAs(db, mediator));

    expect(res.status).toBe(200);
    expect(res.body.items.map((s: { code: string }) => s.code)).toEqual([code]);
  });
});
