import request from 'supertest';
import { expect, test } from 'vitest';
import { createApp } from '../app';
import { SAME_ORIGIN, aUser, authAs } from '../testing/auth-as';
import { createTestDb, testConfig } from '../testing/test-db';
import { importFixtureSchool } from '../testing/fixture-school';

test('POST /api/risk/recompute: when stored levels are stale, then the answer counts the students moved, level before → after, as the changes recorded', async () => {
  const db = await createTestDb();
  await importFixtureSchool(db);
  await db.updateTable('risk_result').set({ tier: 3, input_hash: 'stale' }).execute();
  await db.deleteFrom('risk_school_state').execute();
  const admin = await aUser(db, 'admin');

  const res = await request(createApp({ db, config: testConfig }))
    .post('/api/risk/recompute')
    .set(SAME_ORIGIN)
    .set(await authAs(db, admin));

  expect(res.status).toBe(200);
  const recorded = await db.selectFrom('risk_tier_change').select(['from_tier', 'to_tier']).execute();
  expect(recorded.length).toBeGreaterThan(0);
  const expected = new Map<string, number>();
  for (const r of recorded)
    expected.set(`${r.from_tier}→${r.to_tier}`, (expected.get(`${r.from_tier}→${r.to_tier}`) ?? 0) + 1);
  expect(
    new Map(
      res.body.moves.map((m: { from: number; to: number; students: number }) => [`${m.from}→${m.to}`, m.students]),
    ),
  ).toEqual(expected);
  expect(res.body.moves.every((m: { from: number }) => m.from === 3)).toBe(true);
  expect(res.body.moves.reduce((n: number, m: { students: number }) => n + m.students, 0)).toBe(res.body.tierChanged);
});

test('POST /api/risk/recompute: when nothing changed since the last recompute, then no move', async () => {
  const db = await createTestDb();
  await importFixtureSchool(db);
  const app = createApp({ db, config: testConfig });
  const as = await authAs(db, await aUser(db, 'admin'));

  const res = await request(app).post('/api/risk/recompute').set(SAME_ORIGIN).set(as);

  expect(res.body).toMatchObject({ tierChanged: 0, moves: [] });
});
