import { Router } from 'express';
import { RiskSettingsInput, type RiskSettingsSaved, type RiskSettingsVersion } from '@primm/shared/contracts/risk';
import type { Db } from '../db/open-database';
import { audit } from '../http/audit';
import { requireRole, userOf } from '../http/authenticate';
import { findLatestRiskSettings, insertRiskSettingsVersion } from './repository';

/** Thresholds, versioned, admin only (the regional recompute that applies them: recompute/routes.ts). */
export function riskSettingsRoutes(db: Db): Router {
  const router = Router();

  router.get('/settings/risk', requireRole('admin'), async (_req, res) => {
    const body: RiskSettingsVersion = await findLatestRiskSettings(db);
    res.json(body);
  });

  // A new version, never an edit: every stored result names the version that produced it.
  router.put('/settings/risk', requireRole('admin'), async (req, res) => {
    const user = userOf(req);
    const input = RiskSettingsInput.parse(req.body);
    const sent = req.body as Record<string, unknown>;
    const keep = (['model', 'levels'] as const).filter((part) => !(part in sent));
    const saved = await db.transaction().execute(async (trx) => {
      const version = await insertRiskSettingsVersion(trx, input, user.id, keep);
      await audit(trx, { user, req }, { action: 'risk.settings.update', details: { version: version.version } });
      return version;
    });
    // Not recomputed here: a region takes seconds, and the admin may adjust several values first.
    const body: RiskSettingsSaved = {
      ...saved,
      recomputeNeeded: true,
      hint: 'Le nuove soglie si applicano al prossimo ricalcolo: POST /api/risk/recompute o pnpm primm recompute.',
    };
    res.json(body);
  });

  return router;
}
