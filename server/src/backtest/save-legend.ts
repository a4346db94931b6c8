import type { BacktestRun } from '@primm/shared/contracts/backtest';
import type { AuthUser } from '../auth/current-user';
import type { Db } from '../db/open-database';
import { HttpError, notFound } from '../http/http-error';
import { findLatestRiskSettings, insertRiskSettingsVersion } from '../risk-settings/repository';
import { findRun, markRunSaved } from './repository';

/**
 * A finished backtest becomes the region's legend, and its model (fitted on the whole cohort)
 * goes into a new settings version with everything else of the latest one: the probability of
 * every student beside their level, after the next recompute. Without a model (a cohort with no
 * bad outcome, or only bad ones) the legend is saved alone.
 */
export async function saveBacktestAsLegend(
  db: Db,
  id: number,
  user: AuthUser,
  now = new Date(),
): Promise<{ run: BacktestRun; version: number | null }> {
  const run = await findRun(db, id);
  if (!run) throw notFound('Backtest non trovato');
  if (run.status !== 'done' || !run.report)
    throw new HttpError(409, 'conflict', 'Il backtest non è concluso: si salva quando ha un risultato.');
  const model = run.report.model;
  const version = await db.transaction().execute(async (trx) => {
    let saved: number | null = null;
    if (model) {
      const { version: _latest, ...data } = (await findLatestRiskSettings(trx)).data;
      saved = (await insertRiskSettingsVersion(trx, { ...data, model }, user.id)).version;
    }
    await markRunSaved(trx, id, { userId: user.id, version: saved, now: now.toISOString() });
    return saved;
  });
  return { run: (await findRun(db, id))!, version };
}
