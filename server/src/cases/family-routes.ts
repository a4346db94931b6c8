import { Router } from 'express';
import { z } from 'zod';
import { ROLES_WITH_NAMES } from '@primm/shared/contracts/auth';
import { Id } from '@primm/shared/contracts/domain';
import { FamilyLanguage, UpdateStudentFamilyInput, type StudentFamily } from '@primm/shared/contracts/family';
import type { AuthUser } from '../auth/current-user';
import type { Db } from '../db/open-database';
import { audit } from '../http/audit';
import { requireRole, userOf } from '../http/authenticate';
import { assertCanReadStudent } from '../http/scope';
import { assertCaseWorker, CASE_ROLES, schoolOfStudent } from './service';

const StudentIdParam = z.object({ studentId: Id });

/**
 * The family's language and the need for an interpreter (issue 19): read by whoever sees the
 * student, changed by the mediators and referents of the school the student is in now (and the
 * admin), who meet the family; a school the student has left no longer decides for them.
 */
export function familyRoutes(db: Db, now: () => Date): Router {
  const router = Router();

  router.get('/students/:studentId/family', requireRole(...ROLES_WITH_NAMES), async (req, res) => {
    const user = userOf(req);
    const { studentId } = StudentIdParam.parse(req.params);
    await assertCanReadStudent(db, user, studentId);
    const body = await findFamily(db, user, studentId);
    await audit(db, { user, req }, { action: 'student.family.read', studentIds: [studentId] });
    res.json(body);
  });

  router.put('/students/:studentId/family', requireRole(...CASE_ROLES), async (req, res) => {
    const user = userOf(req);
    const { studentId } = StudentIdParam.parse(req.params);
    const input = UpdateStudentFamilyInput.parse(req.body);
    await assertCanReadStudent(db, user, studentId);
    assertCaseWorker(user, await schoolOfStudent(db, studentId));
    await db.transaction().execute(async (trx) => {
      await trx.updateTable('student').set({
        family_language: input.language,
        interpreter_needed: input.interpreterNeeded === null ? null : input.interpreterNeeded ? 1 : 0,
        family_updated_at: now().toISOString(),
        family_updated_by: user.id,
      }).where('id', '=', studentId).execute();
      await audit(trx, { user, req }, { action: 'student.family.update', studentIds: [studentId], details: input });
    });
    res.json(await findFamily(db, user, studentId));
  });

  return router;
}

async function findFamily(db: Db, user: AuthUser, studentId: number): Promise<StudentFamily> {
  const row = await db
    .selectFrom('student')
    .leftJoin('app_user as u', 'u.id', 'student.family_updated_by')
    .select(['student.family_language', 'student.interpreter_needed', 'student.family_updated_at', 'u.id as user_id', 'u.display_name'])
    .where('student.id', '=', studentId)
    .executeTakeFirstOrThrow();
  return {
    // a code dropped from the list since it was stored reads as not recorded, not as an error
    language: FamilyLanguage.safeParse(row.family_language).data ?? null,
    interpreterNeeded: row.interpreter_needed === null ? null : row.interpreter_needed === 1,
    updatedAt: row.family_updated_at,
    updatedBy: row.user_id === null ? null : { id: row.user_id, name: row.display_name ?? '' },
    canEdit: await mayEdit(db, user, studentId),
  };
}

async function mayEdit(db: Db, user: AuthUser, studentId: number): Promise<boolean> {
  if (user.role === 'admin') return true;
  if (user.role !== 'mediatore' && user.role !== 'referente') return false;
  return user.schoolIds.includes(await schoolOfStudent(db, studentId));
}
