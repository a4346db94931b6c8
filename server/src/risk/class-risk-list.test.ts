import request from 'supertest';
import { describe, expect, test } from 'vitest';
import { createApp } from '../app';
import type { Db } from '../db/open-database';
import { aUser, authAs } from '../testing/auth-as';
import { createTestDb, onPostgres, testConfig } from '../testing/test-db';
import { classRiskQuery, listClassRisk } from './class-risk-list';
import { listStoredRisk } from './repository';
import { importFixtureSchool } from '../testing/fixture-school';

/** What the list sent before it had its own query: every stored field, the extras dropped. */
async function listAsBefore(db: Db, classId: number) {
  return (await listStoredRisk(db, { classId })).map(({ className: _c, schoolId: _s, schoolYearId: _y, tierExplanation: _t, tierMessage: _m, probability: _p, computedAt: _a, fullIndicators: _i, reasons: _r, ...row }) => row);
}

async function review(db: Db, studentId: number, userId: number, action: 'confirm' | 'dismiss' | 'override', tier: number | null, at: string) {
  const year = await db.selectFrom('school_year').select('id').where('label', '=', '2025/26').executeTakeFirstOrThrow();
  await db.insertInto('risk_review').values({ student_id: studentId, school_year_id: year.id, action, tier, computed_tier: 2, settings_version: 1, reason: `${action} ${at}`, user_id: userId, created_at: at }).execute();
}

describe('listClassRisk', () => {
  test('when students have reviews (an override superseded at the same instant, an older review written later), then the rows are those of listStoredRisk, key for key', async () => {
    const db = await createTestDb();
    const { classId, rossi, hoxha } = await importFixtureSchool(db);
    const teacher = await aUser(db, 'docente', { classIds: [classId] });
    await review(db, hoxha, teacher.id, 'override', 3, '2026-02-01T10:00:00.000Z');
    await review(db, hoxha, teacher.id, 'confirm', null, '2026-02-01T10:00:00.000Z'); // same instant: the later id wins
    await review(db, rossi, teacher.id, 'override', 2, '2026-02-03T10:00:00.000Z');
    await review(db, rossi, teacher.id, 'dismiss', null, '2026-02-02T10:00:00.000Z'); // written later, but older

    const rows = await listClassRisk(db, classId);

    expect(JSON.stringify(rows)).toBe(JSON.stringify(await listAsBefore(db, classId)));
    expect(rows.map((r) => [r.studentId, r.computedTier, r.tier, r.review?.action])).toEqual([[hoxha, 2, 2, 'confirm'], [rossi, 1, 2, 'override']]);
  });

  test('GET /api/classes/:id/risk: when a teacher reads the list, then the body is the one the stored rows gave before, and one audit row names the students', async () => {
    const db = await createTestDb();
    const { classId, rossi, hoxha } = await importFixtureSchool(db);
    const teacher = await aUser(db, 'docente', { classIds: [classId] });
    await review(db, rossi, teacher.id, 'override', 3, '2026-02-03T10:00:00.000Z');

    const res = await request(createApp({ db, config: testConfig })).get(`/api/classes/${classId}/risk?sort=name`).set(await authAs(db, teacher));

    expect(res.text).toBe(JSON.stringify({ items: await listAsBefore(db, classId) })); // already in name order
    expect(await db.selectFrom('audit_log').select(['action', 'class_id', 'student_ids']).execute())
      .toEqual([{ action: 'class.risk.read', class_id: classId, student_ids: JSON.stringify([hoxha, rossi]) }]);
  });

  // Query changes show in review (STYLE.md): the SQLite text of the statement.
  test.skipIf(onPostgres)('the statement', async () => {
    const db = await createTestDb();

    await expect(classRiskQuery(db, 1).compile().sql).toMatchFileSnapshot('./__snapshots__/class-risk-list.sql');
  });
});
