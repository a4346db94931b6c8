import request from 'supertest';
import { describe, expect, test } from 'vitest';
import { createApp } from '../app';
import { aUser } from '../testing/auth-as';
import { aClass, aSchool, aStudent, anEnrolment } from '../testing/factories';
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

    expect(await emails(db)).toHaveLength(7);
  });

  test('when the school also has classes of past years, then the teacher gets classes of the current year', async () => {
    const db = await createTestDb();
    const school = await aSchool(db, { level: 'secondo_grado' });
    // the generator writes two past years (a8f03d8): their 1A come first by grade and name
    await aClass(db, school.id, { name: '1A', year: '2023/24' });
    await aClass(db, school.id, { name: '1A', year: '2024/25' });
    const current = [
      await aClass(db, school.id, { name: '1A', year: '2025/26' }),
      await aClass(db, school.id, { name: '1B', year: '2025/26' }),
    ];

    await createDemoAccounts(db);

    const assigned = await db
      .selectFrom('user_class')
      .innerJoin('app_user', 'app_user.id', 'user_class.user_id')
      .select('class_id')
      .where('email', '=', 'docente@demo.primm.it')
      .orderBy('class_id')
      .execute();
    expect(assigned.map((r) => r.class_id)).toEqual(current.map((c) => c.id));
  });

  test('when most students of the school live in one municipality, then the PUA and the municipality accounts serve it', async () => {
    const db = await createTestDb();
    const school = await aSchool(db, { level: 'secondo_grado' });
    const cls = await aClass(db, school.id);
    for (const residence of ['042002', '041014', '041014']) {
      const student = await aStudent(db);
      await db.updateTable('student').set({ residence_istat: residence }).where('id', '=', student.id).execute();
      await anEnrolment(db, student.id, cls.id);
    }

    await createDemoAccounts(db);

    const served = await db
      .selectFrom('user_municipality')
      .innerJoin('app_user', 'app_user.id', 'user_municipality.user_id')
      .select(['email', 'municipality_istat'])
      .orderBy('email')
      .execute();
    expect(served).toEqual([
      { email: 'comune@demo.primm.it', municipality_istat: '041014' },
      { email: 'pua@demo.primm.it', municipality_istat: '041014' },
    ]);
  });

  test('when the database already has a real user, then it refuses and creates nothing', async () => {
    const db = await aDemoSchool();
    const admin = await aUser(db, 'admin');

    await expect(createDemoAccounts(db)).rejects.toThrow(/utenti reali/);

    expect(await emails(db)).toEqual([admin.email]);
  });
});

describe('GET /api/auth/demo-accounts', () => {
  test('when in demo mode with the demo accounts, then the seven are listed with the password', async () => {
    const db = await aDemoSchool();
    await createDemoAccounts(db);

    const res = await request(createApp({ db, config: { ...testConfig, demo: true } })).get('/api/auth/demo-accounts');

    expect(res.body.password).toBe('demo-primm');
    expect(res.body.accounts.map((a: { role: string }) => a.role)).toEqual([
      'docente',
      'mediatore',
      'referente',
      'analista',
      'pua',
      'comune',
      'admin',
    ]);
  });

  test('when in demo mode but the demo accounts do not exist, then none is published', async () => {
    const db = await createTestDb();

    const res = await request(createApp({ db, config: { ...testConfig, demo: true } })).get('/api/auth/demo-accounts');

    expect(res.body).toEqual({ demo: true, password: null, accounts: [] });
  });
});
