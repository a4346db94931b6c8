import { Router } from 'express';
import { z } from 'zod';
import { SCHOOL_SIDE_ROLES } from '@primm/shared/contracts/auth';
import {
  BacktestRunInput,
  LevelChoice,
  SchoolCapacityInput,
  type BacktestRun,
  type BacktestYears,
  type LevelPreview,
  type SchoolCapacity,
} from '@primm/shared/contracts/backtest';
import { Id } from '@primm/shared/contracts/domain';
import type { RiskSettingsSaved } from '@primm/shared/contracts/risk';
import type { RiskLegend } from '@primm/shared/contracts/risk-legend';
import { SchoolCodeParam } from '@primm/shared/contracts/schools';
import type { Db } from '../db/open-database';
import { audit } from '../http/audit';
import { requireRole, userOf } from '../http/authenticate';
import { HttpError, notFound } from '../http/http-error';
import { findLatestRiskSettings, insertRiskSettingsVersion } from '../risk-settings/repository';
import { startBacktestRun } from './background-runs';
import { saveSchoolCapacity } from './capacity';
import { readRiskLegend } from './legend';
import { previewLevels } from './level-preview';
import { findLatestRun, findRun } from './repository';
import { listBacktestYears } from './run-backtest';
import { saveBacktestAsLegend } from './save-legend';

const IdParam = z.object({ id: Id });
const RECOMPUTE_HINT = 'Si applica al prossimo ricalcolo: POST /api/risk/recompute o pnpm primm recompute.';

/**
 * Issue 18: the backtest on past cohorts (admin), the legend every role with risk lists reads, the
 * level cut points with their "what if", and each school's capacity.
 */
export function backtestRoutes(db: Db, deps: { minCell: number }): Router {
  const router = Router();

  router.get('/backtest', requireRole('admin'), async (_req, res) => {
    const body: BacktestYears = { years: await listBacktestYears(db), latestRun: await findLatestRun(db) };
    res.json(body);
  });

  // 202: the work goes on after the answer; the page polls the run for its progress.
  router.post('/backtest/runs', requireRole('admin'), async (req, res) => {
    const user = userOf(req);
    const input = BacktestRunInput.parse(req.body);
    const run = await startBacktestRun(db, input, user.id);
    await audit(
      db,
      { user, req },
      {
        action: 'risk.backtest.run',
        details: { run: run.id, schoolYear: input.schoolYear, monthDay: input.monthDay ?? null },
      },
    );
    const body: BacktestRun = run;
    res.status(202).json(body);
  });

  router.get('/backtest/runs/:id', requireRole('admin'), async (req, res) => {
    const { id } = IdParam.parse(req.params);
    const run = await findRun(db, id);
    if (!run) throw notFound('Backtest non trovato');
    const body: BacktestRun = run;
    res.json(body);
  });

  router.post('/backtest/runs/:id/save', requireRole('admin'), async (req, res) => {
    const user = userOf(req);
    const { id } = IdParam.parse(req.params);
    const { run, version } = await saveBacktestAsLegend(db, id, user);
    await audit(db, { user, req }, { action: 'risk.backtest.save', details: { run: id, settingsVersion: version } });
    const body: BacktestRun = run;
    res.json(body);
  });

  // Every role: the legend holds counts of a past cohort, no student, so the analyst reads it too
  // (the regional reports speak of the same levels).
  router.get('/risk/legend', requireRole(...SCHOOL_SIDE_ROLES), async (_req, res) => {
    const body: RiskLegend = await readRiskLegend(db, deps.minCell);
    res.json(body);
  });

  router.post('/risk/levels/preview', requireRole('admin'), async (req, res) => {
    const choice = LevelChoice.parse(req.body);
    const body: LevelPreview = await previewLevels(db, choice);
    res.json(body);
  });

  // A new settings version with these cut points and everything else of the latest one.
  router.put('/risk/levels', requireRole('admin'), async (req, res) => {
    const user = userOf(req);
    const choice = LevelChoice.parse(req.body);
    const saved = await db.transaction().execute(async (trx) => {
      const { version: _v, ...data } = (await findLatestRiskSettings(trx)).data;
      if (choice.basis === 'probability' && !data.model) {
        throw new HttpError(
          400,
          'validation_failed',
          'I livelli per probabilità richiedono un modello: esegui e salva prima un backtest.',
        );
      }
      const version = await insertRiskSettingsVersion(trx, { ...data, levels: choice }, user.id);
      await audit(
        trx,
        { user, req },
        { action: 'risk.levels.update', details: { version: version.version, ...choice } },
      );
      return version;
    });
    const body: RiskSettingsSaved = { ...saved, recomputeNeeded: true, hint: RECOMPUTE_HINT };
    res.json(body);
  });

  router.put('/schools/:code/capacity', requireRole('admin'), async (req, res) => {
    const user = userOf(req);
    const { code } = SchoolCodeParam.parse(req.params);
    const { capacity } = SchoolCapacityInput.parse(req.body);
    const school = await db.selectFrom('school').select('id').where('code', '=', code).executeTakeFirst();
    if (!school) throw notFound('Scuola non trovata');
    await db.transaction().execute(async (trx) => {
      await saveSchoolCapacity(trx, school.id, capacity, user.id);
      await audit(trx, { user, req }, { action: 'school.capacity.update', details: { school: code, capacity } });
    });
    const body: SchoolCapacity = { code, capacity };
    res.json(body);
  });

  return router;
}
