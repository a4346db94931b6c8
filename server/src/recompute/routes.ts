import { Router } from 'express';
import type { RecomputeSummary } from '@primm/shared/contracts/risk';
import type { Db } from '../db/open-database';
import { audit } from '../http/audit';
import { requireRole, userOf } from '../http/authenticate';
import { requestRegionalRecompute } from './recompute-requests';

/** The admin's regional recompute (after saving thresholds, risk-settings/routes.ts). */
export function recomputeRoutes(db: Db): Router {
  const router = Router();

  // Other instances on the same database join in (recompute-requests.ts).
  router.post('/risk/recompute', requireRole('admin'), async (req, res) => {
    const body: RecomputeSummary = await requestRegionalRecompute(db, userOf(req).id);
    await audit(db, { user: userOf(req), req }, { action: 'risk.recompute', details: body as unknown as Record<string, unknown> });
    res.json(body);
  });

  return router;
}
