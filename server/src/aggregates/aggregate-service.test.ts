import { join, resolve } from 'node:path';
import { readdirSync } from 'node:fs';
import request from 'supertest';
import { describe, expect, test } from 'vitest';
import { createApp } from '../app';
import { repoRoot } from '../config';
import type { Db } from '../db/open-database';
import { SAME_ORIGIN, aUser, authAs } from '../testing/auth-as';
import { aClass, aSchool, aStudent, anEnrolment } from '../testing/factories';
import { createTestDb, testConfig } from '../testing/test-db';
import { createAggregateService } from './aggregate-service';

const fixture = resolve(repoRoot, 'fixtures/import/generator-format/ANPS03000E');

async function importFixture(app: ReturnType<typeof createApp>, db: Db): Promise<void> {
  const as = await authAs(db, await aUser(db, 'admin'));
  const upload = request(app).post('/api/imports').set(SAME_ORIGIN).set(as);
  for (const f of readdirSync(fixture))
    upload.attach('files', join(fixture, f), { filepath: `ANPS03000E/${f}`, contentType: 'text/csv' } as never);
  const preview = await upload;
  const commit = await request(app)
    .post(`/api/imports/${preview.body.uploadId}/commit`)
    .set(SAME_ORIGIN)
    .set(as)
    .send({});
  expect(commit.status).toBe(200);
}

// What the regional pages ask first (web/src/features/aggregates), with their own measures.
const FIRST_READS = [
  '/api/aggregates?groupBy=province&measures=students,tier1,tier2,tier3',
  '/api/aggregates?groupBy=province&measures=students,closedCases&compare=previous',
  '/api/aggregates?groupBy=citizenshipGroup&measures=students,flagged',
  '/api/aggregates?groupBy=province,citizenshipGroup&measures=students,tier1,tier2,tier3',
  '/api/aggregates?groupBy=school&province=AN&measures=students,tier1',
  '/api/aggregates/trend',
  '/api/fairness',
  '/api/fairness?compare=previous',
  '/api/what-works',
  '/api/what-works?by=school',
];

describe('aggregates after an import (issue 22.5)', () => {
  test('when an import is committed, then the tables are computed in the background and the first reads after it compute nothing', async () => {
    const db = await createTestDb();
    const aggregates = createAggregateService(db, { ...testConfig, warm: true, now: () => new Date('2026-03-01') });
    const app = createApp({ db, config: testConfig, aggregates });
    const analyst = await authAs(db, await aUser(db, 'analista'));

    await importFixture(app, db);
    await aggregates.idle();
    const computed = aggregates.stats.computed;
    const bodies = [];
    for (const path of FIRST_READS) bodies.push(await request(app).get(path).set(analyst));

    expect(aggregates.stats.warmRuns).toBeGreaterThan(0);
    expect(bodies.map((b) => b.status)).toEqual(FIRST_READS.map(() => 200));
    expect(aggregates.stats.computed).toBe(computed);
    // The warmed answers are those an app computing on demand gives.
    const cold = createApp({ db, config: testConfig });
    for (const [i, path] of FIRST_READS.entries())
      expect(bodies[i]!.body).toEqual((await request(cold).get(path).set(analyst)).body);
    // An import, every regional table warmed, then each computed again on demand: 2.0 s on an idle
    // machine with PostgreSQL, 5.2 s once under load: a timeout of its own.
  }, 30_000);

  test('when precomputing is off, then a background run freezes the due snapshots and computes no table, and the first read computes', async () => {
    const db = await createTestDb();
    const aggregates = createAggregateService(db, {
      ...testConfig,
      minCell: 1,
      warm: true,
      aggregatePrecompute: false,
      now: () => new Date('2025-02-02'),
    });
    const app = createApp({ db, config: { ...testConfig, minCell: 1 }, aggregates });
    const analyst = await authAs(db, await aUser(db, 'analista'));
    await twoYears(db, 12);

    aggregates.poke();
    await aggregates.idle();
    const computed = aggregates.stats.computed;
    await request(app).get(FIRST_READS[0]!).set(analyst);

    expect(aggregates.stats.warmRuns).toBe(1);
    expect(new Set((await snapshotRows(db)).map((r) => r.period_end))).toEqual(new Set(['2025-01-31']));
    expect(computed).toBe(2); // the fairness and the tables frozen at 2025-01-31, nothing more
    expect(aggregates.stats.computed).toBeGreaterThan(computed);
  });

  test('when warming is off, then the first read after an import computes (the counter the test above reads)', async () => {
    const db = await createTestDb();
    const aggregates = createAggregateService(db, { ...testConfig, warm: false });
    const app = createApp({ db, config: testConfig, aggregates });
    const analyst = await authAs(db, await aUser(db, 'analista'));

    await importFixture(app, db);
    await aggregates.idle();
    const computed = aggregates.stats.computed;
    await request(app).get(FIRST_READS[0]!).set(analyst);

    expect(aggregates.stats.warmRuns).toBe(0);
    expect(aggregates.stats.computed).toBeGreaterThan(computed);
  });
});

/** A school with a 2024/25 calendar (first quadrimestre to 31 January) and `n` students, and a 2025/26 class. */
async function twoYears(db: Db, n: number) {
  const school = await aSchool(db, { code: 'ANPS03000E' });
  const before = await aClass(db, school.id, { year: '2024/25' });
  const current = await aClass(db, school.id, { year: '2025/26' });
  await db
    .insertInto('school_calendar')
    .values({
      school_id: school.id,
      school_year_id: before.school_year_id,
      lessons_start: '2024-09-16',
      lessons_end: '2025-06-10',
    })
    .execute();
  await db
    .insertInto('term')
    .values([
      {
        school_id: school.id,
        school_year_id: before.school_year_id,
        seq: 1,
        name: 'Primo quadrimestre',
        starts_on: '2024-09-16',
        ends_on: '2025-01-31',
      },
      {
        school_id: school.id,
        school_year_id: before.school_year_id,
        seq: 2,
        name: 'Secondo quadrimestre',
        starts_on: '2025-02-01',
        ends_on: '2025-06-10',
      },
    ])
    .execute();
  for (let i = 0; i < n; i++) await anEnrolment(db, (await aStudent(db)).id, before.id, { entered_on: '2024-09-16' });
  for (let i = 0; i < n + 3; i++)
    await anEnrolment(db, (await aStudent(db)).id, current.id, { entered_on: '2025-09-15' });
  return { school, before, current };
}

const snapshotRows = (db: Db) =>
  db
    .selectFrom('aggregate_snapshot')
    .select(['period_end', 'request_key', 'counts', 'frozen_on'])
    .orderBy('id')
    .execute();

describe('frozen snapshots (issue 22.3)', () => {
  test('when a period end has passed, then its tables are frozen, and data arriving later leave them as they were', async () => {
    const db = await createTestDb();
    let today = '2025-02-02';
    const aggregates = createAggregateService(db, {
      ...testConfig,
      minCell: 1,
      warm: true,
      now: () => new Date(today),
    });
    const { before } = await twoYears(db, 12);

    aggregates.poke();
    await aggregates.idle();
    const first = await snapshotRows(db);
    // A student enrolled in March and one of January withdrawn in April: after the first period end.
    await anEnrolment(db, (await aStudent(db)).id, before.id, { entered_on: '2025-03-01' });
    const one = await db
      .selectFrom('enrolment')
      .select('id')
      .where('class_id', '=', before.id)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    await db
      .updateTable('enrolment')
      .set({ left_on: '2025-04-01', exit_reason: 'ritirato' })
      .where('id', '=', one.id)
      .execute();
    today = '2025-07-01';
    aggregates.poke();
    await aggregates.idle();
    const later = await snapshotRows(db);

    expect(new Set(first.map((r) => r.period_end))).toEqual(new Set(['2025-01-31']));
    expect(first.length).toBeGreaterThanOrEqual(5); // total, province, citizenship, cross, schools…
    expect(later.filter((r) => r.period_end === '2025-01-31')).toEqual(first);
    expect(new Set(later.map((r) => r.period_end))).toEqual(new Set(['2025-01-31', '2025-06-10']));
    const total = (rows: typeof first, end: string) =>
      JSON.parse(rows.find((r) => r.period_end === end && r.request_key === '[[],{}]')!.counts)[0].values;
    expect(total(later, '2025-01-31')).toMatchObject({ students: 12, withdrawn: 0 });
    expect(total(later, '2025-06-10')).toMatchObject({ students: 13, withdrawn: 1 });
  });

  test('GET /api/aggregates?compare=previous: when the previous year has a snapshot on or before the same date, then it is published beside this year, and later data do not change it', async () => {
    const db = await createTestDb();
    let today = '2025-02-02';
    const aggregates = createAggregateService(db, {
      ...testConfig,
      minCell: 1,
      warm: true,
      now: () => new Date(today),
    });
    const app = createApp({ db, config: { ...testConfig, minCell: 1 }, aggregates });
    const analyst = await authAs(db, await aUser(db, 'analista'));
    const { before } = await twoYears(db, 12);
    aggregates.poke();
    await aggregates.idle();
    today = '2026-03-01';
    const read = () =>
      request(app).get('/api/aggregates?groupBy=province&measures=students&compare=previous').set(analyst);

    const first = await read();
    await anEnrolment(db, (await aStudent(db)).id, before.id, { entered_on: '2025-03-01' });
    const second = await read();
    const live = await request(app).get('/api/aggregates?groupBy=province&measures=students&year=2024/25').set(analyst);

    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      year: '2025/26',
      total: { students: 15 },
      previous: {
        year: '2024/25',
        snapshot: { year: '2024/25', periodEnd: '2025-01-31', frozenOn: '2025-02-02' },
        measures: ['students'],
        rows: [{ group: { province: 'AN' }, values: { students: 12 } }],
        total: { students: 12 },
      },
    });
    expect(second.body.previous).toEqual(first.body.previous);
    expect(live.body.total.students).toBe(13);
    const audits = await db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('action', '=', 'aggregates.read')
      .execute();
    expect(audits).toHaveLength(3);
    expect(JSON.parse(audits[0]!.details!)).toMatchObject({ compare: 'previous' });
  });

  test('GET /api/fairness?compare=previous: when the previous year has a fairness snapshot on or before the same date, then its report is published beside this year, counting only the students enrolled by then, and later data do not change it', async () => {
    const db = await createTestDb();
    let today = '2025-02-02';
    const aggregates = createAggregateService(db, {
      ...testConfig,
      minCell: 1,
      warm: true,
      now: () => new Date(today),
    });
    const app = createApp({ db, config: { ...testConfig, minCell: 1 }, aggregates });
    const analyst = await authAs(db, await aUser(db, 'analista'));
    const { before } = await twoYears(db, 12);
    aggregates.poke();
    await aggregates.idle();
    // Enrolled after the period end: in the year as it is now, not in its snapshot.
    await anEnrolment(db, (await aStudent(db)).id, before.id, { entered_on: '2025-03-01' });
    today = '2026-03-01';
    const read = () => request(app).get('/api/fairness?compare=previous').set(analyst);
    const students = (report: { groups: { dimension: string; students: unknown }[] }) =>
      report.groups.filter((g) => g.dimension === 'sex').reduce((n, g) => n + Number(g.students), 0);

    const first = await read();
    await anEnrolment(db, (await aStudent(db)).id, before.id, { entered_on: '2025-04-01' });
    const second = await read();
    const plain = await request(app).get('/api/fairness').set(analyst);
    const live = await request(app).get('/api/fairness?year=2024/25').set(analyst);

    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      year: '2025/26',
      previous: {
        year: '2024/25',
        snapshot: { year: '2024/25', periodEnd: '2025-01-31', frozenOn: '2025-02-02' },
        outcomesAvailable: false,
      },
    });
    expect(students(first.body)).toBe(15);
    expect(students(first.body.previous)).toBe(12);
    expect(second.body.previous).toEqual(first.body.previous);
    expect(plain.body).not.toHaveProperty('previous');
    expect(students(live.body)).toBe(14);
    const frozen = await db
      .selectFrom('aggregate_snapshot')
      .select('period_end')
      .where('request_key', '=', 'fairness')
      .execute();
    expect(frozen.map((r) => r.period_end)).toEqual(['2025-01-31']);
    const audits = await db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'fairness.read')
      .orderBy('id')
      .execute();
    expect(audits.map((a) => JSON.parse(a.details!))).toEqual([
      { year: '2025/26', compare: 'previous' },
      { year: '2025/26', compare: 'previous' },
      { year: '2025/26' },
      { year: '2024/25' },
    ]);
  });

  test('GET /api/aggregates/history: when years have frozen snapshots, then each year with one gives its totals at its latest period end, oldest first, and the read is audited', async () => {
    const db = await createTestDb();
    let today = '2025-02-02';
    const aggregates = createAggregateService(db, {
      ...testConfig,
      minCell: 1,
      warm: true,
      now: () => new Date(today),
    });
    const app = createApp({ db, config: { ...testConfig, minCell: 1 }, aggregates });
    const analyst = await authAs(db, await aUser(db, 'analista'));
    const { before } = await twoYears(db, 12);
    aggregates.poke();
    await aggregates.idle();
    const early = await request(app).get('/api/aggregates/history').set(analyst);
    await anEnrolment(db, (await aStudent(db)).id, before.id, { entered_on: '2025-03-01' });
    today = '2025-07-01';
    aggregates.poke();
    await aggregates.idle();

    const res = await request(app).get('/api/aggregates/history').set(analyst);

    expect(early.body.years).toMatchObject([
      { year: '2024/25', snapshot: { periodEnd: '2025-01-31' }, total: { students: 12 } },
    ]);
    expect(res.status).toBe(200);
    // 2025/26 has no calendar, hence no period end and no snapshot: not in the trend.
    expect(res.body.years).toMatchObject([
      { year: '2024/25', snapshot: { year: '2024/25', periodEnd: '2025-06-10' }, rows: [], total: { students: 13 } },
    ]);
    const audits = await db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'aggregates.history.read')
      .execute();
    expect(audits).toHaveLength(2);
  });

  test('GET /api/fairness?compare=previous: when the previous year has no snapshot yet, then previous is null', async () => {
    const db = await createTestDb();
    const aggregates = createAggregateService(db, { ...testConfig, warm: false, now: () => new Date('2026-03-01') });
    const app = createApp({ db, config: testConfig, aggregates });
    await twoYears(db, 12);
    const analyst = await authAs(db, await aUser(db, 'analista'));

    const res = await request(app).get('/api/fairness?compare=previous').set(analyst);

    expect(res.status).toBe(200);
    expect(res.body.previous).toBeNull();
  });

  test('GET /api/aggregates?compare=previous: when the previous year has no snapshot yet, or the reader is a referent, then previous is null', async () => {
    const db = await createTestDb();
    const aggregates = createAggregateService(db, { ...testConfig, warm: false, now: () => new Date('2026-03-01') });
    const app = createApp({ db, config: testConfig, aggregates });
    const { school } = await twoYears(db, 12);
    const analyst = await authAs(db, await aUser(db, 'analista'));
    const referent = await authAs(db, await aUser(db, 'referente', { schoolIds: [school.id] }));

    const none = await request(app).get('/api/aggregates?groupBy=province&compare=previous').set(analyst);
    const asked = await request(app).get('/api/aggregates?groupBy=province').set(analyst);

    expect(none.body.previous).toBeNull();
    expect(asked.body).not.toHaveProperty('previous');
    const own = await request(app).get('/api/aggregates?groupBy=province&compare=previous').set(referent);
    expect(own.body.previous).toBeNull();
  });
});
