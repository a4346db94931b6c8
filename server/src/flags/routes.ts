import { Router } from 'express';
import { z } from 'zod';
import { ROLES_WITH_NAMES } from '@primm/shared/contracts/auth';
import { Id } from '@primm/shared/contracts/domain';
import { CreateFlagInput, CreateNoteInput, type FlagList, type NoteList } from '@primm/shared/contracts/flags';
import type { Db } from '../db/open-database';
import { audit } from '../http/audit';
import { requireRole, userOf } from '../http/authenticate';
import { assertCanReadStudent, assertCanWriteStudent } from '../http/student-access';
import { insertFlag, insertNote, listFlags, listNotes } from './repository';

const StudentIdParam = z.object({ studentId: Id });

/**
 * "Borderline" flags and notes on a student: written by whoever may see the student by name
 * (teachers of their class, the school's mediators and referents, the admin) and visible to all
 * of them, so colleagues and mediators see what a teacher noticed. A former school or class
 * (the student left it) keeps reading what its users wrote before, and writes nothing more.
 */
export function flagRoutes(db: Db, now: () => Date): Router {
  const router = Router();

  router.get('/students/:studentId/flags', requireRole(...ROLES_WITH_NAMES), async (req, res) => {
    const user = userOf(req);
    const { studentId } = StudentIdParam.parse(req.params);
    const access = await assertCanReadStudent(db, user, studentId);
    const body: FlagList = {
      items: await listFlags(db, studentId, access.kind === 'former' ? access.window : undefined),
    };
    await audit(db, { user, req }, { action: 'flag.read', studentIds: [studentId] });
    res.json(body);
  });

  router.post('/students/:studentId/flags', requireRole(...ROLES_WITH_NAMES), async (req, res) => {
    const user = userOf(req);
    const { studentId } = StudentIdParam.parse(req.params);
    const input = CreateFlagInput.parse(req.body);
    await assertCanWriteStudent(db, user, studentId);
    const id = await db.transaction().execute(async (trx) => {
      const flagId = await insertFlag(trx, studentId, input, user.id, now().toISOString());
      await audit(
        trx,
        { user, req },
        { action: 'flag.create', studentIds: [studentId], details: { flagId, reasonCode: input.reasonCode } },
      );
      return flagId;
    });
    res.status(201).json((await listFlags(db, studentId)).find((f) => f.id === id));
  });

  router.get('/students/:studentId/notes', requireRole(...ROLES_WITH_NAMES), async (req, res) => {
    const user = userOf(req);
    const { studentId } = StudentIdParam.parse(req.params);
    const access = await assertCanReadStudent(db, user, studentId);
    const body: NoteList = {
      items: await listNotes(db, studentId, access.kind === 'former' ? access.window : undefined),
    };
    await audit(db, { user, req }, { action: 'note.read', studentIds: [studentId] });
    res.json(body);
  });

  router.post('/students/:studentId/notes', requireRole(...ROLES_WITH_NAMES), async (req, res) => {
    const user = userOf(req);
    const { studentId } = StudentIdParam.parse(req.params);
    const input = CreateNoteInput.parse(req.body);
    await assertCanWriteStudent(db, user, studentId);
    const id = await db.transaction().execute(async (trx) => {
      const noteId = await insertNote(trx, studentId, input.body, user.id, now().toISOString());
      await audit(trx, { user, req }, { action: 'note.create', studentIds: [studentId], details: { noteId } });
      return noteId;
    });
    res.status(201).json((await listNotes(db, studentId)).find((n) => n.id === id));
  });

  return router;
}
