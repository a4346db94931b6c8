import { Router } from 'express';
import type { RecomputeResult } from '@primm/shared/contracts/recompute-result';
import type { RecomputeSummary } from '@primm/shared/contracts/risk';
import type { Db } from '../db/open-database';
import { audit } from '../http/audit';
import { requireRole, userOf } from '../http/authenticate';
import { requestRegionalRecompute } from './recompute-requests';

/** The admin's regional recompute (after saving thresholds, risk-settings/routes.ts). */
export function recomputeRoutes(db: Db): Router {
  const router = Router();

  // Other instances on the same database join in (recompute-requests.ts).
  // The answer says how many students moved between levels: the tier changes this run recorded.
  router.post('/risk/recompute', requireRole('admin'), async (req, res) => {
    const before = await db
      .selectFrom('risk_tier_change')
      .select(({ fn }) => fn.max('id').as('id'))
      .executeTakeFirst();
    const summary: RecomputeSummary = await requestRegionalRecompute(db, userOf(req).id);
    const moves = await db
      .selectFrom('risk_tier_change')
      .select(({ fn }) => ['from_tier', 'to_tier', fn.countAll<number>().as('students')])
      .where('id', '>', Number(before?.id ?? 0))
      .groupBy(['from_tier', 'to_tier'])
      .orderBy('from_tier')
      .orderBy('to_tier')
      .execute();
    const body: RecomputeResult = {
      ...summary,
      moves: moves.map((m) => ({ from: m.from_tier, to: m.to_tier, students: Number(m.students) })),
    };
    await audit(
      db,
      { user: userOf(req), req },
      { action: 'risk.recompute', details: body as unknown as Record<string, unknown> },
    );
    res.json(body);
  });

  return router;
}
