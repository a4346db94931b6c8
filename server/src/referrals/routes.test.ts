import request from 'supertest';
import { describe, expect, test } from 'vitest';
import { SAME_ORIGIN, aUser, authAs } from '../testing/auth-as';
import { aCaseForReferral, aReferralInput, sendReferral, SENIGALLIA, type ReferralFixture } from './testing';

const auditActions = async (fx: ReferralFixture, action: string) =>
  fx.db
    .selectFrom('audit_log')
    .select(['user_id', 'student_ids', 'outcome'])
    .where('action', '=', action as never)
    .execute();

const nothingWritten = async (fx: ReferralFixture) => {
  expect(await fx.db.selectFrom('pua_referral').select('id').execute()).toEqual([]);
  expect(await fx.db.selectFrom('case_action').select('id').execute()).toEqual([]);
  expect(await auditActions(fx, 'referral.create')).toEqual([]);
};

const asPua = async (
  fx: ReferralFixture,
  user: { id: number },
  method: 'get' | 'post',
  path: string,
  body?: object,
) => {
  const req = request(fx.app)
    [method](path)
    .set(SAME_ORIGIN)
    .set(await authAs(fx.db, user));
  return body ? req.send(body) : req;
};

describe('POST /cases/:id/referrals', () => {
  test('when a mediator sends a referral with consent, then 201, one referral, one pua_referral case action and one audit row', async () => {
    const fx = await aCaseForReferral();

    const res = await sendReferral(fx);

    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      caseId: fx.caseId,
      municipality: { code: '042002', name: expect.stringMatching(/ancona/i) },
      reasons: ['social', 'housing'],
      consent: { givenBy: 'la madre, Amina K.', givenOn: '2026-11-02', services: ['social', 'housing', 'health'] },
      status: 'sent',
      sentOn: '2026-11-02',
      workingDaysWaiting: 0,
      overdue: false,
      answerLimitDays: 10,
      updates: [],
    });
    const [action] = await fx.db.selectFrom('case_action').select(['id', 'type', 'destination', 'date']).execute();
    expect(action).toMatchObject({
      type: 'pua_referral',
      date: '2026-11-02',
      destination: expect.stringMatching(/^PUA/),
    });
    expect(await fx.db.selectFrom('pua_referral').select(['student_id', 'case_action_id', 'status']).execute()).toEqual(
      [{ student_id: fx.student.id, case_action_id: action!.id, status: 'sent' }],
    );
    expect(await auditActions(fx, 'referral.create')).toEqual([
      { user_id: fx.mediator.id, student_ids: JSON.stringify([fx.student.id]), outcome: 'ok' },
    ]);
  });

  test.each([
    ['no consent', { ...aReferralInput(), consent: undefined }],
    ['a consent that does not cover a reason', { ...aReferralInput(), reasons: ['social', 'legal_status'] }],
    ['no reason', { ...aReferralInput(), reasons: [] }],
    [
      'a consent dated after today',
      { ...aReferralInput(), consent: { ...aReferralInput().consent, givenOn: '2026-11-03' } },
    ],
  ])('when the referral has %s, then 400 and nothing written', async (_label, body) => {
    const fx = await aCaseForReferral();

    const res = await sendReferral(fx, body);

    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    await nothingWritten(fx);
  });

  test('when the student has no municipality of residence, then 409 with an Italian message and nothing written', async () => {
    const fx = await aCaseForReferral();
    await fx.db.updateTable('student').set({ residence_istat: null }).where('id', '=', fx.student.id).execute();

    const res = await sendReferral(fx);

    expect(res.status).toBe(409);
    expect(res.body.error.message).toMatch(/comune di residenza/);
    await nothingWritten(fx);
  });

  test('when no PUA serves the municipality of residence, then 409 naming it and nothing written', async () => {
    const fx = await aCaseForReferral();
    await fx.db.updateTable('student').set({ residence_istat: SENIGALLIA }).where('id', '=', fx.student.id).execute();
    await fx.db.deleteFrom('user_municipality').where('user_id', '=', fx.otherPua.id).execute();

    const res = await sendReferral(fx);

    expect(res.status).toBe(409);
    expect(res.body.error.message).toMatch(/Nessun PUA serve.*SENIGALLIA/i);
    await nothingWritten(fx);
  });

  test('when a teacher of the class sends a referral, then 403 and nothing written', async () => {
    const fx = await aCaseForReferral();
    const teacher = await aUser(fx.db, 'docente', { classIds: [fx.cls.id] });

    const res = await request(fx.app)
      .post(`/api/cases/${fx.caseId}/referrals`)
      .set(SAME_ORIGIN)
      .set(await authAs(fx.db, teacher))
      .send(aReferralInput());

    expect(res.status).toBe(403);
    await nothingWritten(fx);
  });
});

describe('the PUA side', () => {
  test('when the PUA of the municipality reads its inbox and the referral, then only the referral fields, and each read is audited', async () => {
    const fx = await aCaseForReferral();
    const sent = await sendReferral(fx);

    const inbox = await asPua(fx, fx.pua, 'get', '/api/referrals');
    const one = await asPua(fx, fx.pua, 'get', `/api/referrals/${sent.body.id}`);

    expect(inbox.status).toBe(200);
    expect(inbox.body.items).toHaveLength(1);
    expect(one.status).toBe(200);
    expect(one.body.student).toEqual({
      lastName: 'Hoxha',
      firstName: 'Arben',
      birthDate: '2009-05-10',
      schoolName: 'LICEO GALILEI',
      className: '3A',
    });
    // never grades, risk, notes, citizenship or the student's id
    expect(JSON.stringify(one.body)).not.toMatch(/"(grades?|risk|tier|level|notes?|citizenship|studentId|pseudonym)"/i);
    expect((await auditActions(fx, 'referral.read')).filter((a) => a.user_id === fx.pua.id)).toEqual([
      { user_id: fx.pua.id, student_ids: JSON.stringify([fx.student.id]), outcome: 'ok' },
      { user_id: fx.pua.id, student_ids: JSON.stringify([fx.student.id]), outcome: 'ok' },
    ]);
  });

  test('when a PUA of another municipality asks for the referral, then 404, an empty inbox, and the refusal is audited', async () => {
    const fx = await aCaseForReferral();
    const sent = await sendReferral(fx);

    const one = await asPua(fx, fx.otherPua, 'get', `/api/referrals/${sent.body.id}`);
    const answer = await asPua(fx, fx.otherPua, 'post', `/api/referrals/${sent.body.id}/answer`, {
      decision: 'accept',
    });
    const inbox = await asPua(fx, fx.otherPua, 'get', '/api/referrals');

    expect(one.status).toBe(404);
    expect(answer.status).toBe(404);
    expect(inbox.body.items).toEqual([]);
    expect(JSON.stringify(one.body)).not.toMatch(/Hoxha/);
    expect(await auditActions(fx, 'access.denied')).toEqual([
      { user_id: fx.otherPua.id, student_ids: null, outcome: 'denied' },
      { user_id: fx.otherPua.id, student_ids: null, outcome: 'denied' },
    ]);
    expect(await fx.db.selectFrom('pua_referral').select('status').execute()).toEqual([{ status: 'sent' }]);
  });

  test('when the PUA asks for the referred student, the student cases or the case, then refused: only the referral is theirs', async () => {
    const fx = await aCaseForReferral();
    await sendReferral(fx);

    for (const path of [
      `/api/students/${fx.student.id}`,
      `/api/students/${fx.student.id}/risk`,
      `/api/students/${fx.student.id}/cases`,
      `/api/cases/${fx.caseId}`,
      `/api/cases/${fx.caseId}/referrals`,
    ]) {
      const res = await asPua(fx, fx.pua, 'get', path);
      expect([403, 404], path).toContain(res.status);
      expect(res.text, path).not.toMatch(/Hoxha/);
    }
  });

  test('when the PUA accepts, records a service and closes, then the mediator reads each step in the case', async () => {
    const fx = await aCaseForReferral();
    const sent = await sendReferral(fx);
    const id = sent.body.id as number;

    const early = await asPua(fx, fx.pua, 'post', `/api/referrals/${id}/updates`, { note: 'presa visione' });
    const accepted = await asPua(fx, fx.pua, 'post', `/api/referrals/${id}/answer`, { decision: 'accept' });
    const again = await asPua(fx, fx.pua, 'post', `/api/referrals/${id}/answer`, {
      decision: 'decline',
      reason: 'ripensamento',
    });
    const service = await asPua(fx, fx.pua, 'post', `/api/referrals/${id}/updates`, {
      services: 'Servizio sociale professionale',
      responsible: 'dott.ssa Rossi',
      note: 'primo colloquio fissato',
    });
    const noResponsible = await asPua(fx, fx.pua, 'post', `/api/referrals/${id}/updates`, { services: 'ADE' });
    const closed = await asPua(fx, fx.pua, 'post', `/api/referrals/${id}/updates`, {
      note: 'percorso avviato',
      close: true,
    });
    const mediatorView = await request(fx.app)
      .get(`/api/cases/${fx.caseId}/referrals`)
      .set(await authAs(fx.db, fx.mediator));

    expect(early.status).toBe(409);
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ status: 'accepted', answeredBy: { id: fx.pua.id } });
    expect(again.status).toBe(409);
    expect(service.status).toBe(201);
    expect(noResponsible.status).toBe(400);
    expect(closed.body.status).toBe('closed');
    expect(mediatorView.body.items).toEqual([
      expect.objectContaining({
        status: 'closed',
        firstAnswerAt: expect.any(String),
        updates: [
          expect.objectContaining({
            services: 'Servizio sociale professionale',
            responsible: 'dott.ssa Rossi',
            closed: false,
          }),
          expect.objectContaining({ note: 'percorso avviato', closed: true }),
        ],
      }),
    ]);
    expect((await auditActions(fx, 'referral.answer')).length).toBe(1);
    expect((await auditActions(fx, 'referral.update')).length).toBe(2);
  });

  test('when the PUA declines without a reason, then 400; with one, declined and the reason kept', async () => {
    const fx = await aCaseForReferral();
    const { id } = (await sendReferral(fx)).body;

    const bare = await asPua(fx, fx.pua, 'post', `/api/referrals/${id}/answer`, { decision: 'decline' });
    const declined = await asPua(fx, fx.pua, 'post', `/api/referrals/${id}/answer`, {
      decision: 'decline',
      reason: 'La famiglia è già seguita dal servizio sociale di un altro ambito',
    });

    expect(bare.status).toBe(400);
    expect(declined.body).toMatchObject({ status: 'declined', declineReason: expect.stringMatching(/già seguita/) });
  });

  test('when 11 working days pass without an answer, then the referral is overdue on both sides; an answer stops the wait', async () => {
    const fx = await aCaseForReferral();
    const { id } = (await sendReferral(fx)).body;
    fx.clock.now = new Date('2026-11-17T09:00:00Z'); // Monday 2 → Tuesday 17 November: 11 working days

    const pua = await asPua(fx, fx.pua, 'get', `/api/referrals/${id}`);
    const mediator = await request(fx.app)
      .get(`/api/cases/${fx.caseId}/referrals`)
      .set(await authAs(fx.db, fx.mediator));
    await asPua(fx, fx.pua, 'post', `/api/referrals/${id}/answer`, { decision: 'accept' });
    const after = await asPua(fx, fx.pua, 'get', `/api/referrals/${id}`);

    expect(pua.body).toMatchObject({ overdue: true, workingDaysWaiting: 11 });
    expect(mediator.body.items[0]).toMatchObject({ overdue: true, workingDaysWaiting: 11 });
    expect(after.body).toMatchObject({ overdue: false, workingDaysWaiting: 11, status: 'accepted' });
  });
});

describe('the data-subject export', () => {
  test('when the admin exports a referred student, then the referral, its consent and the updates are in it', async () => {
    const fx = await aCaseForReferral();
    const { id } = (await sendReferral(fx)).body;
    await asPua(fx, fx.pua, 'post', `/api/referrals/${id}/answer`, { decision: 'accept' });
    await asPua(fx, fx.pua, 'post', `/api/referrals/${id}/updates`, { services: 'ADE', responsible: 'Rossi' });
    const admin = await aUser(fx.db, 'admin');

    const res = await request(fx.app)
      .get(`/api/students/${fx.student.id}/export`)
      .set(await authAs(fx.db, admin));

    expect(res.status).toBe(200);
    expect(res.body.referrals).toEqual([
      expect.objectContaining({ id, consent_given_by: 'la madre, Amina K.', consent_given_on: '2026-11-02' }),
    ]);
    expect(res.body.referralUpdates).toEqual([expect.objectContaining({ referral_id: id, services: 'ADE' })]);
  });
});
