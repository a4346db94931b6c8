import { Router } from 'express';
import type { MunicipalityOptionList } from '@primm/shared/contracts/users';
import type { Db } from '../db/open-database';
import { requireRole } from '../http/authenticate';

/**
 * Marche's municipalities (the reference table, ≈ 225 rows), for the admin's user form: a PUA or
 * comune account serves ≥ 1 of them (users/service.ts). Public names, no student: nothing to audit.
 * The whole list in one answer: the form filters it as the admin types.
 */
export function municipalityRoutes(db: Db): Router {
  const router = Router();

  router.get('/municipalities', requireRole('admin'), async (_req, res) => {
    const rows = await db
      .selectFrom('municipality')
      .select(['istat_code', 'name', 'province_code'])
      .orderBy('name')
      .orderBy('istat_code')
      .execute();
    const body: MunicipalityOptionList = {
      items: rows.map((r) => ({ istatCode: r.istat_code, name: r.name, provinceCode: r.province_code })),
    };
    res.json(body);
  });

  return router;
}
