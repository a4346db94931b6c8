import { Router } from 'express';
import { z } from 'zod';
import { ROLES_WITH_NAMES } from '@primm/shared/contracts/auth';
import type { ClassStudentList } from '@primm/shared/contracts/classes';
import { Id } from '@primm/shared/contracts/domain';
import type { Db } from '../db/open-database';
import { audit } from '../http/audit';
import { requireRole, userOf } from '../http/authenticate';
import { notFound } from '../http/http-error';
import { assertCanReadClass } from '../http/scope';
import { findClass, listClassStudents } from './repository';

const ClassIdParam = z.object({ id: Id });

export function classRoutes(db: Db): Router {
  const router = Router();

  router.get('/classes/:id', requireRole(...ROLES_WITH_NAMES), async (req, res) => {
    const { id } = ClassIdParam.parse(req.params);
    await assertCanReadClass(db, userOf(req), id);
    const found = await findClass(db, id);
    if (!found) throw notFound('Classe non trovata');
    res.json(found);
  });

  router.get('/classes/:id/students', requireRole(...ROLES_WITH_NAMES), async (req, res) => {
    const user = userOf(req);
    const { id } = ClassIdParam.parse(req.params);
    await assertCanReadClass(db, user, id);
    const body: ClassStudentList = { items: await listClassStudents(db, id) };
    await audit(
      db,
      { user, req },
      { action: 'class.students.read', classId: id, studentIds: body.items.map((s) => s.id) },
    );
    res.json(body);
  });

  return router;
}
