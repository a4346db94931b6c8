import { mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import * as esbuild from 'esbuild';
import { describe, expect, it, vi } from 'vitest';
import { findCurrentSchoolYear } from '../db/current-year';
import { migrateToLatest } from '../db/migrate';
import { openSqlite } from '../db/open-database';
import { ensureReferenceData } from '../reference/load-reference';
import { onPostgres } from '../testing/test-db';
import type { PoolJob, ThreadReply } from './recompute-pool';
import { currentStamp } from './recompute';
import { findLatestRiskSettings } from '../risk-settings/repository';
import { importFixtureSchool } from '../testing/fixture-school';
import { fallbackUrl, threadSource } from './thread-script';

// The real esbuild, with `stop` watched.
vi.mock('esbuild', async (original) => {
  const real = await original<typeof import('esbuild')>();
  return { ...real, stop: vi.fn(real.stop) };
});

// The first test bundles this file's first script, and checks that it is kept and esbuild stopped
// once: it runs first, under `--sequence.shuffle` too.
describe('threadSource', { shuffle: false }, () => {
  it('when bundled, then kysely and the engine are inside the script and only the native addons are required, by their installed path', async () => {
    const source = await threadSource();
    if (!('script' in source)) throw new Error('atteso il codice del thread in un solo script');
    const required = [...source.script.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]!);
    const betterSqlite = createRequire(import.meta.url).resolve('better-sqlite3');
    expect(required).toContain(betterSqlite);
    // Node's own modules aside, nothing left to resolve at start: that is the slow part.
    expect(required.filter((r) => !r.startsWith('node:') && r !== betterSqlite)).toEqual([]);
    expect(source.script).toContain('function measureStudent(');
    expect(source.script).not.toContain('import_meta'); // CommonJS has none: a module reading it would break
    expect(await threadSource()).toBe(source); // once per process
    // esbuild's child process does not outlive the bundling (it would for the server's whole life).
    expect(esbuild.stop).toHaveBeenCalledOnce();
  });

  it('when two threads are bundled at once (the aggregates warming at start, a first preview), then both get their script', async () => {
    const [{ aggregateThreadCode }, { threadCode }] = await Promise.all([
      import('../aggregates/aggregate-runner'),
      import('../imports/preview-runner'),
    ]);
    // Before: the first build to finish stopped esbuild's shared process under the other, whose
    // threads then started the slow way (a preview waited past a minute).
    const [aggregates, preview] = await Promise.all([aggregateThreadCode(), threadCode()]);
    expect('script' in aggregates && 'script' in preview).toBe(true);
    // Two esbuild bundles of the server's code: 3.8–5.1 s at load 12–14, so a timeout of its own.
  }, 30_000);

  it('when a thread runs the script on a database it cannot open, then the pool sees the error', async () => {
    const source = await threadSource();
    if (!('script' in source)) throw new Error('atteso il codice del thread in un solo script');
    const worker = new Worker(source.script, { eval: true, workerData: { dbPath: '/etc/passwd/primm.sqlite' } });
    const error = await new Promise<Error>((resolve) => worker.once('error', resolve));
    expect(error.message).toMatch(/EEXIST.*mkdir/);
    await worker.terminate();
  });

  it.skipIf(onPostgres)(
    'when the code cannot be bundled, then a thread started the slow way (through tsx) computes a school all the same',
    async () => {
      const dbPath = join(mkdtempSync(join(tmpdir(), 'primm-thread-')), 'primm.sqlite');
      const db = openSqlite(dbPath);
      await migrateToLatest(db);
      await ensureReferenceData(db);
      const { schoolId } = await importFixtureSchool(db);
      await db.deleteFrom('risk_result').execute();
      const year = (await findCurrentSchoolYear(db))!;
      const settings = (await findLatestRiskSettings(db)).data;
      const job: PoolJob = { dbPath, year, settings, stamp: await currentStamp(db, year.id, settings) };

      const worker = new Worker(fallbackUrl, { workerData: job });
      const reply = new Promise<ThreadReply>((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
      });
      worker.postMessage({ schoolId });

      expect(await reply).toEqual({ schoolId, counts: { students: 2, written: 2, unchanged: 0, tierChanged: 0 } });
      expect(await db.selectFrom('risk_result').select('student_id').execute()).toHaveLength(2);
      worker.postMessage(null);
      await new Promise((resolve) => worker.once('exit', resolve));
      await db.destroy();
    },
    30_000,
  ); // a thread started through tsx compiles ≈ 400 modules first: seconds on a loaded machine, none of them ours
});
