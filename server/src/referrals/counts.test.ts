import request from 'supertest';
import { expect, test } from 'vitest';
import { aUser, authAs } from '../testing/auth-as';
import { aCaseForReferral, sendReferral, type ReferralFixture } from './testing';

/** Copies of the fixture's referral moved to a municipality of `province`, answered after `days` calendar days. */
async function copies(fx: ReferralFixture, province: string, n: number, answeredOn: string | null) {
  const template = await fx.db.selectFrom('pua_referral').selectAll().executeTakeFirstOrThrow();
  const { istat_code } = await fx.db
    .selectFrom('municipality')
    .select('istat_code')
    .where('province_code', '=', province)
    .orderBy('istat_code')
    .executeTakeFirstOrThrow();
  const { id: _id, ...row } = template;
  for (let i = 0; i < n; i++)
    await fx.db
      .insertInto('pua_referral')
      .values({
        ...row,
        municipality_istat: istat_code,
        status: answeredOn ? 'accepted' : 'sent',
        first_answer_at: answeredOn ? `${answeredOn}T10:00:00.000Z` : null,
      })
      .execute();
}

test('GET /referrals/counts: when the analyst asks, then counts per province with small cells suppressed, and no name, id or date', async () => {
  const fx = await aCaseForReferral();
  await sendReferral(fx);
  await fx.db.deleteFrom('pua_referral').execute(); // the template row is copied below, not counted
  await sendReferral(fx);
  await copies(fx, 'AN', 11, '2026-11-04'); // answered in 2 working days
  await copies(fx, 'AN', 10, null);
  await copies(fx, 'MC', 3, '2026-11-04');
  await fx.db.deleteFrom('pua_referral').where('municipality_istat', '=', '042002').execute();
  const analyst = await aUser(fx.db, 'analista');

  const res = await request(fx.app)
    .get('/api/referrals/counts')
    .set(await authAs(fx.db, analyst));

  expect(res.status).toBe(200);
  const an = res.body.rows.find((r: { province: string }) => r.province === 'AN');
  const mc = res.body.rows.find((r: { province: string }) => r.province === 'MC');
  const ap = res.body.rows.find((r: { province: string }) => r.province === 'AP');
  expect(mc.referrals).toBe('<10');
  expect(ap).toMatchObject({ referrals: 0, answerTime: { within5: 0, unanswered: 0 } });
  expect(an.reasons.legal_status).toBe(0);
  // every published number is 0 or at least 10; the rest are `<10` or n.d.
  const cells = [res.body.total, ...res.body.rows].flatMap((r) => [
    r.referrals,
    ...Object.values(r.reasons),
    ...Object.values(r.answerTime),
  ]);
  expect(cells.filter((c) => !(c === 0 || c === '<10' || c === 'n.d.' || (typeof c === 'number' && c >= 10)))).toEqual(
    [],
  );
  expect(res.body.total.reasons.social).toBe(24); // 21 in AN + 3 in MC: the region's count stays
  // MC's 3 must not come back as the region's total less the other provinces
  expect(typeof res.body.total.referrals === 'number' && typeof an.referrals === 'number').toBe(false);
  expect(JSON.stringify(res.body)).not.toMatch(/"(id|name|lastName|studentId|birthDate|sentAt)"|Hoxha|2026-/);
  expect(
    await fx.db.selectFrom('audit_log').select('user_id').where('action', '=', 'referral.counts.read').execute(),
  ).toEqual([{ user_id: analyst.id }]);
});

test('GET /referrals/counts: when a mediator or a PUA asks, then 403', async () => {
  const fx = await aCaseForReferral();

  for (const user of [fx.mediator, fx.pua]) {
    const res = await request(fx.app)
      .get('/api/referrals/counts')
      .set(await authAs(fx.db, user));
    expect(res.status).toBe(403);
  }
});
