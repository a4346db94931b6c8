import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { migrateToLatest } from '../../server/src/db/migrate';
import { openSqlite } from '../../server/src/db/open-database';
import { importPaths } from '../../server/src/imports/import-paths';
import { generateRegion } from '../gen/generate-region';
import { runBacktestCommand } from './backtest-command';

/** The command called in-process (spawning tsx costs seconds), its printed lines captured. */
async function backtest(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((line: string) => void out.push(line));
  vi.spyOn(console, 'error').mockImplementation((line: string) => void err.push(line));
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  const code = await runBacktestCommand(args);
  vi.restoreAllMocks();
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

describe('pnpm primm backtest', () => {
  let db: string;

  // One small school with its past year (2024/25): enough to replay, not to judge the levels
  // (server/src/backtest/backtest-region.test.ts does that).
  beforeAll(async () => {
    const root = mkdtempSync(join(tmpdir(), 'primm-cli-backtest-'));
    await generateRegion({ students: 120, schools: 1, seed: 3, historyYears: 1, outDir: join(root, 'region') });
    db = join(root, 'cli.sqlite');
    const conn = openSqlite(db);
    await migrateToLatest(conn);
    await importPaths(conn, [join(root, 'region')], { pseudonymKey: 'test-key', source: 'cli' });
    await conn.destroy();
  }, 120_000);
  afterEach(() => vi.restoreAllMocks());

  test('--json: when a past year is replayed, then the last line is the report with the keys of issue 18', async () => {
    const res = await backtest('--db', db, '--year', '2024/25', '--json');

    expect(res.code).toBe(0);
    const report = JSON.parse(res.stdout.split('\n').pop()!);
    expect(Object.keys(report)).toEqual(
      expect.arrayContaining(['levels', 'auc', 'sensitivity', 'precision', 'brier', 'by_group', 'calibration']),
    );
    expect(report.levels.map((l: { level: number }) => l.level)).toEqual([1, 2, 3]);
    expect(Object.keys(report.levels[0]).slice(0, 6)).toEqual(['level', 'n', 'share', 'bad_rate', 'ci_low', 'ci_high']);
    expect(report).toMatchObject({ school_year: '2024/25', source: 'registri' });
  }, 30_000);

  test('--as-of: when a day is given, then every school is cut on it, and the text names it', async () => {
    const res = await backtest('--db', db, '--year', '2024/25', '--as-of', '11-30');

    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(/^Backtest 2024\/25 \(dati al 2024-11-30, da registri, soglie versione 1\)/);
    expect(res.stdout).toMatch(/Livello 3: \d+ studenti/);
  }, 30_000);

  test.each([
    [['--year', '2025/26'], /anno concluso, prima del 2025\/26/], // the current year has no outcomes yet
    [['--year', '2019/20'], /Nessun dato del 2019\/20/],
    [['--year', '2024/25', '--as-of', '02-30'], /MM-GG/],
    [['--year', '24/25'], /--year/],
  ])(
    'when asked %j, then exit 2 with one clear message',
    async (args, message) => {
      const res = await backtest('--db', db, ...args);

      expect(res.code).toBe(2);
      expect(res.stderr).toMatch(message);
    },
    30_000,
  );
});
