import type { LegendLevel, RiskLegend } from '@primm/shared/contracts/risk-legend';
import type { Db } from '../db/open-database';
import { findLatestRiskSettings } from '../risk-settings/repository';
import { recutLevels } from './cohort-report';
import { findLegendRun, findRunItems } from './repository';

/**
 * The legend every risk list shows (issue 18): what each level meant on the latest saved
 * backtest, with the level cut points of the latest settings (so a new choice of cut points
 * shows at once, re-cut on the saved past students; thresholds changed since the backtest are
 * not replayed: `settingsVersion` names the version whose thresholds it did replay).
 */
export async function readRiskLegend(db: Db, minCell: number): Promise<RiskLegend> {
  const run = await findLegendRun(db);
  const report = run?.report;
  if (!run || !report) return { validated: false };
  const latest = await findLatestRiskSettings(db);
  // Every list of every teacher asks for it; the items are read and re-cut once per saved run and
  // settings version (a saved run never changes, a new version or run makes a new key).
  const key = `${run.id}|${latest.version}|${minCell}`;
  let levels = legendCache.get(db);
  if (levels?.key !== key) {
    levels = {
      key,
      levels: recutLevels(await findRunItems(db, run.id), latest.data.levels).map((l) =>
        suppressLegendLevel(l, minCell),
      ),
    };
    legendCache.set(db, levels);
  }
  return {
    validated: true,
    schoolYear: report.school_year,
    asOf: report.as_of,
    computedAt: run.savedAt!,
    settingsVersion: report.settings_version,
    students: report.n,
    levels: levels.levels,
  };
}

const legendCache = new WeakMap<Db, { key: string; levels: LegendLevel[] }>();

/**
 * DESIGN.md: every count under `minCell` students is suppressed. A level with fewer students
 * publishes neither its count nor its rate; a level whose bad outcomes, or whose other outcomes,
 * are fewer (but not none) keeps its count and hides the rate, from which either could be
 * computed back.
 */
export function suppressLegendLevel(
  l: {
    level: 1 | 2 | 3;
    n: number;
    bad: number;
    bad_rate: number | null;
    ci_low: number | null;
    ci_high: number | null;
  },
  minCell: number,
): LegendLevel {
  if (l.n < minCell) return { level: l.level, n: null, badRate: null, ciLow: null, ciHigh: null };
  const small = (k: number) => k > 0 && k < minCell;
  if (small(l.bad) || small(l.n - l.bad)) return { level: l.level, n: l.n, badRate: null, ciLow: null, ciHigh: null };
  return { level: l.level, n: l.n, badRate: l.bad_rate, ciLow: l.ci_low, ciHigh: l.ci_high };
}
