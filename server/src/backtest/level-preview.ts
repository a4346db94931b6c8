import type { LevelChoice, LevelPreview } from '@primm/shared/contracts/backtest';
import type { RiskSettings } from '@primm/shared/risk/settings';
import { computeTier } from '@primm/shared/risk/tier';
import { findCurrentSchoolYear } from '../db/current-year';
import type { Db } from '../db/open-database';
import { HttpError } from '../http/http-error';
import { findLatestRiskSettings } from '../risk-settings/repository';
import { parseIndicators } from '../risk/stored-indicators';
import { listSchoolCapacities } from './capacity';
import { recutLevels } from './cohort-report';
import { findLegendRun, findRunItems } from './repository';

type Counts = [number, number, number];

/**
 * "What if" of a level choice (issue 18): each current student's level re-decided from the
 * indicators the last recompute stored (`computeTier` with the latest thresholds and model and
 * the chosen cut points), counted per school beside the level stored now; and the saved
 * backtest's past students re-cut the same way. Nothing is recomputed or written: at 200 000
 * students this reads the stored results once.
 */
export async function previewLevels(db: Db, choice: LevelChoice): Promise<LevelPreview> {
  const latest = await findLatestRiskSettings(db);
  if (choice.basis === 'probability' && !latest.data.model) {
    throw new HttpError(
      400,
      'validation_failed',
      'I livelli per probabilità richiedono un modello: esegui e salva prima un backtest.',
    );
  }
  const settings: RiskSettings = { ...latest.data, levels: { ...latest.data.levels, ...choice } };
  const year = await findCurrentSchoolYear(db);
  const rows = year
    ? await db
        .selectFrom('risk_result as r')
        .innerJoin('school as s', 's.id', 'r.school_id')
        .select(['r.school_id', 's.code', 's.name', 'r.tier', 'r.indicators'])
        .where('r.school_year_id', '=', year.id)
        .orderBy('s.code')
        .execute()
    : [];
  const capacities = await listSchoolCapacities(db);
  const schools = new Map<number, LevelPreview['schools'][number]>();
  const region = { students: 0, levels: [0, 0, 0] as Counts, current: [0, 0, 0] as Counts };
  for (const r of rows) {
    let school = schools.get(r.school_id);
    if (!school)
      schools.set(
        r.school_id,
        (school = {
          code: r.code,
          name: r.name,
          students: 0,
          levels: [0, 0, 0],
          current: [0, 0, 0],
          capacity: capacities.get(r.school_id) ?? null,
        }),
      );
    const tier = computeTier(parseIndicators(r.indicators), settings).tier;
    school.students += 1;
    school.levels[tier - 1]! += 1;
    school.current[r.tier - 1]! += 1;
    region.students += 1;
    region.levels[tier - 1]! += 1;
    region.current[r.tier - 1]! += 1;
  }
  const legend = await findLegendRun(db);
  const report = legend?.report;
  return {
    choice,
    settingsVersion: latest.version,
    schools: [...schools.values()],
    region,
    backtest:
      legend && report
        ? {
            schoolYear: report.school_year,
            asOf: report.as_of,
            levels: recutLevels(await findRunItems(db, legend.id), choice).map(({ bad: _b, ...l }) => l),
          }
        : null,
  };
}
