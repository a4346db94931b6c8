import { mkdtempSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { AggregateQuery, TrendQuery } from '@primm/shared/contracts/aggregates';
import { createApp } from '../app';
import { migrateToLatest } from '../db/migrate';
import { openSessionConnection, openSqlite, type Db } from '../db/open-database';
import { ensureReferenceData } from '../reference/load-reference';
import { aUser, authAs } from '../testing/auth-as';
import { onPostgres, testConfig } from '../testing/test-db';
import { ThreadedAggregates, aggregateThreadCode } from './aggregate-runner';
import { aggregatesHere, type AggregateJob } from './compute-aggregates';
import { aRandomRegion } from './random-region';
import { readDataVersion } from './result-cache';
import { aWideRegion } from './testing/wide-region';

/**
 * When a table's computation begins and ends, before the change and after it alike: counted and
 * suppressed here (countGroups called, publishCounts returned), or on the aggregates thread (its
 * start, its answer). The events go to `events` in order.
 */
const work = vi.hoisted(() => ({ events: [] as string[], waiting: [] as (() => void)[] }));
const started = () => work.waiting.splice(0).forEach((resolve) => resolve());
vi.mock('./count-groups', async (original) => {
  const real = await original<typeof import('./count-groups')>();
  return {
    ...real,
    countGroups: (...args: Parameters<typeof real.countGroups>) => (started(), real.countGroups(...args)),
  };
});
vi.mock('./publish-counts', async (original) => {
  const real = await original<typeof import('./publish-counts')>();
  return {
    ...real,
    publishCounts: (...args: Parameters<typeof real.publishCounts>) => {
      const body = real.publishCounts(...args);
      work.events.push('table computed');
      return body;
    },
  };
});
vi.mock('../what-works/compute', async (original) => {
  const real = await original<typeof import('../what-works/compute')>();
  return {
    ...real,
    measureCases: async (...args: Parameters<typeof real.measureCases>) => {
      started();
      const measured = await real.measureCases(...args);
      work.events.push('what-works computed');
      return measured;
    },
  };
});
vi.mock('node:worker_threads', async (original) => {
  const real = await original<typeof import('node:worker_threads')>();
  class Worker extends real.Worker {
    constructor(...args: ConstructorParameters<typeof real.Worker>) {
      super(...args);
      this.on('message', (reply: { body?: unknown }) =>
        work.events.push(
          reply.body && typeof reply.body === 'object' && 'flagToAction' in reply.body
            ? 'what-works computed'
            : 'table computed',
        ),
      );
      this.once('online', started);
    }
  }
  return { ...real, Worker, default: { ...real, Worker } };
});
const tableStarted = () => new Promise<void>((resolve) => work.waiting.push(resolve));

const settings = { minCell: 10, pseudonymKey: testConfig.pseudonymKey, aggregateNoise: 2 };

describe.skipIf(onPostgres)('aggregates on a SQLite file: computed on their own thread', () => {
  let dbPath: string;
  let db: Db;
  let year: { id: number; label: string };
  let thread: ThreadedAggregates;
  let here: ReturnType<typeof aggregatesHere>;

  beforeAll(async () => {
    dbPath = join(mkdtempSync(join(tmpdir(), 'primm-aggregate-thread-')), 'primm.sqlite');
    db = openSqlite(dbPath);
    await migrateToLatest(db);
    await ensureReferenceData(db);
    await aRandomRegion(db, 11);
    // 64 schools in all: school × citizenship group is just over the limit, school × sex well under it.
    await aWideRegion(db, { schools: 60, students: 2400, seed: 3 });
    year = await db
      .selectFrom('school_year')
      .select(['id', 'label'])
      .where('label', '=', '2025/26')
      .executeTakeFirstOrThrow();
    await aggregateThreadCode(); // bundled once per process, as a running server has it after its first request
    thread = new ThreadedAggregates({ source: { sqlite: dbPath }, settings });
    here = aggregatesHere(db, settings);
  }, 30_000);

  afterAll(async () => {
    await thread.close();
    await db.destroy();
  });

  const table = (query: string, only: number[] | null = null) => ({
    kind: 'table' as const,
    query: AggregateQuery.parse(Object.fromEntries(new URLSearchParams(query))),
    only,
  });
  test.each([
    ['a one-way table', table('groupBy=province')],
    ['a two-way table of 24 groups of a province', table('groupBy=school,sex&province=PU')],
    ['a two-way table with a filter (cross-query rule)', table('groupBy=gradeLevel,citizenshipGroup&sex=F')],
    ["a referent's table (two schools)", table('groupBy=school', [1, 2])],
    ['a table of 256 groups (refused: 400)', table('groupBy=school,citizenshipGroup')],
    ['the months of a province', { kind: 'trend' as const, query: TrendQuery.parse({ province: 'AN' }), only: null }],
    ['the fairness report', { kind: 'fairness' as const }],
  ])(
    'ThreadedAggregates: when %s is computed on the thread, then it equals the computation here',
    async (_name, job) => {
      const full = { ...job, version: await readDataVersion(db), year } as AggregateJob;
      const outcome = (p: Promise<unknown>) =>
        p.then(
          (body) => ({ body }),
          (err: { status?: number; code?: string; message: string }) => ({
            error: { status: err.status, code: err.code, message: err.message },
          }),
        );

      const [onThread, inProcess] = await Promise.all([outcome(thread.compute(full)), outcome(here.compute(full))]);

      expect(onThread).toEqual(inProcess);
      if (job.kind === 'table' && job.query.groupBy.length === 2 && !job.query.province && !job.query.sex) {
        expect(onThread).toEqual({
          error: {
            status: 400,
            code: 'validation_failed',
            message: expect.stringMatching(/^Tabella troppo grande \(256 gruppi/),
          },
        });
      }
    },
    10_000,
  );

  test('GET /api/aggregates: when /api/health is asked while a table is being computed, then health is answered before the table is done', async () => {
    const sessionDb = openSessionConnection({ dbPath }, db);
    const server: Server = createApp({ db, sessionDb, config: { ...testConfig, ...settings, dbPath } }).listen(0);
    const as = await authAs(db, await aUser(db, 'analista'));
    work.events.length = 0;
    const underway = tableStarted();

    const table = request(server)
      .get('/api/aggregates?groupBy=school,sex&province=PU')
      .set(as)
      .then((res) => res);
    await underway;
    // Before: the suppression ran on the event loop, and this request waited for all of it.
    const health = await request(server).get('/api/health');
    work.events.push('health answered');
    const res = await table;

    expect(health.status).toBe(200);
    expect(work.events).toEqual(['health answered', 'table computed']);
    expect(res.status).toBe(200);
    expect(res.body.rows.length).toBeGreaterThan(20);
    server.close();
    await sessionDb.destroy();
  }, 20_000);

  test('GET /api/what-works: when /api/health is asked while what-works computes, then health is answered before what-works is done', async () => {
    const sessionDb = openSessionConnection({ dbPath }, db);
    const server: Server = createApp({ db, sessionDb, config: { ...testConfig, ...settings, dbPath } }).listen(0);
    const as = await authAs(db, await aUser(db, 'analista'));
    work.events.length = 0;
    const underway = tableStarted();

    const whatWorks = request(server)
      .get('/api/what-works?by=province')
      .set(as)
      .then((res) => res);
    await underway;
    // Before: the series of every school with a case were read and matched on the event loop.
    const health = await request(server).get('/api/health');
    work.events.push('health answered');
    const res = await whatWorks;

    expect(health.status).toBe(200);
    expect(work.events).toEqual(['health answered', 'what-works computed']);
    expect(res.status).toBe(200);
    const dates = await db
      .selectFrom('school_year')
      .select(['starts_on', 'ends_on'])
      .where('id', '=', year.id)
      .executeTakeFirstOrThrow();
    const inProcess = await here.compute({
      kind: 'whatWorks',
      version: await readDataVersion(db),
      year: { ...year, startsOn: dates.starts_on, endsOn: dates.ends_on },
      only: null,
      by: 'province',
    });
    expect(res.body).toEqual(inProcess);
    expect(res.body.effects.length).toBeGreaterThan(0);
    server.close();
    await sessionDb.destroy();
  }, 20_000);
});
