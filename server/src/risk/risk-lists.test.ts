import type { KyselyPlugin } from 'kysely';
import request from 'supertest';
import { describe, expect, test } from 'vitest';
import { RISK_FEATURES, type RiskModel } from '@primm/shared/risk/risk-model';
import { createApp } from '../app';
import type { Db } from '../db/open-database';
import { aUser, authAs } from '../testing/auth-as';
import { createTestDb, onPostgres, testConfig } from '../testing/test-db';
import { classRiskQuery, listClassRisk } from './risk-lists';
import { storedRiskOfClass } from '../testing/stored-risk-of-class';
import { aClass, aSchool, aStudent } from '../testing/factories';
import { importFixtureSchool } from '../testing/fixture-school';

/** What the list sent before it had its own query: every stored field, the extras dropped (the probability is a list field since issue 18). */
async function listAsBefore(db: Db, classId: number) {
  return (await storedRiskOfClass(db, classId)).map(
    ({
      className: _c,
      schoolId: _s,
      schoolYearId: _y,
      tierExplanation: _t,
      tierMessage: _m,
      computedAt: _a,
      fullIndicators: _i,
      reasons: _r,
      reviews: _v,
      ...row
    }) => row,
  );
}

async function review(
  db: Db,
  studentId: number,
  userId: number,
  action: 'confirm' | 'dismiss' | 'override',
  tier: number | null,
  at: string,
) {
  const year = await db.selectFrom('school_year').select('id').where('label', '=', '2025/26').executeTakeFirstOrThrow();
  await db
    .insertInto('risk_review')
    .values({
      student_id: studentId,
      school_year_id: year.id,
      action,
      tier,
      computed_tier: 2,
      settings_version: 1,
      reason: `${action} ${at}`,
      user_id: userId,
      created_at: at,
    })
    .execute();
}

describe('listClassRisk', () => {
  test('when students have reviews (an override superseded at the same instant, an older review written later), then the rows are those of the student page (findStoredRisk), key for key', async () => {
    const db = await createTestDb();
    const { classId, rossi, hoxha } = await importFixtureSchool(db);
    const teacher = await aUser(db, 'docente', { classIds: [classId] });
    await review(db, hoxha, teacher.id, 'override', 3, '2026-02-01T10:00:00.000Z');
    await review(db, hoxha, teacher.id, 'confirm', null, '2026-02-01T10:00:00.000Z'); // same instant: the later id wins
    await review(db, rossi, teacher.id, 'override', 2, '2026-02-03T10:00:00.000Z');
    await review(db, rossi, teacher.id, 'dismiss', null, '2026-02-02T10:00:00.000Z'); // written later, but older

    const rows = await listClassRisk(db, classId);

    expect(JSON.stringify(rows)).toBe(JSON.stringify(await listAsBefore(db, classId)));
    expect(rows.map((r) => [r.studentId, r.computedTier, r.tier, r.review?.action])).toEqual([
      [hoxha, 2, 2, 'confirm'],
      [rossi, 1, 2, 'override'],
    ]);
  });

  test('GET /api/classes/:id/risk: when a teacher reads the list, then the body is the one the stored rows gave before, and one audit row names the students', async () => {
    const db = await createTestDb();
    const { classId, rossi, hoxha } = await importFixtureSchool(db);
    const teacher = await aUser(db, 'docente', { classIds: [classId] });
    await review(db, rossi, teacher.id, 'override', 3, '2026-02-03T10:00:00.000Z');

    const res = await request(createApp({ db, config: testConfig }))
      .get(`/api/classes/${classId}/risk?sort=name`)
      .set(await authAs(db, teacher));

    expect(res.text).toBe(JSON.stringify({ items: await listAsBefore(db, classId) })); // already in name order
    expect(await db.selectFrom('audit_log').select(['action', 'class_id', 'student_ids']).execute()).toEqual([
      { action: 'class.risk.read', class_id: classId, student_ids: JSON.stringify([hoxha, rossi]) },
    ]);
  });

  test('GET /api/classes/:id/risk: when students have flags, cases and art. 114 notices, then each row carries what is under way, in the one statement of the list', async () => {
    const db = await createTestDb();
    const { schoolId, classId, rossi, hoxha } = await importFixtureSchool(db);
    const teacher = await aUser(db, 'docente', { classIds: [classId] });
    const year = await db
      .selectFrom('school_year')
      .select('id')
      .where('label', '=', '2025/26')
      .executeTakeFirstOrThrow();
    const at = '2026-02-01T10:00:00.000Z';
    const flag = (studentId: number, resolved: boolean) => ({
      student_id: studentId,
      reason_code: 'assenze',
      reason: 'assente i lunedì',
      created_by: teacher.id,
      created_at: at,
      resolved_at: resolved ? at : null,
      resolved_by: resolved ? teacher.id : null,
    });
    await db
      .insertInto('flag')
      .values([flag(hoxha, false), flag(hoxha, false), flag(rossi, true)])
      .execute();
    const aCase = (studentId: number, status: 'open' | 'monitoring' | 'closed') => ({
      student_id: studentId,
      school_id: schoolId,
      opened_by: teacher.id,
      owner_id: teacher.id,
      opened_at: at,
      status,
      goal: 'rientro',
      closed_at: status === 'closed' ? at : null,
    });
    await db
      .insertInto('support_case')
      .values([aCase(hoxha, 'monitoring'), aCase(rossi, 'closed')])
      .execute();
    const notice = (studentId: number, triggered: string, over: { reported_on?: string; closed_on?: string }) => ({
      student_id: studentId,
      school_id: schoolId,
      school_year_id: year.id,
      triggered_on: triggered,
      days_counted: '[]',
      notified_on: triggered,
      notified_by: teacher.id,
      created_at: at,
      ...over,
    });
    // Hoxha: an earlier cycle closed by a return, then the mayor told; Rossi: a closed cycle only
    await db
      .insertInto('compulsory_notice')
      .values([
        notice(hoxha, '2025-11-10', { closed_on: '2025-12-01' }),
        notice(hoxha, '2026-01-12', { reported_on: '2026-01-22' }),
        notice(rossi, '2025-11-10', { closed_on: '2025-11-20' }),
      ])
      .execute();
    const seen: string[][] = []; // per query, which of these tables it reads
    const counting: KyselyPlugin = {
      transformQuery: ({ node }) => {
        const text = JSON.stringify(node);
        const tables = ['compulsory_notice', 'flag', 'risk_result', 'support_case'].filter((table) =>
          text.includes(`"name":"${table}"`),
        );
        if (tables.length > 0) seen.push(tables);
        return node;
      },
      transformResult: async ({ result }) => result,
    };

    const res = await request(createApp({ db: db.withPlugin(counting), config: testConfig }))
      .get(`/api/classes/${classId}/risk?sort=name`)
      .set(await authAs(db, teacher));

    expect(res.status).toBe(200);
    expect(res.body.items.map((r: { studentId: number; markers: unknown }) => [r.studentId, r.markers])).toEqual([
      [hoxha, { openFlags: 2, openCases: 1, compulsory: 'reported' }],
      [rossi, { openFlags: 0, openCases: 0, compulsory: null }],
    ]);
    expect(res.body.items.map((r: { probability: unknown }) => r.probability)).toEqual([null, null]); // no model in the default settings
    // one statement reads the results and the three tables of the markers, nothing else reads them
    // (built twice at its first use on a handle: compiledOnce's check)
    expect(seen).toEqual([
      ['compulsory_notice', 'flag', 'risk_result', 'support_case'],
      ['compulsory_notice', 'flag', 'risk_result', 'support_case'],
    ]);
  });

  test('GET /api/classes/:id/risk: when the settings version has a fitted model, then each row carries its probability, as the student page has it', async () => {
    const db = await createTestDb();
    const { classId, hoxha } = await importFixtureSchool(db);
    const teacher = await aUser(db, 'docente', { classIds: [classId] });
    const stored = await db
      .selectFrom('settings_version')
      .select(['version', 'data'])
      .orderBy('version', 'desc')
      .executeTakeFirstOrThrow();
    const model: RiskModel = {
      kind: 'logistic',
      features: [...RISK_FEATURES],
      intercept: -2,
      coefficients: RISK_FEATURES.map(() => 0.5),
      means: RISK_FEATURES.map(() => 0),
      sds: RISK_FEATURES.map(() => 1),
      ridge: 1,
      fittedOn: { description: 'test', students: 100, badOutcomes: 20 },
    };
    await db
      .updateTable('settings_version')
      .set({ data: JSON.stringify({ ...JSON.parse(stored.data), model }) })
      .where('version', '=', stored.version)
      .execute();
    const app = createApp({ db, config: testConfig });
    const auth = await authAs(db, teacher);

    const list = await request(app).get(`/api/classes/${classId}/risk`).set(auth);
    const detail = await request(app).get(`/api/students/${hoxha}/risk`).set(auth);

    const row = list.body.items.find((r: { studentId: number }) => r.studentId === hoxha);
    expect(detail.body.probability).toEqual(expect.any(Number));
    expect(row.probability).toBe(detail.body.probability);
  });

  test("GET /api/schools/:code/risk: when a mediator reads the school's list, then its rows are the class list's, key for key, with the class's name", async () => {
    const db = await createTestDb();
    const { schoolId, classId, rossi } = await importFixtureSchool(db);
    const mediator = await aUser(db, 'mediatore', { schoolIds: [schoolId] });
    await review(db, rossi, mediator.id, 'override', 3, '2026-02-03T10:00:00.000Z');
    // Rossi's result copied into last year's class of the school, and into a student of another school: neither is listed
    const { id: _id, ...result } = await db
      .selectFrom('risk_result')
      .selectAll()
      .where('student_id', '=', rossi)
      .executeTakeFirstOrThrow();
    const lastYear = await aClass(db, schoolId, { year: '2024/25', name: '2A' });
    const elsewhere = await aClass(db, (await aSchool(db)).id);
    const other = await aStudent(db);
    await db
      .insertInto('risk_result')
      .values([
        { ...result, class_id: lastYear.id, school_year_id: lastYear.school_year_id },
        { ...result, student_id: other.id, class_id: elsewhere.id, school_id: elsewhere.school_id },
      ])
      .execute();
    const app = createApp({ db, config: testConfig });

    const school = await request(app)
      .get('/api/schools/ANPS03000E/risk?sort=name')
      .set(await authAs(db, mediator));

    expect(school.status).toBe(200);
    const expected = (await listClassRisk(db, classId)).map((r) => ({ ...r, className: '3A' }));
    expect(school.text).toBe(JSON.stringify({ items: expected }));
    expect(school.body.items.find((r: { studentId: number }) => r.studentId === rossi).tier).toBe(3);
  });

  // Query changes show in review (STYLE.md): the SQLite text of the statement.
  test.skipIf(onPostgres)('the statement', async () => {
    const db = await createTestDb();

    await expect(classRiskQuery(db, 1).compile().sql).toMatchFileSnapshot('./__snapshots__/class-risk-list.sql');
  });
});
