import { Router } from 'express';
import { AuditQuery, type AuditPage } from '@primm/shared/contracts/audit';
import type { Db } from '../db/open-database';
import { audit } from '../http/audit';
import { requireRole, userOf } from '../http/authenticate';
import { findStudents } from './find-students';
import { listAudit } from './repository';

export function auditRoutes(db: Db, deps: { pseudonymKey: string }): Router {
  const router = Router();
  router.get('/audit', requireRole('admin'), async (req, res) => {
    const query = AuditQuery.parse(req.query);
    if (!query.student) {
      const body: AuditPage = await listAudit(db, query);
      res.json(body);
      return;
    }
    // A search by student reads who they are: that read is a line of the log like any other.
    const students = await findStudents(db, query.student, deps.pseudonymKey);
    const body: AuditPage = {
      ...(await listAudit(
        db,
        query,
        students.map((s) => s.id),
      )),
      students,
    };
    if (!query.before && students.length > 0)
      await audit(db, { user: userOf(req), req }, { action: 'audit.read', studentIds: students.map((s) => s.id) });
    res.json(body);
  });
  return router;
}
