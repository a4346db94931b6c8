import request from 'supertest';
import { expect, test } from 'vitest';
import { createApp } from '../app';
import { aUser, authAs } from '../testing/auth-as';
import { createTestDb, testConfig } from '../testing/test-db';

async function aRegionWithTwoMunicipalities() {
  const db = await createTestDb();
  await db.deleteFrom('municipality').execute();
  await db
    .insertInto('municipality')
    .values([
      { istat_code: '042045', name: 'Senigallia', province_code: 'AN', cadastral_code: 'I608', population: null },
      { istat_code: '042002', name: 'Ancona', province_code: 'AN', cadastral_code: 'A271', population: null },
    ])
    .execute();
  return db;
}

test('GET municipalities: when the admin asks, then every municipality by name', async () => {
  const db = await aRegionWithTwoMunicipalities();
  const admin = await aUser(db, 'admin');

  const res = await request(createApp({ db, config: testConfig }))
    .get('/api/municipalities')
    .set(await authAs(db, admin));

  expect(res.status).toBe(200);
  expect(res.body.items).toEqual([
    { istatCode: '042002', name: 'Ancona', provinceCode: 'AN' },
    { istatCode: '042045', name: 'Senigallia', provinceCode: 'AN' },
  ]);
});

test('GET municipalities: when a referent asks, then 403 and the refusal is logged', async () => {
  const db = await aRegionWithTwoMunicipalities();
  const referent = await aUser(db, 'referente');

  const res = await request(createApp({ db, config: testConfig }))
    .get('/api/municipalities')
    .set(await authAs(db, referent));

  expect(res.status).toBe(403);
  expect(await db.selectFrom('audit_log').select('action').execute()).toEqual([{ action: 'access.denied' }]);
});
