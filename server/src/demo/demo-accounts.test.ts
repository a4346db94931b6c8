import request from 'supertest';
import { describe, expect, test } from 'vitest';
import { createApp } from '../app';
import { aUser } from '../testing/auth-as';
import { aClass, aSchool } from '../testing/factories';
import { createTestDb, testConfig } from '../testing/test-db';
import { createDemoAccounts } from './demo-accounts';

async function aDemoSchool() {
  const db = await createTestDb();
  const school = await aSchool(db);
  await aClass(db, school.id);
  return db;
}

const emails = async (db: Awaited<ReturnType<typeof createTestDb>>) =>
  (await db.selectFrom('app_user').select('email').orderBy('email').execute()).map((u) => u.email);

describe('createDemoAccounts', () => {
  test('when the database has no users, then one account per role', async () => {
    const db = await aDemoSchool();

    await createDemoAccounts(db);

    expect(await emails(db)).toHaveLength(5);
  });

  test('when the database already has a real user, then it refuses and creates nothing', async () => {
    const db = await aDemoSchool();
    const admin = await aUser(db, 'admin');

    await expect(createDemoAccounts(db)).rejects.toThrow(/utenti reali/);

    expect(await emails(db)).toEqual([admin.email]);
  });
});

describe('GET /api/auth/demo-accounts', () => {
  test('when in demo mode with the demo accounts, then the five are listed with the password', async () => {
    const db = await aDemoSchool();
    await createDemoAccounts(db);

    const res = await request(createApp({ db, config: { ...testConfig, demo: true } })).get('/api/auth/demo-accounts');

    expect(res.body.password).toBe('demo-primm');
    expect(res.body.accounts.map((a: { role: string }) => a.role)).toEqual(['docente', 'mediatore', 'referente', 'analista', 'admin']);
  });

  test('when in demo mode but the demo accounts do not exist, then none is published', async () => {
    const db = await createTestDb();

    const res = await request(createApp({ db, config: { ...testConfig, demo: true } })).get('/api/auth/demo-accounts');

    expect(res.body).toEqual({ demo: true, password: null, accounts: [] });
  });
});
