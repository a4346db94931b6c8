import { LevelPreview } from '@primm/shared/contracts/backtest';
import { RiskSettingsSaved } from '@primm/shared/contracts/risk';
import type { Role } from '@primm/shared/contracts/auth';
import request from 'supertest';
import { describe, expect, test } from 'vitest';
import { createApp } from '../app';
import type { Db } from '../db/open-database';
import { recomputeSchool } from '../recompute/recompute';
import { findLatestRiskSettings } from '../risk-settings/repository';
import { importFixtureSchool } from '../testing/fixture-school';
import { SAME_ORIGIN, aUser, authAs } from '../testing/auth-as';
import { createTestDb, testConfig } from '../testing/test-db';
import { AVERAGE_MODEL, aBacktestRun, itemsOf } from './test-past-year';

/**
 * The fixture school (ANPS03000E, class 3A): Hoxha at level 2 (overall average 5.5) and Rossi at
 * level 1 (6.25). With AVERAGE_MODEL their probabilities are σ(−1 + 3) ≈ 0.88 and σ(−1 + 1.5) ≈ 0.62.
 */
const app = (db: Db) => createApp({ db, config: testConfig });
const versions = async (db: Db) =>
  (await db.selectFrom('settings_version').select('version').orderBy('version').execute()).map((v) => v.version);
const auditActions = async (db: Db) =>
  (await db.selectFrom('audit_log').select('action').orderBy('id').execute()).map((a) => a.action);

async function withModel(db: Db) {
  const { version, ...data } = (await findLatestRiskSettings(db)).data;
  await db
    .insertInto('settings_version')
    .values({
      version: version + 1,
      data: JSON.stringify({ ...data, model: AVERAGE_MODEL }),
      note: null,
      created_at: new Date().toISOString(),
      created_by: null,
    })
    .execute();
}

async function asAdmin(db: Db) {
  return { ...SAME_ORIGIN, ...(await authAs(db, await aUser(db, 'admin'))) };
}

describe('POST /api/risk/levels/preview', () => {
  test('when the admin previews the rules, then each school counts its students per level from the stored results, as now; nothing is written', async () => {
    const db = await createTestDb();
    await importFixtureSchool(db);
    const headers = await asAdmin(db);
    const before = await versions(db);

    const res = await request(app(db))
      .post('/api/risk/levels/preview')
      .set(headers)
      .send({ basis: 'rules', level2From: 0.3, level3From: 0.6 });

    expect(LevelPreview.parse(res.body)).toEqual({
      choice: { basis: 'rules', level2From: 0.3, level3From: 0.6 },
      settingsVersion: 1,
      schools: [
        {
          code: 'ANPS03000E',
          name: expect.any(String),
          students: 2,
          levels: [1, 1, 0],
          current: [1, 1, 0],
          capacity: null,
        },
      ],
      region: { students: 2, levels: [1, 1, 0], current: [1, 1, 0] },
      backtest: null,
    });
    expect(await versions(db)).toEqual(before);
  });

  // Past students of the saved backtest: 40 at probability 0.1, 40 at 0.75, 20 at 0.95.
  test.each<[number, number, [number, number, number], [number, number, number]]>([
    [0.7, 0.9, [1, 1, 0], [40, 40, 20]], // Rossi 0.62 → 1, Hoxha 0.88 → 2
    [0.5, 0.8, [0, 1, 1], [40, 40, 20]], // Rossi → 2, Hoxha → 3
    [0.95, 0.99, [2, 0, 0], [80, 20, 0]],
  ])(
    'when the admin previews levels by probability from %d and %d, then the counts follow the model on the stored indicators, and the saved backtest is re-cut too',
    async (level2From, level3From, levels, past) => {
      const db = await createTestDb();
      await importFixtureSchool(db);
      await withModel(db);
      await aBacktestRun(db, [...itemsOf(40, 4, 1, 0.1), ...itemsOf(40, 24, 2, 0.75), ...itemsOf(20, 18, 3, 0.95)]);

      const res = await request(app(db))
        .post('/api/risk/levels/preview')
        .set(await asAdmin(db))
        .send({ basis: 'probability', level2From, level3From });

      expect(res.body.schools[0]).toMatchObject({ levels, current: [1, 1, 0] });
      expect(res.body.backtest.levels.map((l: { n: number }) => l.n)).toEqual(past);
    },
  );

  test('when levels by probability are asked without a model, then 400 and nothing is written', async () => {
    const db = await createTestDb();
    await importFixtureSchool(db);

    const res = await request(app(db))
      .post('/api/risk/levels/preview')
      .set(await asAdmin(db))
      .send({ basis: 'probability', level2From: 0.3, level3From: 0.6 });

    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/richiedono un modello/);
  });

  test.each<Role>(['referente', 'docente', 'mediatore', 'analista'])(
    'when a %s asks, then 403 and the refusal is audited',
    async (role) => {
      const db = await createTestDb();
      const { schoolId, classId } = await importFixtureSchool(db);
      const user = await aUser(db, role, { schoolIds: [schoolId], classIds: [classId] });

      const res = await request(app(db))
        .post('/api/risk/levels/preview')
        .set({ ...SAME_ORIGIN, ...(await authAs(db, user)) })
        .send({ basis: 'rules', level2From: 0.3, level3From: 0.6 });

      expect(res.status).toBe(403);
      expect(await auditActions(db)).toContain('access.denied');
    },
  );
});

describe('PUT /api/risk/levels', () => {
  test('when the admin saves cut points, then a new settings version holds them with the rest of the latest (model included), and the save is audited', async () => {
    const db = await createTestDb();
    await importFixtureSchool(db);
    await withModel(db);

    const res = await request(app(db))
      .put('/api/risk/levels')
      .set(await asAdmin(db))
      .send({ basis: 'probability', level2From: 0.4, level3From: 0.7 });

    expect(RiskSettingsSaved.parse(res.body)).toMatchObject({ version: 3, recomputeNeeded: true });
    const latest = await findLatestRiskSettings(db);
    expect(latest.data.levels).toEqual({ basis: 'probability', level2From: 0.4, level3From: 0.7 });
    expect(latest.data.model).toEqual(AVERAGE_MODEL);
    expect(await auditActions(db)).toContain('risk.levels.update');
  });

  test.each([
    [
      'levels by probability without a model',
      { basis: 'probability', level2From: 0.3, level3From: 0.6 },
      /richiedono un modello/,
    ],
    ['level 2 above level 3', { basis: 'rules', level2From: 0.7, level3From: 0.6 }, /livello 2 non può superare/],
    ['a share above 1', { basis: 'rules', level2From: 0.3, level3From: 1.6 }, /level3From/],
  ])('when the admin sends %s, then 400 and no version is written', async (_name, body, message) => {
    const db = await createTestDb();
    await importFixtureSchool(db);
    const before = await versions(db);

    const res = await request(app(db))
      .put('/api/risk/levels')
      .set(await asAdmin(db))
      .send(body);

    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body.error)).toMatch(message);
    expect(await versions(db)).toEqual(before);
  });

  test('when a referent tries, then 403 and no version is written', async () => {
    const db = await createTestDb();
    const { schoolId } = await importFixtureSchool(db);
    const before = await versions(db);
    const referent = await aUser(db, 'referente', { schoolIds: [schoolId] });

    const res = await request(app(db))
      .put('/api/risk/levels')
      .set({ ...SAME_ORIGIN, ...(await authAs(db, referent)) })
      .send({ basis: 'rules', level2From: 0.3, level3From: 0.6 });

    expect(res.status).toBe(403);
    expect(await versions(db)).toEqual(before);
  });
});

describe('school capacity and "the N most at risk"', () => {
  test('PUT /api/schools/:code/capacity: when the admin sets it, then it is stored and audited; null removes it', async () => {
    const db = await createTestDb();
    const { schoolId } = await importFixtureSchool(db);
    const headers = await asAdmin(db);

    const set = await request(app(db)).put('/api/schools/anps03000e/capacity').set(headers).send({ capacity: 25 });
    const stored = await db.selectFrom('school_risk_capacity').select(['school_id', 'capacity']).execute();
    const removed = await request(app(db))
      .put('/api/schools/ANPS03000E/capacity')
      .set(headers)
      .send({ capacity: null });

    expect(set.body).toEqual({ code: 'ANPS03000E', capacity: 25 });
    expect(stored).toEqual([{ school_id: schoolId, capacity: 25 }]);
    expect(removed.body).toEqual({ code: 'ANPS03000E', capacity: null });
    expect(await db.selectFrom('school_risk_capacity').selectAll().execute()).toEqual([]);
    expect((await auditActions(db)).filter((a) => a === 'school.capacity.update')).toHaveLength(2);
  });

  test.each([
    ['a referent of the school', 'referente', 'ANPS03000E', { capacity: 5 }, 403],
    ['an unknown school', 'admin', 'ANPS99999X', { capacity: 5 }, 404],
    ['zero students', 'admin', 'ANPS03000E', { capacity: 0 }, 400],
  ] as const)(
    'PUT /api/schools/:code/capacity: when %s, then %s and nothing is stored',
    async (_name, role, code, body, status) => {
      const db = await createTestDb();
      const { schoolId } = await importFixtureSchool(db);
      const user = await aUser(db, role, { schoolIds: [schoolId] });

      const res = await request(app(db))
        .put(`/api/schools/${code}/capacity`)
        .set({ ...SAME_ORIGIN, ...(await authAs(db, user)) })
        .send(body);

      expect(res.status).toBe(status);
      expect(await db.selectFrom('school_risk_capacity').selectAll().execute()).toEqual([]);
    },
  );

  test("GET /api/classes/:id/risk?top=capacity: when the school can follow 1 student, then the class list keeps the school's most at risk only; without a capacity, everyone", async () => {
    const db = await createTestDb();
    const { schoolId, classId, hoxha, rossi } = await importFixtureSchool(db);
    const teacher = await aUser(db, 'docente', { classIds: [classId] });
    const headers = await authAs(db, teacher);

    const unset = await request(app(db)).get(`/api/classes/${classId}/risk?top=capacity`).set(headers);
    await db
      .insertInto('school_risk_capacity')
      .values({ school_id: schoolId, capacity: 1, updated_at: '2026-01-01', updated_by: null })
      .execute();
    const top = await request(app(db)).get(`/api/classes/${classId}/risk?top=capacity`).set(headers);
    const all = await request(app(db)).get(`/api/classes/${classId}/risk`).set(headers);

    expect(unset.body.capacity).toBeNull();
    expect(unset.body.items.map((r: { studentId: number }) => r.studentId).sort()).toEqual([rossi, hoxha].sort());
    expect(top.body).toMatchObject({ capacity: 1, items: [{ studentId: hoxha }] });
    expect(top.body.items).toHaveLength(1);
    expect(all.body.items).toHaveLength(2);
    expect(all.body).not.toHaveProperty('capacity');
  });

  test('GET /api/schools/:code/risk?top=capacity: when a referent asks, then the N most at risk of the school', async () => {
    const db = await createTestDb();
    const { schoolId, hoxha } = await importFixtureSchool(db);
    await db
      .insertInto('school_risk_capacity')
      .values({ school_id: schoolId, capacity: 1, updated_at: '2026-01-01', updated_by: null })
      .execute();
    const referent = await aUser(db, 'referente', { schoolIds: [schoolId] });

    const res = await request(app(db))
      .get('/api/schools/ANPS03000E/risk?top=capacity')
      .set(await authAs(db, referent));

    expect(res.body).toMatchObject({ capacity: 1, items: [{ studentId: hoxha, className: '3A' }] });
    expect(res.body.items).toHaveLength(1);
  });
});

describe('probability in the lists', () => {
  test('when the settings gain a model and the school is recomputed, then every list row carries the probability beside the level; before, null', async () => {
    const db = await createTestDb();
    const { schoolId, classId, hoxha, rossi } = await importFixtureSchool(db);
    const teacher = await aUser(db, 'docente', { classIds: [classId] });
    const list = async () =>
      (
        await request(app(db))
          .get(`/api/classes/${classId}/risk?sort=name`)
          .set(await authAs(db, teacher))
      ).body.items as { studentId: number; probability: number | null }[];
    const before = await list();

    await withModel(db);
    await recomputeSchool(db, schoolId);
    const after = await list();

    expect(before.map((r) => r.probability)).toEqual([null, null]);
    const p = Object.fromEntries(after.map((r) => [r.studentId, r.probability]));
    expect(p[hoxha]).toBeCloseTo(1 / (1 + Math.exp(-2)), 6); // σ(−1 − 2 × (5.5 − 7))
    expect(p[rossi]).toBeCloseTo(1 / (1 + Math.exp(-0.5)), 6); // σ(−1 − 2 × (6.25 − 7))
  });
});
