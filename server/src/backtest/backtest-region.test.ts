import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BacktestReport } from '@primm/shared/contracts/backtest';
import { beforeAll, describe, expect, test } from 'vitest';
import { generateRegion } from '../../../scripts/gen/generate-region';
import type { Db } from '../db/open-database';
import { importPaths } from '../imports/import-paths';
import { purgeBefore } from '../retention/purge';
import { createTestDb } from '../testing/test-db';
import { computeBacktest } from './run-backtest';

/**
 * The backtest on a generated region (issue 18): the generator draws each past year's outcome
 * from the same lasting ability and engagement as its attendance and grades
 * (scripts/gen/outcomes.ts), so the levels must find that relation again. 300 students in 3
 * schools with one past year (2024/25): about 280 with a final outcome, 45 of them bad.
 */
const REGION = { students: 300, schools: 3, seed: 7, historyYears: 1 } as const;

async function importRegion(dir: string): Promise<Db> {
  const db = await createTestDb();
  await importPaths(db, [dir], { pseudonymKey: 'test-key', source: 'cli' });
  return db;
}

describe('backtest on a generated region', () => {
  let dir: string;
  let report: BacktestReport;

  beforeAll(async () => {
    dir = join(mkdtempSync(join(tmpdir(), 'primm-backtest-region-')), 'region');
    await generateRegion({ ...REGION, outDir: dir });
    ({ report } = await computeBacktest(await importRegion(dir), { schoolYear: '2024/25' }));
  }, 120_000);

  test('when 2024/25 is replayed at the end of the first period, then the bad-outcome rate rises with the level: 3 above 2 above 1', () => {
    const [one, two, three] = report.levels;

    expect(report).toMatchObject({
      school_year: '2024/25',
      source: 'registri',
      cut_dates: ['2024-12-20', '2025-01-31'],
    });
    expect(report.n).toBeGreaterThan(250);
    expect(three!.bad_rate!).toBeGreaterThan(two!.bad_rate!);
    expect(two!.bad_rate!).toBeGreaterThan(one!.bad_rate!);
    // Not by chance: level 1's interval lies wholly below level 2's rate, and level 2's below level 3's.
    expect(one!.ci_high!).toBeLessThan(two!.bad_rate!);
    expect(two!.ci_high!).toBeLessThan(three!.bad_rate!);
    expect(report.auc!).toBeGreaterThan(0.7);
  });

  test('when the model is fitted on the cohort, then its out-of-fold probabilities are calibrated: the mean predicted falls in the observed interval', () => {
    const inside = report.calibration.filter((c) => c.mean_predicted! >= c.ci_low && c.mean_predicted! <= c.ci_high);
    const predicted = report.calibration.reduce((a, c) => a + c.mean_predicted! * c.n, 0) / report.n;

    expect(report.calibration).toHaveLength(10);
    // 95 % intervals: a calibrated model misses about one decile in twenty by chance.
    expect(inside.length).toBeGreaterThanOrEqual(8);
    // Over the whole cohort, the mean probability is the bad-outcome rate within a point or two.
    expect(Math.abs(predicted - report.bad_rate!)).toBeLessThan(0.03);
    expect(report.brier!).toBeLessThan(report.bad_rate! * (1 - report.bad_rate!)); // better than the base rate alone
    expect(report.model?.fittedOn.students).toBe(report.n);
  });

  test('when the errors are broken down by group, then every group of 10 or more has its rates and ratio, the smaller ones are suppressed', () => {
    expect(Object.keys(report.by_group).sort()).toEqual(['citizenship_group', 'newly_arrived', 'sex']);
    for (const values of Object.values(report.by_group)) {
      for (const g of Object.values(values)) {
        if ('suppressed' in g) expect(g.reason).toBe('meno di 10 studenti');
        else expect(g.n).toBeGreaterThanOrEqual(10);
      }
    }
    expect(report.by_group.sex!.F).toMatchObject({ fpr: expect.any(Number), fpr_ratio: expect.any(Number) });
  });

  test('purge: when 2024/25 is purged, then its registers go, a snapshot with exactly its fields stays, and the backtest still runs from it with the same levels', async () => {
    const db = await importRegion(dir);
    const before = (await computeBacktest(db, { schoolYear: '2024/25' })).report;
    const pseudonyms = new Set((await db.selectFrom('student').select('pseudonym').execute()).map((s) => s.pseudonym));

    const summary = await purgeBefore(db, '2025/26');

    const year = await db
      .selectFrom('school_year')
      .select('id')
      .where('label', '=', '2024/25')
      .executeTakeFirstOrThrow();
    expect(
      await db
        .selectFrom('enrolment')
        .innerJoin('class', 'class.id', 'enrolment.class_id')
        .select('enrolment.id')
        .where('class.school_year_id', '=', year.id)
        .execute(),
    ).toEqual([]);
    expect(summary.snapshots).toBeGreaterThan(before.n); // two period ends per student
    const rows = await db.selectFrom('risk_snapshot').selectAll().execute();
    expect(Object.keys(rows[0]!).sort()).toEqual([
      'citizenship_group',
      'final',
      'id',
      'indicators',
      'newly_arrived',
      'period',
      'period_end',
      'school_year',
      'settings_version',
      'sex',
      'subject',
      'tier',
    ]);
    for (const r of rows) {
      expect(pseudonyms.has(r.subject)).toBe(false);
      for (const [key, value, level, details, ...rest] of JSON.parse(r.indicators) as unknown[][]) {
        expect([typeof key, typeof level, rest]).toEqual(['string', 'string', []]);
        expect(value === null || typeof value === 'number').toBe(true);
        expect(Object.keys(details ?? {}).every((k) => k === 'recentShare' || k === 'suspended')).toBe(true);
      }
    }
    // One random subject per student and year, the same at both period ends.
    const periods = new Map<string, number[]>();
    for (const r of rows) periods.set(r.subject, [...(periods.get(r.subject) ?? []), r.period]);
    expect([...periods.values()].filter((p) => p.length > 2)).toEqual([]);

    const after = (await computeBacktest(db, { schoolYear: '2024/25' })).report;

    expect(after).toMatchObject({
      source: 'istantanee',
      n: before.n,
      positives: before.positives,
      suspended: before.suspended,
      cut_dates: before.cut_dates,
    });
    expect(after.levels.map((l) => [l.n, l.bad_rate])).toEqual(before.levels.map((l) => [l.n, l.bad_rate]));
    expect(after.auc).toBeCloseTo(before.auc!, 10);
    expect(after.by_group).toEqual(before.by_group);
  }, 120_000);
});
