import { Router } from 'express';
import type { Db } from '../db/open-database';
import { audit } from '../http/audit';
import { requireRole, userOf } from '../http/authenticate';
import { caseReferralRoutes } from './case-referral-routes';
import { countReferrals } from './counts';
import { puaReferralRoutes } from './pua-routes';
import type { ReferralClock } from './repository';

/** Issue 21's default: a PUA answers a referral within 10 working days (PRIMM_PUA_ANSWER_DAYS). */
export const DEFAULT_PUA_ANSWER_DAYS = 10;

export function referralRoutes(db: Db, now: () => Date, config: { minCell: number; puaAnswerDays?: number }): Router {
  const router = Router();
  const clock = (): ReferralClock => ({
    today: now().toISOString().slice(0, 10),
    answerLimitDays: config.puaAnswerDays ?? DEFAULT_PUA_ANSWER_DAYS,
  });

  // Before /referrals/:id: the analyst's counts, never a referral.
  router.get('/referrals/counts', requireRole('analista', 'admin'), async (req, res) => {
    const user = userOf(req);
    const body = await countReferrals(db, config.minCell);
    await audit(db, { user, req }, { action: 'referral.counts.read' });
    res.json(body);
  });
  router.use(caseReferralRoutes(db, now, clock));
  router.use(puaReferralRoutes(db, now, clock));
  return router;
}
