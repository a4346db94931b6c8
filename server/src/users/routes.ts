import { Router } from 'express';
import { Id } from '@primm/shared/contracts/domain';
import {
  BulkUsersInput,
  CreateUserInput,
  UpdateUserInput,
  type BulkUsersPreview,
  type BulkUsersResult,
  type User,
  type UserList,
} from '@primm/shared/contracts/users';
import type { Db } from '../db/open-database';
import { audit } from '../http/audit';
import { requireRole, userOf } from '../http/authenticate';
import { checkBulkCsv, createBulk, publicRow } from './bulk';
import { listUsers } from './repository';
import { createUser, issueOneTimePassword, setDisabled, updateUser } from './service';

/** What the audit keeps of an account's rights: role and scope, by code and id. */
const rights = (u: User) => ({ role: u.role, schools: u.schools, classIds: u.classIds });

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
    await audit(
      db,
      { user: actor, req },
      { action: 'user.create', details: { userId: created.user.id, role: created.user.role } },
    );
    res.status(201).json(created);
  });

  router.patch('/users/:id', requireRole('admin', 'referente'), async (req, res) => {
    const actor = userOf(req);
    const id = Id.parse(req.params.id);
    const input = UpdateUserInput.parse(req.body);
    const { before, after } = await updateUser(db, actor, id, input);
    await audit(
      db,
      { user: actor, req },
      {
        action: 'user.update',
        details: { userId: id, email: after.email, before: rights(before), after: rights(after) },
      },
    );
    res.json(after satisfies User);
  });

  router.post('/users/:id/deactivate', requireRole('admin', 'referente'), async (req, res) => {
    const actor = userOf(req);
    const id = Id.parse(req.params.id);
    const user = await setDisabled(db, actor, id, true, now());
    await audit(db, { user: actor, req }, { action: 'user.deactivate', details: { userId: id, email: user.email } });
    res.json(user satisfies User);
  });

  router.post('/users/:id/reactivate', requireRole('admin', 'referente'), async (req, res) => {
    const actor = userOf(req);
    const id = Id.parse(req.params.id);
    const user = await setDisabled(db, actor, id, false, now());
    await audit(db, { user: actor, req }, { action: 'user.reactivate', details: { userId: id, email: user.email } });
    res.json(user satisfies User);
  });

  router.post('/users/:id/one-time-password', requireRole('admin', 'referente'), async (req, res) => {
    const actor = userOf(req);
    const id = Id.parse(req.params.id);
    const issued = await issueOneTimePassword(db, actor, id, now());
    await audit(db, { user: actor, req }, { action: 'user.one_time_password', details: { userId: id } });
    res.json(issued);
  });

  // A CSV of accounts: checked row by row first (nothing written), then created all together.
  router.post('/users/bulk/preview', requireRole('admin', 'referente'), async (req, res) => {
    const { csv } = BulkUsersInput.parse(req.body);
    const rows = (await checkBulkCsv(db, userOf(req), csv)).map(publicRow);
    const invalid = rows.filter((r) => r.errors.length > 0).length;
    res.json({ rows, valid: rows.length - invalid, invalid } satisfies BulkUsersPreview);
  });

  router.post('/users/bulk', requireRole('admin', 'referente'), async (req, res) => {
    const actor = userOf(req);
    const { csv } = BulkUsersInput.parse(req.body);
    const created = await createBulk(db, actor, csv, now());
    for (const { user } of created) {
      await audit(
        db,
        { user: actor, req },
        { action: 'user.create', details: { userId: user.id, role: user.role, bulk: true } },
      );
    }
    res.status(201).json({ created } satisfies BulkUsersResult);
  });

  return router;
}
