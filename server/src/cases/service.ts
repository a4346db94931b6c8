import type { AuthUser } from '../auth/current-user';
import type { Db } from '../db/open-database';
import { HttpError } from '../http/http-error';
import { assertCanReadStudent, denied } from '../http/scope';
import { currentClasses } from './repository';

/** Who works on cases: mediators and referents of the school, and the admin (DESIGN.md users). */
export const CASE_ROLES = ['admin', 'referente', 'mediatore'] as const;

/** The school of a student now (open enrolment, else the latest), or 404. */
export async function schoolOfStudent(db: Db, studentId: number): Promise<number> {
  const cls = (await currentClasses(db, [studentId])).get(studentId);
  if (!cls) throw new HttpError(404, 'not_found', 'Studente non trovato');
  return cls.schoolId;
}

/** May this user open or work on cases of this school? */
export function assertCaseWorker(user: AuthUser, schoolId: number): void {
  if (user.role === 'admin') return;
  if ((user.role === 'mediatore' || user.role === 'referente') && user.schoolIds.includes(schoolId)) return;
  throw denied('Solo i mediatori e i referenti della scuola gestiscono i casi');
}

/** The owner of a case must be someone who works on cases of that school. */
export async function assertValidOwner(db: Db, ownerId: number, schoolId: number): Promise<void> {
  const owner = await db.selectFrom('app_user').select(['id', 'role']).where('id', '=', ownerId).where('disabled_at', 'is', null).executeTakeFirst();
  const holds = owner && (owner.role === 'admin' || (await db.selectFrom('user_school').select('user_id').where('user_id', '=', ownerId).where('school_id', '=', schoolId).executeTakeFirst()));
  if (!owner || !holds || !['admin', 'mediatore', 'referente'].includes(owner.role)) {
    throw new HttpError(400, 'validation_failed', 'Il titolare del caso deve essere un mediatore o un referente della scuola');
  }
}

/** A case is visible to whoever may see its student (teachers included: the case timeline). */
export async function findCaseStudent(db: Db, user: AuthUser, caseId: number): Promise<{ studentId: number; schoolId: number; status: string }> {
  const c = await db.selectFrom('support_case').select(['student_id', 'school_id', 'status']).where('id', '=', caseId).executeTakeFirst();
  if (!c) throw new HttpError(404, 'not_found', 'Caso non trovato');
  await assertCanReadStudent(db, user, c.student_id);
  return { studentId: c.student_id, schoolId: c.school_id, status: c.status };
}
