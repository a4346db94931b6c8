import { Router } from 'express';
import { z } from 'zod';
import { ROLES_WITH_NAMES } from '@primm/shared/contracts/auth';
import { Id } from '@primm/shared/contracts/domain';
import { FamilyLanguage, UpdateStudentFamilyInput, type StudentFamily } from '@primm/shared/contracts/family';
import type { AuthUser } from '../auth/current-user';
import type { Db } from '../db/open-database';
import { audit } from '../http/audit';
import { requireRole, userOf } from '../http/authenticate';
import { HttpError } from '../http/http-error';
import { assertCanReadStudent, assertCanWriteStudent, type StudentAccess } from '../http/student-access';
import { assertCaseWorker, CASE_ROLES } from './service';

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
    const access = await assertCanReadStudent(db, user, studentId);
    const body = await findFamily(db, user, studentId, access);
    await audit(db, { user, req }, { action: 'student.family.read', studentIds: [studentId] });
    res.json(body);
  });

  router.put('/students/:studentId/family', requireRole(...CASE_ROLES), async (req, res) => {
    const user = userOf(req);
    const { studentId } = StudentIdParam.parse(req.params);
    const input = UpdateStudentFamilyInput.parse(req.body);
    // Only the school that holds the student now decides (a former school reads, never writes).
    const { current } = await assertCanWriteStudent(db, user, studentId);
    if (!current) throw new HttpError(404, 'not_found', 'Studente non trovato');
    assertCaseWorker(user, current.schoolId);
    await db.transaction().execute(async (trx) => {
      await trx
        .updateTable('student')
        .set({
          family_language: input.language,
          interpreter_needed: input.interpreterNeeded === null ? null : input.interpreterNeeded ? 1 : 0,
          family_updated_at: now().toISOString(),
          family_updated_by: user.id,
        })
        .where('id', '=', studentId)
        .execute();
      await audit(trx, { user, req }, { action: 'student.family.update', studentIds: [studentId], details: input });
    });
    res.json(await findFamily(db, user, studentId, { kind: 'current', current }));
  });

  return router;
}

async function findFamily(db: Db, user: AuthUser, studentId: number, access: StudentAccess): Promise<StudentFamily> {
  const row = await db
    .selectFrom('student')
    .leftJoin('app_user as u', 'u.id', 'student.family_updated_by')
    .select([
      'student.family_language',
      'student.interpreter_needed',
      'student.family_updated_at',
      'u.id as user_id',
      'u.display_name',
    ])
    .where('student.id', '=', studentId)
    .executeTakeFirstOrThrow();
  return {
    // a code dropped from the list since it was stored reads as not recorded, not as an error
    language: FamilyLanguage.safeParse(row.family_language).data ?? null,
    interpreterNeeded: row.interpreter_needed === null ? null : row.interpreter_needed === 1,
    updatedAt: row.family_updated_at,
    updatedBy: row.user_id === null ? null : { id: row.user_id, name: row.display_name ?? '' },
    canEdit: mayEdit(user, access),
  };
}

/** The mediators and referents of the school that holds the student now, and the admin. */
function mayEdit(user: AuthUser, access: StudentAccess): boolean {
  if (user.role === 'admin') return true;
  if (user.role !== 'mediatore' && user.role !== 'referente') return false;
  return access.kind === 'current' && access.current !== null && user.schoolIds.includes(access.current.schoolId);
}
