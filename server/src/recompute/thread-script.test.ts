import { chmodSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import * as esbuild from 'esbuild';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { findCurrentSchoolYear } from '../db/current-year';
import { migrateToLatest } from '../db/migrate';
import { openSqlite } from '../db/open-database';
import { ensureReferenceData } from '../reference/load-reference';
import { onPostgres } from '../testing/test-db';
import type { PoolJob, ThreadData, ThreadReply, ThreadRequest } from './recompute-pool';
import { currentStamp } from './recompute';
import { findLatestRiskSettings } from '../risk-settings/repository';
import { importFixtureSchool } from '../testing/fixture-school';
import { bundle, fallbackUrl, threadSource } from './thread-script';

// The real esbuild, with `build` and `stop` watched.
vi.mock('esbuild', async (original) => {
  const real = await original<typeof import('esbuild')>();
  return { ...real, build: vi.fn(real.build), stop: vi.fn(real.stop) };
});

// Scripts kept by other runs must not answer for this file's bundling: a folder of its own.
const cacheDir = mkdtempSync(join(tmpdir(), 'primm-thread-cache-'));
beforeAll(() => {
  vi.stubEnv('PRIMM_CACHE_DIR', cacheDir);
});
afterAll(() => {
  vi.unstubAllEnvs();
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

      const worker = new Worker(fallbackUrl, { workerData: { dbPath } satisfies ThreadData });
      const reply = new Promise<ThreadReply>((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
      });
      worker.postMessage({ schoolId, job } satisfies ThreadRequest);

      expect(await reply).toEqual({ schoolId, counts: { students: 2, written: 2, unchanged: 0, tierChanged: 0 } });
      expect(await db.selectFrom('risk_result').select('student_id').execute()).toHaveLength(2);
      worker.postMessage(null);
      await new Promise((resolve) => worker.once('exit', resolve));
      await db.destroy();
    },
    30_000,
  ); // a thread started through tsx compiles ≈ 400 modules first: seconds on a loaded machine, none of them ours
});

describe('bundle: scripts kept between processes', () => {
  // A thread module of its own in a fresh folder: one module that imports another.
  let folder: string;
  let entry: URL;
  let keptDir: string; // a cache folder per test: only this module's script in it
  const fallback = new URL('file:///nowhere/fallback.mjs');
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'primm-thread-module-'));
    writeFileSync(join(folder, 'dep.ts'), 'export const answer: number = 41;\n');
    writeFileSync(join(folder, 'entry.ts'), "import { answer } from './dep';\nconsole.log('risposta', answer + 1);\n");
    entry = pathToFileURL(join(folder, 'entry.ts'));
    keptDir = mkdtempSync(join(tmpdir(), 'primm-thread-cache-'));
    vi.stubEnv('PRIMM_CACHE_DIR', keptDir);
    vi.mocked(esbuild.build).mockClear();
  });
  afterEach(() => {
    vi.stubEnv('PRIMM_CACHE_DIR', cacheDir);
  });
  const scriptOf = async () => {
    const source = await bundle(entry, fallback);
    if (!('script' in source)) throw new Error('atteso uno script');
    return source.script;
  };

  it('when a module was bundled before, then the next bundling reads the kept script and esbuild is not called', async () => {
    const first = await scriptOf();
    expect(first).toContain('answer = 41');
    expect(esbuild.build).toHaveBeenCalledOnce();
    const [kept, ...others] = readdirSync(keptDir);
    expect(others).toEqual([]); // nothing half-written left beside it
    expect(kept).toMatch(/^thread-[0-9a-f]{32}\.json$/);
    expect(statSync(join(keptDir, kept!)).mode & 0o777).toBe(0o600); // it runs as code: ours only

    expect(await scriptOf()).toBe(first);
    expect(esbuild.build).toHaveBeenCalledOnce();
  });

  it('when a module it imports has changed since, then it is bundled again with the new code', async () => {
    await scriptOf();
    writeFileSync(join(folder, 'dep.ts'), 'export const answer: number = 99;\n');
    const again = await scriptOf();
    expect(again).toContain('answer = 99');
    expect(again).not.toContain('answer = 41');
    expect(esbuild.build).toHaveBeenCalledTimes(2);
  });

  it('when the kept file can be written by others or is not JSON, then it is not run and the module is bundled again', async () => {
    await scriptOf();
    const file = join(keptDir, readdirSync(keptDir)[0]!);
    for (const spoil of [
      () => chmodSync(file, 0o666),
      () => writeFileSync(file, '{"format": 1, "inp', { mode: 0o600 }),
    ]) {
      vi.mocked(esbuild.build).mockClear();
      spoil();
      expect(await scriptOf()).toContain('answer = 41');
      expect(esbuild.build).toHaveBeenCalledOnce();
    }
  });

  it('when the cache folder cannot be made, then the script is bundled all the same and the server says so once', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    vi.stubEnv('PRIMM_CACHE_DIR', '/etc/passwd/primm-cache'); // under a file: never a folder, even for root
    try {
      expect(await scriptOf()).toContain('answer = 41');
      expect(await scriptOf()).toContain('answer = 41');
      expect(esbuild.build).toHaveBeenCalledTimes(2);
      expect(warn).toHaveBeenCalledOnce();
      expect(String(warn.mock.calls[0]![0])).toMatch(/non conservato.*ogni avvio lo ricompone/);
    } finally {
      warn.mockRestore();
    }
  });
});
