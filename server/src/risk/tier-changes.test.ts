import request from 'supertest';
import { expect, test } from 'vitest';
import { createApp } from '../app';
import { aUser, authAs } from '../testing/auth-as';
import { createTestDb, testConfig } from '../testing/test-db';
import { recomputeSchool } from '../recompute/recompute';
import { importFixtureSchool } from '../testing/fixture-school';

test('GET /api/classes/:id/risk/changes: when new absences move a student up a tier, then the class shows one move up, and an unchanged recompute adds none', async () => {
  const db = await createTestDb();
  const { schoolId, classId, rossi } = await importFixtureSchool(db);
  const before = await db
    .selectFrom('risk_result')
    .select('tier')
    .where('student_id', '=', rossi)
    .executeTakeFirstOrThrow();
  // Rossi away every lesson day from 12/01 to 29/01/2026 (14 days of 6 hours): attendance collapses.
  for (let t = Date.parse('2026-01-12T00:00:00Z'); t <= Date.parse('2026-01-29T00:00:00Z'); t += 86_400_000) {
    const day = new Date(t);
    if (day.getUTCDay() === 0 || day.getUTCDay() === 6) continue;
    await db
      .insertInto('attendance_event')
      .values({
        student_id: rossi,
        class_id: classId,
        date: day.toISOString().slice(0, 10),
        kind: 'assenza',
        hours: 6,
        justified: 0,
        deroga: null,
        deroga_decided_on: null,
        import_batch_id: null,
      })
      .execute();
  }

  await recomputeSchool(db, schoolId);
  await recomputeSchool(db, schoolId); // nothing changed since: no second line
  const res = await request(createApp({ db, config: testConfig }))
    .get(`/api/classes/${classId}/risk/changes?days=7`)
    .set(await authAs(db, await aUser(db, 'docente', { classIds: [classId] })));

  const after = await db
    .selectFrom('risk_result')
    .select('tier')
    .where('student_id', '=', rossi)
    .executeTakeFirstOrThrow();
  expect(after.tier).toBeGreaterThan(before.tier);
  expect(res.body).toMatchObject({
    asOf: '2026-01-30',
    since: '2026-01-23',
    up: 1,
    down: 0,
    items: [{ studentId: rossi, fromTier: before.tier, toTier: after.tier }],
  });
  expect(await db.selectFrom('risk_tier_change').selectAll().execute()).toHaveLength(1);
});
