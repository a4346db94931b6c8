import { expect, test } from 'vitest';
import { aUser } from '../testing/auth-as';
import { aClass, aSchool, aStudent, anEnrolment } from '../testing/factories';
import { createTestDb } from '../testing/test-db';
import { listIncoming } from '../arrivals/repository';
import { plantDemoArrivals } from './plant-arrivals';

test('plantDemoArrivals: when the demo region has a referent, then their school has one arrival in each state', async () => {
  const db = await createTestDb();
  const mine = await aSchool(db, { code: 'ANIS00000X' });
  const other = await aSchool(db, { code: 'PSIS00000Y' });
  const cls = await aClass(db, other.id, { name: '2B' });
  for (let i = 0; i < 5; i++) await anEnrolment(db, (await aStudent(db)).id, cls.id);
  await db
    .insertInto('app_user')
    .values({ email: 'admin@demo.primm.it', display_name: 'Admin', role: 'admin', password_hash: null, created_at: '' })
    .execute();
  const referent = await aUser(db, 'referente', { schoolIds: [mine.id] });
  await db.updateTable('app_user').set({ email: 'referente@demo.primm.it' }).where('id', '=', referent.id).execute();

  const planted = await plantDemoArrivals(db, '2026-12-06');

  expect(planted).toBe(4);
  const items = await listIncoming(db, [mine.id], '2026-12-06');
  expect(items.map((a) => [a.status, a.overdue])).toEqual([
    ['pending', true],
    ['pending', false],
    ['no_show', false], // answered ones by action date, after the pending
    ['enrolled', false],
  ]);
  const arrived = await db.selectFrom('case_action').select('arrived').orderBy('id').execute();
  expect(arrived.map((a) => a.arrived)).toEqual([null, null, 1, 0]);
});
