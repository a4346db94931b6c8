import { RiskLegend } from '@primm/shared/contracts/risk-legend';
import { BacktestRun } from '@primm/shared/contracts/backtest';
import type { Role } from '@primm/shared/contracts/auth';
import request from 'supertest';
import { describe, expect, test } from 'vitest';
import { createApp } from '../app';
import type { Db } from '../db/open-database';
import { findLatestRiskSettings } from '../risk-settings/repository';
import { SAME_ORIGIN, aUser, authAs } from '../testing/auth-as';
import { createTestDb, testConfig } from '../testing/test-db';
import { settleBacktestRuns } from './background-runs';
import { AVERAGE_MODEL, aBacktestRun, aReport, aSchoolWithPastYear, itemsOf } from './test-past-year';

const app = (db: Db) => createApp({ db, config: testConfig });
const auditActions = async (db: Db) =>
  (await db.selectFrom('audit_log').select('action').orderBy('id').execute()).map((a) => a.action);
const backtestRows = async (db: Db) => db.selectFrom('risk_backtest').select(['id', 'status', 'saved_at']).execute();

describe('GET /api/risk/legend', () => {
  test.each<Role>(['admin', 'referente', 'docente', 'mediatore', 'analista'])(
    'when no backtest was saved and a %s asks, then the levels are not validated yet',
    async (role) => {
      const db = await createTestDb();
      await aBacktestRun(db, itemsOf(50, 10, 1), { savedAt: null }); // run, never saved: not the legend
      const user = await aUser(db, role);

      const res = await request(app(db))
        .get('/api/risk/legend')
        .set(await authAs(db, user));

      expect(res.status).toBe(200);
      expect(res.body).toEqual({ validated: false });
    },
  );

  test('when a backtest was saved, then each level says what it meant, with the counts under 10 (and the rates that would give them back) withheld', async () => {
    const db = await createTestDb();
    // Level 1: 200 students, 20 bad; level 2: 40, 4 bad (a small cell); level 3: 6 students.
    await aBacktestRun(db, [...itemsOf(200, 20, 1), ...itemsOf(40, 4, 2), ...itemsOf(6, 4, 3)], {
      report: aReport({ n: 246 }),
    });
    await aBacktestRun(db, itemsOf(10, 10, 3), { savedAt: '2025-12-01T10:00:00.000Z' }); // saved earlier: superseded
    const teacher = await aUser(db, 'docente');

    const res = await request(app(db))
      .get('/api/risk/legend')
      .set(await authAs(db, teacher));

    expect(RiskLegend.parse(res.body)).toEqual({
      validated: true,
      schoolYear: '2024/25',
      asOf: '2025-01-31',
      computedAt: '2026-01-10T10:00:00.000Z',
      settingsVersion: 1,
      students: 246,
      levels: [
        { level: 1, n: 200, badRate: 0.1, ciLow: expect.closeTo(0.0658, 3), ciHigh: expect.closeTo(0.1495, 3) },
        { level: 2, n: 40, badRate: null, ciLow: null, ciHigh: null },
        { level: 3, n: null, badRate: null, ciLow: null, ciHigh: null },
      ],
    });
  });

  test('when the admin saves new cut points, then the legend is the saved backtest re-cut with them', async () => {
    const db = await createTestDb();
    await insertModel(db);
    // All at rules level 1; by probability: 100 students at 0.2 (10 bad), 30 at 0.5 (12 bad), 50 at 0.8 (35 bad).
    await aBacktestRun(db, [...itemsOf(100, 10, 1, 0.2), ...itemsOf(30, 12, 1, 0.5), ...itemsOf(50, 35, 1, 0.8)]);
    const admin = await aUser(db, 'admin');
    const headers = { ...SAME_ORIGIN, ...(await authAs(db, admin)) };
    const before = (await request(app(db)).get('/api/risk/legend').set(headers)).body as RiskLegend;

    const put = await request(app(db))
      .put('/api/risk/levels')
      .set(headers)
      .send({ basis: 'probability', level2From: 0.4, level3From: 0.7 });
    const after = (await request(app(db)).get('/api/risk/legend').set(headers)).body as RiskLegend;

    expect(put.status).toBe(200);
    expect(before.validated && before.levels.map((l) => l.n)).toEqual([180, null, null]);
    expect(after.validated && after.levels.map((l) => [l.n, l.badRate])).toEqual([
      [100, 0.1],
      [30, 0.4],
      [50, 0.7],
    ]);
  });

  test('when nobody is signed in, then 401', async () => {
    const db = await createTestDb();

    expect((await request(app(db)).get('/api/risk/legend')).status).toBe(401);
  });
});

describe('backtest runs', () => {
  test('POST /api/backtest/runs: when the admin runs 2024/25, then 202 at once, the run progresses to done with its report, and the start is audited', async () => {
    const db = await createTestDb();
    await aSchoolWithPastYear(db, { students: 12, bad: 4 });
    const admin = await aUser(db, 'admin');
    const headers = { ...SAME_ORIGIN, ...(await authAs(db, admin)) };

    const started = await request(app(db)).post('/api/backtest/runs').set(headers).send({ schoolYear: '2024/25' });
    await settleBacktestRuns(db);
    const done = await request(app(db)).get(`/api/backtest/runs/${started.body.id}`).set(headers);

    expect(started.status).toBe(202);
    expect(BacktestRun.parse(started.body)).toMatchObject({
      schoolYear: '2024/25',
      monthDay: null,
      status: 'running',
      report: null,
      savedAt: null,
    });
    expect(BacktestRun.parse(done.body)).toMatchObject({ status: 'done', done: 1, total: 1, error: null });
    // The four who missed October and November are level 2 (attendance below ¾) and were not admitted.
    expect(done.body.report).toMatchObject({ n: 12, positives: 4, cut_dates: ['2024-12-20'], source: 'registri' });
    expect(done.body.report.levels.map((l: { n: number; bad_rate: number | null }) => [l.n, l.bad_rate])).toEqual([
      [8, 0],
      [4, 1],
      [0, null],
    ]);
    expect(await auditActions(db)).toContain('risk.backtest.run');
  });

  test('GET /api/backtest: when the admin opens the page, then the past years with registers are offered, not the current one', async () => {
    const db = await createTestDb();
    await aSchoolWithPastYear(db);
    const admin = await aUser(db, 'admin');

    const res = await request(app(db))
      .get('/api/backtest')
      .set(await authAs(db, admin));

    expect(res.body).toEqual({ years: [{ schoolYear: '2024/25', source: 'registri' }], latestRun: null });
  });

  test.each<[string, object, number, RegExp]>([
    ['the current year', { schoolYear: '2025/26' }, 400, /anno concluso/],
    ['a year without data', { schoolYear: '2019/20' }, 404, /Nessun dato del 2019\/20/],
    ['a day that does not exist', { schoolYear: '2024/25', monthDay: '02-30' }, 400, /Giorno non valido/],
    ['a malformed year', { schoolYear: '24/25' }, 400, /2025\/26/],
  ])(
    'POST /api/backtest/runs: when asked for %s, then refused and no run is written',
    async (_name, body, status, message) => {
      const db = await createTestDb();
      await aSchoolWithPastYear(db);
      const admin = await aUser(db, 'admin');

      const res = await request(app(db))
        .post('/api/backtest/runs')
        .set({ ...SAME_ORIGIN, ...(await authAs(db, admin)) })
        .send(body);

      expect(res.status).toBe(status);
      expect(JSON.stringify(res.body.error)).toMatch(message);
      expect(await backtestRows(db)).toEqual([]);
    },
  );

  test.each([
    ['one started a minute ago is still running, then 409 and nothing is started', 60_000, 409, ['running']],
    [
      'one was left running by a server stopped two hours ago, then it is marked failed and the new one runs',
      2 * 3600_000,
      202,
      ['failed', 'done'],
    ],
  ])('POST /api/backtest/runs: when %s', async (_name, age, status, statuses) => {
    const db = await createTestDb();
    await aSchoolWithPastYear(db);
    const admin = await aUser(db, 'admin');
    await db
      .insertInto('risk_backtest')
      .values({
        school_year: '2024/25',
        month_day: null,
        status: 'running',
        started_by: null,
        started_at: new Date(Date.now() - age).toISOString(),
      })
      .execute();

    const res = await request(app(db))
      .post('/api/backtest/runs')
      .set({ ...SAME_ORIGIN, ...(await authAs(db, admin)) })
      .send({ schoolYear: '2024/25' });
    await settleBacktestRuns(db);

    expect(res.status).toBe(status);
    expect(
      (await db.selectFrom('risk_backtest').select('status').orderBy('id').execute()).map((r) => r.status),
    ).toEqual(statuses);
  });

  test.each<Role>(['referente', 'docente', 'mediatore', 'analista'])(
    'POST /api/backtest/runs: when a %s tries, then 403, the refusal is audited and no run is written',
    async (role) => {
      const db = await createTestDb();
      const { school } = await aSchoolWithPastYear(db);
      const user = await aUser(db, role, { schoolIds: [school.id] });

      const res = await request(app(db))
        .post('/api/backtest/runs')
        .set({ ...SAME_ORIGIN, ...(await authAs(db, user)) })
        .send({ schoolYear: '2024/25' });

      expect(res.status).toBe(403);
      expect(await backtestRows(db)).toEqual([]);
      expect(await auditActions(db)).toEqual(['access.denied']);
    },
  );

  test('POST /api/backtest/runs/:id/save: when the admin saves a finished run, then it is the legend and its model is in a new settings version with the rest of the latest', async () => {
    const db = await createTestDb();
    await aSchoolWithPastYear(db, { students: 12, bad: 4 });
    const admin = await aUser(db, 'admin');
    const headers = { ...SAME_ORIGIN, ...(await authAs(db, admin)) };
    const before = await findLatestRiskSettings(db);
    const started = await request(app(db)).post('/api/backtest/runs').set(headers).send({ schoolYear: '2024/25' });
    await settleBacktestRuns(db);

    const saved = await request(app(db)).post(`/api/backtest/runs/${started.body.id}/save`).set(headers);
    const legend = await request(app(db)).get('/api/risk/legend').set(headers);

    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ savedAt: expect.any(String), savedVersion: before.version + 1 });
    const latest = await findLatestRiskSettings(db);
    expect(latest.version).toBe(before.version + 1);
    expect(latest.data.model).toEqual(saved.body.report.model);
    expect({ ...latest.data, model: null, version: 0 }).toEqual({ ...before.data, model: null, version: 0 });
    expect(legend.body).toMatchObject({ validated: true, schoolYear: '2024/25', asOf: '2024-12-20', students: 12 });
    expect(await auditActions(db)).toEqual(expect.arrayContaining(['risk.backtest.run', 'risk.backtest.save']));
  });

  test('POST /api/backtest/runs/:id/save: when the run is still going, then 409 and nothing is saved', async () => {
    const db = await createTestDb();
    const admin = await aUser(db, 'admin');
    const run = await db
      .insertInto('risk_backtest')
      .values({
        school_year: '2024/25',
        month_day: null,
        status: 'running',
        started_at: new Date().toISOString(),
        started_by: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const versions = await db.selectFrom('settings_version').select('version').execute();

    const res = await request(app(db))
      .post(`/api/backtest/runs/${run.id}/save`)
      .set({ ...SAME_ORIGIN, ...(await authAs(db, admin)) });

    expect(res.status).toBe(409);
    expect(await backtestRows(db)).toEqual([{ id: run.id, status: 'running', saved_at: null }]);
    expect(await db.selectFrom('settings_version').select('version').execute()).toEqual(versions);
  });
});

/** A settings version 2 holding a model (as saving a backtest leaves it). */
async function insertModel(db: Db) {
  const { version: _v, ...data } = (await findLatestRiskSettings(db)).data;
  await db
    .insertInto('settings_version')
    .values({
      version: 2,
      data: JSON.stringify({ ...data, model: AVERAGE_MODEL }),
      note: null,
      created_at: new Date().toISOString(),
      created_by: null,
    })
    .execute();
}
