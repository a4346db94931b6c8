import { Router } from 'express';
import { AuditQuery, type AuditPage } from '@primm/shared/contracts/audit';
import type { Db } from '../db/open-database';
import { requireRole } from '../http/authenticate';
import { listAudit } from './repository';

export function auditRoutes(db: Db): Router {
  const router = Router();
  router.get('/audit', requireRole('admin'), async (req, res) => {
    const body: AuditPage = await listAudit(db, AuditQuery.parse(req.query));
    res.json(body);
  });
  return router;
}
