import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test } from 'vitest';
import { migrateToLatest } from '../../server/src/db/migrate';
import { openSqlite, type Db } from '../../server/src/db/open-database';
import { importPaths } from '../../server/src/imports/import-paths';
import { generateRegion } from '../gen/generate-region';

const root = resolve(import.meta.dirname, '../..');
const TABLES = [
  'school',
  'class',
  'student',
  'enrolment',
  'attendance_event',
  'grade',
  'outcome',
  'import_batch',
  'risk_result',
] as const;

async function counts(db: Db): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of TABLES) {
    const row = await db
      .selectFrom(t as never)
      .select(({ fn }) => fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    out[t] = Number((row as { n: number }).n);
  }
  return out;
}

test('import: when the process is killed (SIGKILL) mid-import, then the database is exactly as before, with no running batch', async () => {
  const work = mkdtempSync(join(tmpdir(), 'primm-kill-'));
  const dbPath = join(work, 'primm.sqlite');
  const region = join(work, 'region');
  await generateRegion({ students: 3000, seed: 7, outDir: region });
  let db = openSqlite(dbPath);
  await migrateToLatest(db);
  await importPaths(db, [resolve(root, 'fixtures/import/generator-format')], {
    pseudonymKey: 'kill-key',
    source: 'cli',
  });
  const before = await counts(db);
  await db.destroy();

  // Killed once the first school is done (its progress line is out) or after ~1 s at the latest,
  // whichever comes later: either way inside the one transaction of a multi-school import.
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'scripts/primm.ts', 'import', '--db', dbPath, '--json', region],
    {
      cwd: root,
      env: { ...process.env, PRIMM_PSEUDONYM_KEY: 'kill-key' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stdout = '';
  child.stdout.on('data', (d: Buffer) => {
    stdout += d.toString();
  });
  const started = Date.now();
  const progressed = new Promise<void>((ok) =>
    child.stderr.on('data', (d: Buffer) => {
      if (/\d+\/\d+ /.test(d.toString())) ok();
    }),
  );
  await Promise.race([progressed, new Promise((r) => setTimeout(r, 30_000))]);
  await new Promise((r) => setTimeout(r, Math.max(0, 1000 - (Date.now() - started))));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((ok) =>
    child.on('exit', (code, signal) => ok({ code, signal })),
  );
  child.kill('SIGKILL');
  const end = await exited;

  db = openSqlite(dbPath);
  const after = await counts(db);
  const batches = await db.selectFrom('import_batch').select('status').execute();
  await db.destroy();
  expect(end).toEqual({ code: null, signal: 'SIGKILL' });
  expect(stdout).not.toMatch(/"inserted"/); // it really died before finishing
  expect(after).toEqual(before);
  // A kill runs no catch block: no failed batch is written either, only the earlier committed one.
  expect(batches).toEqual([{ status: 'committed' }]);
}, 120_000);
