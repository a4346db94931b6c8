import { Router } from 'express';
import { Id } from '@primm/shared/contracts/domain';
import { CreateUserInput, type UserList } from '@primm/shared/contracts/users';
import type { Db } from '../db/open-database';
import { audit } from '../http/audit';
import { requireRole, userOf } from '../http/authenticate';
import { listUsers } from './repository';
import { createUser, issueOneTimePassword } from './service';

export function userRoutes(db: Db, now: () => Date): Router {
  const router = Router();

  router.get('/users', requireRole('admin', 'referente'), async (req, res) => {
    const user = userOf(req);
    const body: UserList = { items: await listUsers(db, user.role === 'admin' ? null : user.schoolIds) };
    res.json(body);
  });

  router.post('/users', requireRole('admin', 'referente'), async (req, res) => {
    const actor = userOf(req);
    const input = CreateUserInput.parse(req.body);
    const created = await createUser(db, actor, input, now());
    await audit(db, { user: actor, req }, { action: 'user.create', details: { userId: created.user.id, role: created.user.role } });
    res.status(201).json(created);
  });

  router.post('/users/:id/one-time-password', requireRole('admin', 'referente'), async (req, res) => {
    const actor = userOf(req);
    const id = Id.parse(req.params.id);
    const issued = await issueOneTimePassword(db, actor, id, now());
    await audit(db, { user: actor, req }, { action: 'user.one_time_password', details: { userId: id } });
    res.json(issued);
  });

  return router;
}
