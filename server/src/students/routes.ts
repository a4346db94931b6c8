import { Router } from 'express';
import { z } from 'zod';
import { ROLES_WITH_NAMES } from '@primm/shared/contracts/auth';
import { Id } from '@primm/shared/contracts/domain';
import type { Db } from '../db/open-database';
import { audit } from '../http/audit';
import { requireRole, userOf } from '../http/authenticate';
import { notFound } from '../http/http-error';
import { assertCanReadStudent } from '../http/student-access';
import { exportStudentData } from './export';
import { findStudent } from './repository';

const StudentIdParam = z.object({ id: Id });

export function studentRoutes(db: Db, now: () => Date): Router {
  const router = Router();

  router.get('/students/:id', requireRole(...ROLES_WITH_NAMES), async (req, res) => {
    const user = userOf(req);
    const { id } = StudentIdParam.parse(req.params);
    const access = await assertCanReadStudent(db, user, id);
    const student = await findStudent(db, id, now().toISOString().slice(0, 10), access);
    if (!student) throw notFound('Studente non trovato');
    await audit(db, { user, req }, { action: 'student.read', studentIds: [id] });
    res.json(student);
  });

  // Data-subject access request (GDPR art. 15): everything held on one student, for the admin.
  router.get('/students/:id/export', requireRole('admin'), async (req, res) => {
    const { id } = StudentIdParam.parse(req.params);
    const data = await exportStudentData(db, id);
    if (!data) throw notFound('Studente non trovato');
    await audit(db, { user: userOf(req), req }, { action: 'student.export', studentIds: [id] });
    res.setHeader('Content-Disposition', `attachment; filename="studente-${id}.json"`);
    res.json(data);
  });

  return router;
}
