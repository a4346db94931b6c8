import { Router } from 'express';
import type { ProvinceList } from '@primm/shared/contracts/provinces';
import { findLatestYearWithData } from '../db/current-year';
import type { Db } from '../db/open-database';
import { requireRole } from '../http/authenticate';
import { listProvinces } from './repository';
import { SCHOOL_SIDE_ROLES } from '@primm/shared/contracts/auth';

export function provinceRoutes(db: Db): Router {
  const router = Router();
  // Counts per province: aggregates in the thousands, open to every signed-in role.
  router.get('/provinces', requireRole(...SCHOOL_SIDE_ROLES), async (_req, res) => {
    const year = await findLatestYearWithData(db);
    const body: ProvinceList = { items: await listProvinces(db, year?.id ?? null) };
    res.json(body);
  });
  return router;
}
