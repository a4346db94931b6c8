import request from 'supertest';
import { expect, test } from 'vitest';
import { createApp } from '../app';
import { aUser, authAs } from '../testing/auth-as';
import { aClass, aSchool, aStudent, anEnrolment } from '../testing/factories';
import { createTestDb, testConfig } from '../testing/test-db';
import { plantDemoMunicipalityInbox } from './plant-municipality-inbox';

const SENIGALLIA = '042045';
const NOW = new Date('2026-12-07T10:00:00Z');

/** A school outside the referent's scope with four 14-year-olds of Senigallia, the demo admin and the demo office. */
async function aDemoRegion() {
  const db = await createTestDb();
  const school = await aSchool(db, { code: 'ANIS00000X' });
  const cls = await aClass(db, school.id, { name: '1A' });
  for (let i = 0; i < 4; i++) {
    const s = await aStudent(db, { last_name: `Studente${i}` });
    await db
      .updateTable('student')
      .set({ birth_date: '2011-09-01', residence_istat: SENIGALLIA })
      .where('id', '=', s.id)
      .execute();
    await anEnrolment(db, s.id, cls.id);
  }
  const admin = await aUser(db, 'admin');
  await db.updateTable('app_user').set({ email: 'admin@demo.primm.it' }).where('id', '=', admin.id).execute();
  const office = await aUser(db, 'comune', { municipalityCodes: [SENIGALLIA] });
  await db.updateTable('app_user').set({ email: 'comune@demo.primm.it' }).where('id', '=', office.id).execute();
  return { db, office };
}

test('plantDemoMunicipalityInbox: when the demo is loaded, then the office sees a report to record, one overdue, one acknowledged with a measure, and a list acknowledged', async () => {
  const { db, office } = await aDemoRegion();

  const planted = await plantDemoMunicipalityInbox(db, undefined, undefined, NOW);

  expect(planted).toBe(4);
  const res = await request(createApp({ db, config: testConfig, now: () => NOW }))
    .get('/api/municipality-inbox')
    .set(await authAs(db, office, NOW));
  expect(
    res.body.items.map((i: { kind: string; status: string; measureCount: number; students: number }) => [
      i.kind,
      i.status,
      i.measureCount,
      i.students,
    ]),
  ).toEqual([
    ['mayor_report', 'delivered', 0, 1],
    ['mayor_report', 'overdue', 0, 1],
    ['mayor_report', 'acknowledged', 1, 1],
    ['october_list', 'acknowledged', 0, 4],
  ]);
});

test('plantDemoMunicipalityInbox: when there is no office account, then nothing is written', async () => {
  const { db } = await aDemoRegion();
  await db.deleteFrom('user_municipality').execute();

  expect(await plantDemoMunicipalityInbox(db, undefined, undefined, NOW)).toBe(0);
  expect(await db.selectFrom('municipality_inbox_item').select('id').execute()).toEqual([]);
});

test('plantDemoMunicipalityInbox: when no school outside the journeys has three residents under the obligation, then three students of one school become residents and every state is planted', async () => {
  const { db } = await aDemoRegion();
  await db.updateTable('student').set({ residence_istat: '042002' }).execute(); // all of them live in Ancona

  expect(await plantDemoMunicipalityInbox(db, undefined, undefined, NOW)).toBe(4);
  expect(await db.selectFrom('student').select('id').where('residence_istat', '=', SENIGALLIA).execute()).toHaveLength(
    3,
  );
  expect(
    (await db.selectFrom('municipality_inbox_item').select('kind').orderBy('id').execute()).map((i) => i.kind),
  ).toEqual(['mayor_report', 'mayor_report', 'mayor_report', 'october_list']);
});
