import { setTimeout as delay } from 'node:timers/promises';
import type { RecomputeSummary } from '@primm/shared/contracts/risk';
import { expect, test } from 'vitest';
import { anotherInstanceOf, createTestDb, onPostgres } from '../testing/test-db';
import { followRecomputeRequests, requestRegionalRecompute } from './recompute-requests';
import { aStaleRegion, countingGradeReads, tierChangesLoggedOnce } from '../testing/stale-region';
import { importFixtureSchool } from '../testing/fixture-school';

async function until(done: () => boolean, ms = 10_000): Promise<void> {
  for (const started = Date.now(); !done(); await delay(10)) if (Date.now() - started > ms) throw new Error('timeout');
}

test('followRecomputeRequests: when a request was made before following, then it is not replayed; one made by another instance after is joined once', async () => {
  const db = await createTestDb();
  await importFixtureSchool(db);
  await requestRegionalRecompute(db, null);
  // Another handle on the same database stands for another instance (its own process state).
  const other = db.withPlugin({ transformQuery: ({ node }) => node, transformResult: async ({ result }) => result });
  const joined: RecomputeSummary[] = [];
  const follower = await followRecomputeRequests(db, { everyMs: 10, onRun: (s) => joined.push(s) });

  await delay(100);
  const before = joined.length;
  await requestRegionalRecompute(other, null);
  await until(() => joined.length === 1);
  await delay(100);
  follower.stop();

  expect(before).toBe(0);
  expect(joined).toHaveLength(1);
  expect(joined[0]).toMatchObject({ students: 2 });
  expect(await db.selectFrom('recompute_request').select('requested_by').execute()).toEqual([
    { requested_by: null },
    { requested_by: null },
  ]);
});

test('followRecomputeRequests: when the request was made through the same database handle (the admin on this instance), then the follower leaves it to the request', async () => {
  const db = await createTestDb();
  await importFixtureSchool(db);
  const joined: RecomputeSummary[] = [];
  const follower = await followRecomputeRequests(db, { everyMs: 10, onRun: (s) => joined.push(s) });

  await requestRegionalRecompute(db, null);
  await delay(200);
  follower.stop();

  expect(joined).toEqual([]);
  expect(await db.selectFrom('recompute_request').select('id').execute()).toHaveLength(1);
});

test.runIf(onPostgres)(
  'PostgreSQL: when an admin asks on one instance, then another instance joins in and the schools are shared out: each read and written once',
  async () => {
    const { db: a, students, schools } = await aStaleRegion(9);
    const b = await anotherInstanceOf(a);
    const { plugin, reads } = countingGradeReads();
    const joined: RecomputeSummary[] = [];
    const follower = await followRecomputeRequests(b.withPlugin(plugin), { everyMs: 10, onRun: (s) => joined.push(s) });

    const asked = await requestRegionalRecompute(a.withPlugin(plugin), null);
    await until(() => joined.length === 1);
    follower.stop();

    expect(asked.students).toBe(students);
    expect(asked.written + joined[0]!.written).toBe(students);
    expect(reads.n).toBe(schools);
    expect(await tierChangesLoggedOnce(a)).toBe(true);
    await b.destroy();
    await a.destroy();
  },
  60_000,
);
