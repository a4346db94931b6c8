import request from 'supertest';
import { expect, test } from 'vitest';
import { createApp } from '../app';
import { authAs } from '../testing/auth-as';
import { aClass, aSchool, aStudent, anEnrolment } from '../testing/factories';
import { createTestDb, testConfig } from '../testing/test-db';
import { plantDemoReferrals } from './plant-referrals';

const ANCONA = '042002';

/** A school of 6 students resident in Ancona, the demo admin and the demo PUA serving Ancona. */
async function aDemoRegion() {
  const db = await createTestDb();
  const school = await aSchool(db, { code: 'ANIS00000X' });
  const cls = await aClass(db, school.id, { name: '2B' });
  for (let i = 0; i < 6; i++) await anEnrolment(db, (await aStudent(db)).id, cls.id);
  await db
    .insertInto('app_user')
    .values({ email: 'admin@demo.primm.it', display_name: 'Admin', role: 'admin', password_hash: null, created_at: '' })
    .execute();
  const pua = await db
    .insertInto('app_user')
    .values({ email: 'pua@demo.primm.it', display_name: 'PUA', role: 'pua', password_hash: null, created_at: '' })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.insertInto('user_municipality').values({ user_id: pua.id, municipality_istat: ANCONA }).execute();
  return { db, pua };
}

test('plantDemoReferrals: when the demo PUA serves residents, then its inbox shows every state, overdue included', async () => {
  const { db, pua } = await aDemoRegion();

  const planted = await plantDemoReferrals(db, '2026-12-07');

  expect(planted).toBe(5);
  const now = new Date('2026-12-07T09:00:00Z');
  const app = createApp({ db, config: testConfig, now: () => now });
  const res = await request(app)
    .get('/api/referrals')
    .set(await authAs(db, { id: pua.id }, now));
  expect(res.status, res.text).toBe(200);
  const states = res.body.items.map(
    (r: { status: string; overdue: boolean }) => `${r.status}${r.overdue ? ' overdue' : ''}`,
  );
  expect(states.sort()).toEqual(['accepted', 'closed', 'declined', 'sent', 'sent overdue']);
  expect(await db.selectFrom('case_action').select('type').distinct().execute()).toEqual([{ type: 'pua_referral' }]);
});

test('plantDemoReferrals: when there is no demo PUA, then nothing is planted', async () => {
  const { db } = await aDemoRegion();
  await db.deleteFrom('user_municipality').execute();

  expect(await plantDemoReferrals(db, '2026-12-07')).toBe(0);
  expect(await db.selectFrom('pua_referral').select('id').execute()).toEqual([]);
});
