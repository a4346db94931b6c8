import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import type { RecomputeSummary } from '@primm/shared/contracts/risk';
import type { KyselyPlugin } from 'kysely';
import { expect, test } from 'vitest';
import { generateRegion } from '../../../scripts/gen/generate-region';
import { importPaths } from '../imports/import-paths';
import { anotherInstanceOf, createTestDb, onPostgres } from '../testing/test-db';
import { followRecomputeRequests, requestRegionalRecompute } from './recompute-requests';
import { importFixtureSchool } from './test-school';

async function until(done: () => boolean, ms = 10_000): Promise<void> {
  for (const started = Date.now(); !done(); await delay(10)) if (Date.now() - started > ms) throw new Error('timeout');
}

test('followRecomputeRequests: when a request was made before following, then it is not replayed; one made after is joined once', async () => {
  const db = await createTestDb();
  await importFixtureSchool(db);
  await requestRegionalRecompute(db, null);
  const joined: RecomputeSummary[] = [];
  const follower = await followRecomputeRequests(db, { everyMs: 10, onRun: (s) => joined.push(s) });

  await delay(100);
  const before = joined.length;
  await requestRegionalRecompute(db, null);
  await until(() => joined.length === 1);
  await delay(100);
  follower.stop();

  expect(before).toBe(0);
  expect(joined).toHaveLength(1);
  expect(joined[0]).toMatchObject({ students: 2 });
  expect(await db.selectFrom('recompute_request').select('requested_by').execute()).toEqual([{ requested_by: null }, { requested_by: null }]);
});

test.runIf(onPostgres)('PostgreSQL: when an admin asks on one instance, then another instance joins in and the schools are shared out: each read and written once', async () => {
  const work = mkdtempSync(join(tmpdir(), 'primm-recompute-request-'));
  await generateRegion({ students: 160, schools: 6, seed: 9, asOf: '2026-01-31', outDir: join(work, 'region') });
  const a = await createTestDb();
  await importPaths(a, [join(work, 'region')], { pseudonymKey: 'test-key', source: 'cli' });
  const students = Number((await a.selectFrom('risk_result').select(({ fn }) => fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const schools = (await a.selectFrom('school_calendar').select('school_id').distinct().execute()).length;
  await a.updateTable('risk_result').set({ tier: 3, input_hash: 'stale' }).execute();
  await a.deleteFrom('risk_school_state').execute();
  const b = await anotherInstanceOf(a);
  const gradeReads = { n: 0 };
  const counting: KyselyPlugin = {
    transformQuery: ({ node }) => {
      if (/from grade where class_id in/.test(JSON.stringify(node))) gradeReads.n++;
      return node;
    },
    transformResult: async ({ result }) => result,
  };
  const joined: RecomputeSummary[] = [];
  const follower = await followRecomputeRequests(b.withPlugin(counting), { everyMs: 10, onRun: (s) => joined.push(s) });

  const asked = await requestRegionalRecompute(a.withPlugin(counting), null);
  await until(() => joined.length === 1);
  follower.stop();

  expect(asked.students).toBe(students);
  expect(asked.written + joined[0]!.written).toBe(students);
  expect(gradeReads.n).toBe(schools);
  const changes = await a.selectFrom('risk_tier_change').select('student_id').execute();
  expect(new Set(changes.map((c) => c.student_id)).size).toBe(changes.length);
  await b.destroy();
  await a.destroy();
}, 60_000);
