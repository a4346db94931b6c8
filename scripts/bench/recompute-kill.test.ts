import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test } from 'vitest';
import { migrateToLatest } from '../../server/src/db/migrate';
import { openSqlite, type Db } from '../../server/src/db/open-database';
import { importPaths } from '../../server/src/imports/import-paths';
import { integrityCheck } from '../../server/src/testing/sqlite-probes';
import { generateRegion } from '../gen/generate-region';
import { primmInProcess } from '../commands/run-primm';

const root = resolve(import.meta.dirname, '../..');

/** Risk results by school code, every column but the clock (computed_at); tier changes likewise. */
async function riskBySchool(db: Db): Promise<Map<string, { results: unknown[]; changes: unknown[] }>> {
  const out = new Map<string, { results: unknown[]; changes: unknown[] }>();
  const schools = await db.selectFrom('school').select(['id', 'code']).orderBy('code').execute();
  for (const s of schools) {
    const results = await db
      .selectFrom('risk_result')
      .selectAll()
      .where('school_id', '=', s.id)
      .orderBy('student_id')
      .execute();
    const changes = await db
      .selectFrom('risk_tier_change')
      .innerJoin('class', 'class.id', 'risk_tier_change.class_id')
      .select(['student_id', 'risk_tier_change.school_year_id', 'class_id', 'from_tier', 'to_tier', 'as_of'])
      .where('class.school_id', '=', s.id)
      .orderBy('student_id')
      .orderBy('risk_tier_change.id')
      .execute();
    out.set(s.code, { results: results.map(({ computed_at: _, ...r }) => r), changes });
  }
  return out;
}

async function readRisk(path: string) {
  const db = openSqlite(path);
  try {
    return await riskBySchool(db);
  } finally {
    await db.destroy();
  }
}

test("recompute: when the process is killed (SIGKILL) inside a school's transaction, then every school keeps all its old results or has all the new ones, and a new recompute gives exactly the results of an uninterrupted one", async () => {
  const work = mkdtempSync(join(tmpdir(), 'primm-recompute-kill-'));
  const dbPath = join(work, 'primm.sqlite');
  const copyPath = join(work, 'untouched.sqlite');
  const region = join(work, 'region');
  await generateRegion({ students: 300, schools: 4, seed: 5, asOf: '2025-12-19', outDir: region });
  let db = openSqlite(dbPath);
  await migrateToLatest(db);
  const imported = await importPaths(db, [region], { pseudonymKey: 'kill-key', source: 'cli' }); // computes the risk (settings v1)
  // New thresholds (v2): the next recompute rewrites every result, and some tiers change.
  await db
    .insertInto('settings_version')
    .values({
      version: 2,
      note: 'soglie più severe',
      created_at: new Date().toISOString(),
      created_by: null,
      data: JSON.stringify({ attendance: { attentionBelowRate: 0.97, highBelowRate: 0.93 }, grades: { passMark: 7 } }),
    })
    .execute();
  await db.destroy(); // the last connection: the WAL is checkpointed into the file, which can be copied
  expect(existsSync(`${dbPath}-wal`)).toBe(false);
  copyFileSync(dbPath, copyPath);
  const old = await readRisk(dbPath);

  // The reference and the rerun recompute in this process: only the killed worker needs a process
  // of its own, and each tsx start cost seconds on a loaded machine (issue 23).
  const reference = await primmInProcess('recompute', '--db', copyPath, '--json');
  const fresh = await readRisk(copyPath);

  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/bench/recompute-kill-worker.ts', dbPath], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((ok) =>
    child.on('exit', (code, signal) => ok({ code, signal })),
  );
  const paused = await new Promise<boolean>((ok) => {
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      if (stdout.includes('paused\n')) ok(true);
    });
    void exited.then(() => ok(false));
    setTimeout(() => ok(false), 60_000).unref(); // a hang fails the test instead of outliving it
  });
  child.kill('SIGKILL');
  const end = await exited;

  db = openSqlite(dbPath);
  const integrity = await integrityCheck(db);
  await db.destroy();
  const afterKill = await readRisk(dbPath);
  const again = await primmInProcess('recompute', '--db', dbPath, '--json');
  const afterRerun = await readRisk(dbPath);

  expect(imported.rejected).toBe(0);
  expect(reference.code).toBe(0);
  expect(paused, `the worker ended without pausing: ${stdout} ${stderr}`).toBe(true);
  expect(end).toEqual({ code: null, signal: 'SIGKILL' });
  expect(integrity).toBe('ok');
  const codes = [...old.keys()];
  expect(codes).toHaveLength(4);
  // Old and new really differ in every school (else the check below proves nothing), and the new
  // thresholds move some tiers.
  for (const code of codes) expect(fresh.get(code)!.results).not.toEqual(old.get(code)!.results);
  expect([...fresh.values()].some((s) => s.changes.length > 0)).toBe(true);
  // The first school was committed before the kill; the second was being written; none is half.
  const state = codes.map((code) => {
    const now = afterKill.get(code)!;
    if (JSON.stringify(now) === JSON.stringify(fresh.get(code))) return 'new';
    if (JSON.stringify(now) === JSON.stringify(old.get(code))) return 'old';
    return 'mixed';
  });
  expect(stdout).toMatch(new RegExp(`^committed 1 ${codes[0]}\npaused\n$`));
  expect(state).toEqual(['new', 'old', 'old', 'old']);
  expect(again.code).toBe(0);
  expect(afterRerun).toEqual(fresh);
  rmSync(work, { recursive: true, force: true }); // kept when the test fails, to look into
}, 120_000);
