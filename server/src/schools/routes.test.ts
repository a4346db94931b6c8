import request from 'supertest';
import { describe, expect, test } from 'vitest';
import { createApp } from '../app';
import { aUser, authAs } from '../testing/auth-as';
import { aClass, aSchool, aStudent, anEnrolment } from '../testing/factories';
import { createTestDb, testConfig } from '../testing/test-db';

describe('GET /api/schools', () => {
  test('when schools exist in two provinces, then filtering by province returns only that one with counts', async () => {
    const db = await createTestDb();
    const ancona = await aSchool(db, { code: 'ANPS03000E', name: 'G. GALILEI', province_code: 'AN' });
    await aSchool(db, { code: 'PSPS01000A', name: 'MARCONI', province_code: 'PU' });
    const cls = await aClass(db, ancona.id, { name: '3A' });
    const [a, b, left] = [await aStudent(db), await aStudent(db), await aStudent(db)];
    await anEnrolment(db, a.id, cls.id);
    await anEnrolment(db, b.id, cls.id);
    await anEnrolment(db, left.id, cls.id, { left_on: '2026-01-10' });

    const res = await request(createApp({ db, config: testConfig }))
      .get('/api/schools?province=AN')
      .set(await authAs(db, await aUser(db, 'admin')));

    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([
      // the student who left in January is still counted: enrolled on some day of the year, last here
      expect.objectContaining({ code: 'ANPS03000E', name: 'G. GALILEI', province: 'AN', classes: 1, students: 3 }),
    ]);
  });

  test('when a newer school year has no data yet, then schools and provinces count the year with data, the one the aggregates answer (issue 20)', async () => {
    const db = await createTestDb();
    const school = await aSchool(db, { code: 'ANPS03000E', province_code: 'AN' });
    const cls = await aClass(db, school.id, { year: '2025/26' });
    for (let i = 0; i < 3; i++) await anEnrolment(db, (await aStudent(db)).id, cls.id);
    await aClass(db, school.id, { year: '2026/27' }); // the new year's row and a class, nobody enrolled yet
    const app = createApp({ db, config: testConfig });
    const as = await authAs(db, await aUser(db, 'admin'));

    const [schools, provinces, years] = await Promise.all([
      request(app).get('/api/schools').set(as),
      request(app).get('/api/provinces').set(as),
      request(app).get('/api/aggregates/years').set(as),
    ]);

    expect(years.body.current).toBe('2025/26');
    expect(schools.body.items).toEqual([expect.objectContaining({ code: 'ANPS03000E', students: 3 })]);
    expect(provinces.body.items).toContainEqual(expect.objectContaining({ code: 'AN', students: 3 }));
  });

  test('when a school is a paritaria, then the list marks it and the state school not', async () => {
    const db = await createTestDb();
    await aSchool(db, { code: 'ANPS03000E', name: 'G. GALILEI' });
    const paritaria = await aSchool(db, { code: 'AN1A00700Y', name: 'LICEO PARITARIO DI PROVA' });
    await db.updateTable('school').set({ paritaria: 1 }).where('id', '=', paritaria.id).execute();

    const res = await request(createApp({ db, config: testConfig }))
      .get('/api/schools')
      .set(await authAs(db, await aUser(db, 'admin')));

    expect(res.body.items.map((s: { code: string; paritaria: boolean }) => [s.code, s.paritaria]).sort()).toEqual([
      ['AN1A00700Y', true],
      ['ANPS03000E', false],
    ]);
  });

  test('when the province is not one of the Marche, then 400 in the error envelope', async () => {
    const db = await createTestDb();

    const res = await request(createApp({ db, config: testConfig }))
      .get('/api/schools?province=RM')
      .set(await authAs(db, await aUser(db, 'admin')));

    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      error: {
        code: 'validation_failed',
        message: 'Richiesta non valida',
        details: [expect.objectContaining({ path: 'province' })],
      },
    });
  });

  test('when searching by municipality text, then matching schools are returned', async () => {
    const db = await createTestDb();
    await aSchool(db, { code: 'ANPS03000E', name: 'G. GALILEI' });
    await aSchool(db, { code: 'ANPS01000X', name: 'ALTRA' });

    const res = await request(createApp({ db, config: testConfig }))
      .get('/api/schools?q=galilei')
      .set(await authAs(db, await aUser(db, 'analista')));

    expect(res.body.items.map((s: { code: string }) => s.code)).toEqual(['ANPS03000E']);
  });
});

describe('GET /api/schools/:code', () => {
  test('when the school exists, then it comes with its classes of the current year', async () => {
    const db = await createTestDb();
    const school = await aSchool(db, { code: 'ANPS03000E' });
    await aClass(db, school.id, { name: '1A', year: '2024/25' });
    const current = await aClass(db, school.id, { name: '3A', year: '2025/26' });

    const res = await request(createApp({ db, config: testConfig }))
      .get('/api/schools/anps03000e')
      .set(await authAs(db, await aUser(db, 'referente', { schoolIds: [school.id] })));

    expect(res.status).toBe(200);
    expect(res.body.classList).toEqual([
      {
        id: current.id,
        name: '3A',
        schoolYear: '2025/26',
        gradeLevel: 3,
        track: 'liceo',
        weeklyHours: 30,
        annualHours: 990,
        students: 0,
      },
    ]);
  });

  test('when no school has the code, then 404 not_found', async () => {
    const db = await createTestDb();

    const res = await request(createApp({ db, config: testConfig }))
      .get('/api/schools/ANPS99999Z')
      .set(await authAs(db, await aUser(db, 'admin')));

    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('not_found');
  });
});

describe('schools: scope', () => {
  test('when a referent lists schools, then only their own school comes back', async () => {
    const db = await createTestDb();
    const own = await aSchool(db, { code: 'ANPS03000E' });
    await aSchool(db, { code: 'PSPS01000A' });
    const referent = await aUser(db, 'referente', { schoolIds: [own.id] });

    const res = await request(createApp({ db, config: testConfig }))
      .get('/api/schools')
      .set(await authAs(db, referent));

    expect(res.body.items.map((s: { code: string }) => s.code)).toEqual(['ANPS03000E']);
  });

  test('when a referent opens another school, then 404 (as for a code that does not exist) and the refusal is in the audit log', async () => {
    const db = await createTestDb();
    const own = await aSchool(db, { code: 'ANPS03000E' });
    await aSchool(db, { code: 'PSPS01000A' });
    const referent = await aUser(db, 'referente', { schoolIds: [own.id] });

    const res = await request(createApp({ db, config: testConfig }))
      .get('/api/schools/PSPS01000A')
      .set(await authAs(db, referent));

    expect(res.status).toBe(404);
    expect(await db.selectFrom('audit_log').select(['user_id', 'action', 'outcome', 'path']).execute()).toEqual([
      { user_id: referent.id, action: 'access.denied', outcome: 'denied', path: '/api/schools/PSPS01000A' },
    ]);
  });

  test('when the analyst opens a school, then it comes without classes', async () => {
    const db = await createTestDb();
    const school = await aSchool(db, { code: 'ANPS03000E' });
    await aClass(db, school.id, { name: '3A' });

    const res = await request(createApp({ db, config: testConfig }))
      .get('/api/schools/ANPS03000E')
      .set(await authAs(db, await aUser(db, 'analista')));

    expect(res.status).toBe(200);
    expect(res.body.classList).toEqual([]);
  });

  test('when nobody is signed in, then 401', async () => {
    const db = await createTestDb();

    const res = await request(createApp({ db, config: testConfig })).get('/api/schools');

    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('unauthenticated');
  });
});
