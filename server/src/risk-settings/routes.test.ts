import request from 'supertest';
import { describe, expect, test } from 'vitest';
import { DEFAULT_RISK_SETTINGS } from '@primm/shared/risk/settings';
import { createApp } from '../app';
import { SAME_ORIGIN, aUser, authAs } from '../testing/auth-as';
import { createTestDb, testConfig } from '../testing/test-db';
import { insertRiskSettingsVersion } from './repository';
import { importFixtureSchool } from '../testing/fixture-school';

const { version: _v, ...defaults } = DEFAULT_RISK_SETTINGS;

describe('/api/settings/risk and /api/risk/recompute', () => {
  test('GET: when the admin asks on a fresh database, then version 1 with the defaults', async () => {
    const db = await createTestDb();
    const app = createApp({ db, config: testConfig });

    const res = await request(app)
      .get('/api/settings/risk')
      .set(await authAs(db, await aUser(db, 'admin')));

    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ version: 1, createdBy: null, data: DEFAULT_RISK_SETTINGS });
  });

  test.each(['referente', 'docente', 'mediatore', 'analista'] as const)(
    'when a %s reads, writes or recomputes, then 403 and no version is added',
    async (role) => {
      const db = await createTestDb();
      const app = createApp({ db, config: testConfig });
      const as = await authAs(db, await aUser(db, role, {}));

      const read = await request(app).get('/api/settings/risk').set(as);
      const write = await request(app).put('/api/settings/risk').set(as).set(SAME_ORIGIN).send(defaults);
      const recompute = await request(app).post('/api/risk/recompute').set(as).set(SAME_ORIGIN);

      expect([read.status, write.status, recompute.status]).toEqual([403, 403, 403]);
      expect(await db.selectFrom('settings_version').select('version').execute()).toEqual([]);
    },
  );

  test('PUT: when the admin saves new thresholds, then version 2 with a hint, and a later recompute records version 2', async () => {
    const db = await createTestDb();
    await importFixtureSchool(db);
    const app = createApp({ db, config: testConfig });
    const admin = await aUser(db, 'admin');
    const as = await authAs(db, admin);
    const changed = { ...defaults, grades: { ...defaults.grades, averageAttentionBelow: 7 } };

    const put = await request(app).put('/api/settings/risk').set(as).set(SAME_ORIGIN).send(changed);
    const before = await db.selectFrom('risk_result').select('settings_version').execute();
    const recompute = await request(app).post('/api/risk/recompute').set(as).set(SAME_ORIGIN);

    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({
      version: 2,
      createdBy: admin.display_name,
      recomputeNeeded: true,
      data: { version: 2, grades: { averageAttentionBelow: 7 } },
    });
    expect(before).toEqual([{ settings_version: 1 }, { settings_version: 1 }]); // not recomputed on save
    expect(recompute.body).toMatchObject({ students: 2, written: 2, unchanged: 0 });
    expect(await db.selectFrom('risk_result').select('settings_version').execute()).toEqual([
      { settings_version: 2 },
      { settings_version: 2 },
    ]);
    // In the order written: without ORDER BY, PostgreSQL returns a reused database's rows in whatever
    // order its pages hold them (seen in a run of the whole project).
    expect((await db.selectFrom('audit_log').select('action').orderBy('id').execute()).map((a) => a.action)).toEqual([
      'risk.settings.update',
      'risk.recompute',
    ]);
  });

  test('PUT: when the thresholds page saves without the model and the level cut points, then the latest ones are kept; sent explicitly, they are replaced', async () => {
    const db = await createTestDb();
    const app = createApp({ db, config: testConfig });
    const admin = await aUser(db, 'admin');
    const as = await authAs(db, admin);
    const model = {
      kind: 'logistic' as const,
      features: ['grade_average' as const],
      intercept: -1,
      coefficients: [-0.8],
      means: [6.8],
      sds: [1.1],
      ridge: 1,
      fittedOn: { description: 'a.s. 2024/25 al 31/01', students: 900, badOutcomes: 80 },
    };
    await insertRiskSettingsVersion(
      db,
      { ...defaults, model, levels: { basis: 'probability', level2From: 0.25, level3From: 0.5 } },
      admin.id,
    );
    const { model: _m, levels: _l, ...thresholdsOnly } = defaults;

    const kept = await request(app).put('/api/settings/risk').set(as).set(SAME_ORIGIN).send(thresholdsOnly);
    const dropped = await request(app)
      .put('/api/settings/risk')
      .set(as)
      .set(SAME_ORIGIN)
      .send({ ...thresholdsOnly, model: null });

    expect(kept.body).toMatchObject({
      version: 3,
      data: { model, levels: { basis: 'probability', level2From: 0.25 } },
    });
    expect(dropped.body).toMatchObject({ version: 4, data: { model: null, levels: { basis: 'probability' } } });
  });

  test('PUT: when a threshold is out of range, then 400 and no new version', async () => {
    const db = await createTestDb();
    const app = createApp({ db, config: testConfig });
    const as = await authAs(db, await aUser(db, 'admin'));
    await request(app).get('/api/settings/risk').set(as);

    const res = await request(app)
      .put('/api/settings/risk')
      .set(as)
      .set(SAME_ORIGIN)
      .send({ ...defaults, projection: { ...defaults.projection, maxAbsenceShare: 25 } });

    expect(res.status).toBe(400);
    expect(await db.selectFrom('settings_version').select('version').execute()).toEqual([{ version: 1 }]);
  });

  test('PUT: when a high threshold is milder than its attention threshold, then 400 naming the field, and no new version', async () => {
    const db = await createTestDb();
    const app = createApp({ db, config: testConfig });
    const as = await authAs(db, await aUser(db, 'admin'));
    await request(app).get('/api/settings/risk').set(as);

    const res = await request(app)
      .put('/api/settings/risk')
      .set(as)
      .set(SAME_ORIGIN)
      .send({ ...defaults, conduct: { highAtOrBelow: 8, attentionAtOrBelow: 7 } });

    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({
      code: 'validation_failed',
      details: [{ path: 'conduct.highAtOrBelow', message: expect.stringMatching(/^Il voto per il livello alto/) }],
    });
    expect(await db.selectFrom('settings_version').select('version').execute()).toEqual([{ version: 1 }]);
  });

  test('PUT: when two admins save at once, then two versions one after the other, no error', async () => {
    const db = await createTestDb();
    const app = createApp({ db, config: testConfig });
    const [a, b] = [await authAs(db, await aUser(db, 'admin')), await authAs(db, await aUser(db, 'admin'))];
    await request(app).get('/api/settings/risk').set(a);

    const saves = await Promise.all(
      [a, b, a, b].map((as, i) =>
        request(app)
          .put('/api/settings/risk')
          .set(as)
          .set(SAME_ORIGIN)
          .send({ ...defaults, grades: { ...defaults.grades, averageAttentionBelow: 6.5 + i / 10 } }),
      ),
    );

    expect(saves.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    expect(saves.map((r) => r.body.version as number).sort()).toEqual([2, 3, 4, 5]);
    expect(await db.selectFrom('settings_version').select('version').orderBy('version').execute()).toEqual(
      [1, 2, 3, 4, 5].map((version) => ({ version })),
    );
  });
});
