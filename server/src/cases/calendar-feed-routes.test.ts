import { createHash } from 'node:crypto';
import request from 'supertest';
import { describe, expect, test } from 'vitest';
import { createApp } from '../app';
import { SAME_ORIGIN, aUser, authAs } from '../testing/auth-as';
import { aClass, aSchool, aStudent, anEnrolment } from '../testing/factories';
import { createTestDb, testConfig } from '../testing/test-db';

const now = new Date('2026-03-10T09:00:00Z');

/** A mediator with one case of a student and a follow-up planned, whose details must never reach the feed. */
async function aMediatorWithAFollowUp() {
  const db = await createTestDb();
  const school = await aSchool(db, { code: 'ANPS03000E', name: 'LICEO GALILEI' });
  const cls = await aClass(db, school.id, { name: '3A' });
  const student = await aStudent(db, { last_name: 'Hoxha', first_name: 'Arben' });
  await anEnrolment(db, student.id, cls.id);
  const mediator = await aUser(db, 'mediatore', { schoolIds: [school.id] });
  const app = createApp({ db, config: testConfig, now: () => now });
  const as = await authAs(db, mediator, now);
  const c = await request(app)
    .post('/api/cases')
    .set(SAME_ORIGIN)
    .set(as)
    .send({ studentId: student.id, goal: 'seguire la terapia al consultorio' });
  await request(app).post(`/api/cases/${c.body.id}/actions`).set(SAME_ORIGIN).set(as).send({
    type: 'pua_referral',
    date: '2026-03-02',
    participants: 'madre, assistente sociale',
    notes: 'problemi di salute',
    destination: 'PUA Ancona',
    followUpOn: '2026-03-16',
  });
  return { db, app, as, mediator, caseId: c.body.id as number };
}

const feedPath = (res: { body: { path: string } }) => res.body.path;

describe('calendar feed', () => {
  test('when a mediator makes an address, then 201 with it once, only its hash stored, and the making audited', async () => {
    const { db, app, as, mediator } = await aMediatorWithAFollowUp();

    const res = await request(app).post('/api/calendar-feed').set(SAME_ORIGIN).set(as);

    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      active: true,
      createdAt: now.toISOString(),
      lastUsedAt: null,
      path: expect.stringMatching(/^\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/),
    });
    const token = /calendar\/(.+)\.ics$/.exec(feedPath(res))![1]!;
    expect(await db.selectFrom('calendar_feed').selectAll().execute()).toEqual([
      {
        user_id: mediator.id,
        token_hash: createHash('sha256').update(token).digest('hex'),
        created_at: now.toISOString(),
        last_used_at: null,
      },
    ]);
    const row = await db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('action', 'like', 'calendar.%')
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ action: 'calendar.feed.create', details: JSON.stringify({ replaced: false }) });
    expect(JSON.stringify(await db.selectFrom('audit_log').selectAll().execute())).not.toContain(token);
  });

  test('when the phone reads the address, then the follow-up as an all-day event with the case reference and no personal data', async () => {
    const { db, app, as, caseId } = await aMediatorWithAFollowUp();
    const path = feedPath(await request(app).post('/api/calendar-feed').set(SAME_ORIGIN).set(as));

    const res = await request(app).get(path); // no cookie: a calendar app

    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(res.text).toContain('DTSTART;VALUE=DATE:20260316\r\n');
    expect(res.text).toContain(`SUMMARY:Verifica del caso n. ${caseId}\r\n`);
    for (const personal of [
      'Hoxha',
      'Arben',
      '3A',
      'GALILEI',
      'ANPS03000E',
      'consultorio',
      'madre',
      'salute',
      'PUA',
      'pua_referral',
    ]) {
      expect(res.text).not.toContain(personal);
    }
    expect((await db.selectFrom('calendar_feed').select('last_used_at').executeTakeFirstOrThrow()).last_used_at).toBe(
      now.toISOString(),
    );
  });

  test.each([
    ['no token', '/api/calendar/.ics'],
    ['a token never made', `/api/calendar/${'A'.repeat(43)}.ics`],
    ['a malformed token', '/api/calendar/abc.ics'],
  ])('when the address has %s, then 404 and nothing of the calendar', async (_label, path) => {
    const { app, as } = await aMediatorWithAFollowUp();
    await request(app).post('/api/calendar-feed').set(SAME_ORIGIN).set(as);

    const res = await request(app).get(path);

    expect(res.status).toBe(404);
    expect(res.body).toEqual({ error: { code: 'not_found', message: expect.any(String) } });
  });

  test('when a new address is made, then the old one stops working and the new one works', async () => {
    const { db, app, as } = await aMediatorWithAFollowUp();
    const old = feedPath(await request(app).post('/api/calendar-feed').set(SAME_ORIGIN).set(as));

    const fresh = feedPath(await request(app).post('/api/calendar-feed').set(SAME_ORIGIN).set(as));

    expect((await request(app).get(old)).status).toBe(404);
    expect((await request(app).get(fresh)).status).toBe(200);
    expect(await db.selectFrom('calendar_feed').select('user_id').execute()).toHaveLength(1);
    expect(
      (
        await db
          .selectFrom('audit_log')
          .select('details')
          .where('action', '=', 'calendar.feed.create')
          .orderBy('id')
          .execute()
      ).map((r) => r.details),
    ).toEqual([JSON.stringify({ replaced: false }), JSON.stringify({ replaced: true })]);
  });

  test('when the address is switched off, then it answers 404 and the status says so', async () => {
    const { db, app, as } = await aMediatorWithAFollowUp();
    const path = feedPath(await request(app).post('/api/calendar-feed').set(SAME_ORIGIN).set(as));

    const off = await request(app).delete('/api/calendar-feed').set(SAME_ORIGIN).set(as);

    expect(off.status).toBe(204);
    expect((await request(app).get(path)).status).toBe(404);
    expect((await request(app).get('/api/calendar-feed').set(as)).body).toEqual({
      active: false,
      createdAt: null,
      lastUsedAt: null,
    });
    expect(
      await db.selectFrom('audit_log').select('action').where('action', 'like', 'calendar.%').orderBy('id').execute(),
    ).toEqual([{ action: 'calendar.feed.create' }, { action: 'calendar.feed.delete' }]);
  });

  test('when the user is disabled, then their address answers 404', async () => {
    const { db, app, as, mediator } = await aMediatorWithAFollowUp();
    const path = feedPath(await request(app).post('/api/calendar-feed').set(SAME_ORIGIN).set(as));

    await db.updateTable('app_user').set({ disabled_at: now.toISOString() }).where('id', '=', mediator.id).execute();

    expect((await request(app).get(path)).status).toBe(404);
  });

  test.each(['docente', 'analista'] as const)(
    'when a %s tries to make an address, then 403 and nothing stored',
    async (role) => {
      const { db, app } = await aMediatorWithAFollowUp();

      const res = await request(app)
        .post('/api/calendar-feed')
        .set(SAME_ORIGIN)
        .set(await authAs(db, await aUser(db, role), now));

      expect(res.status).toBe(403);
      expect(await db.selectFrom('calendar_feed').selectAll().execute()).toEqual([]);
    },
  );

  test('when making an address without a session, then 401', async () => {
    const { db, app } = await aMediatorWithAFollowUp();

    const res = await request(app).post('/api/calendar-feed').set(SAME_ORIGIN);

    expect(res.status).toBe(401);
    expect(await db.selectFrom('calendar_feed').selectAll().execute()).toEqual([]);
  });
});
