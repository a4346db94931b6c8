import type { AuthUser } from '../auth/current-user';
import type { Db } from '../db/open-database';
import { HttpError } from '../http/http-error';
import { denied } from '../http/scope';
import { caseInWindow, readOnly, studentAccess, type RecordWindow } from '../http/student-access';

/** Who works on cases: mediators and referents of the school, and the admin (DESIGN.md users). */
export const CASE_ROLES = ['admin', 'referente', 'mediatore'] as const;

/** May this user open or work on cases of this school? */
export function assertCaseWorker(user: AuthUser, schoolId: number): void {
  if (user.role === 'admin') return;
  if ((user.role === 'mediatore' || user.role === 'referente') && user.schoolIds.includes(schoolId)) return;
  throw denied('Solo i mediatori e i referenti della scuola gestiscono i casi');
}

/** The owner of a case must be someone who works on cases of that school. */
export async function assertValidOwner(db: Db, ownerId: number, schoolId: number): Promise<void> {
  const owner = await db
    .selectFrom('app_user')
    .select(['id', 'role'])
    .where('id', '=', ownerId)
    .where('disabled_at', 'is', null)
    .executeTakeFirst();
  const holds =
    owner &&
    (owner.role === 'admin' ||
      (await db
        .selectFrom('user_school')
        .select('user_id')
        .where('user_id', '=', ownerId)
        .where('school_id', '=', schoolId)
        .executeTakeFirst()));
  if (!owner || !holds || !['admin', 'mediatore', 'referente'].includes(owner.role)) {
    throw new HttpError(
      400,
      'validation_failed',
      'Il titolare del caso deve essere un mediatore o un referente della scuola',
    );
  }
}

const CASE_NOT_FOUND = 'Caso non trovato';

export interface VisibleCase {
  studentId: number;
  schoolId: number;
  status: string;
  /** Set when the user's school or class is a former one of the student: read-only, as it was then. */
  window?: RecordWindow;
}

/**
 * A case is visible to whoever may see its student (teachers included: the case timeline); a
 * former school only its own cases opened before the student left. Anything else, and a case
 * that does not exist, get the same 404 (issue 17: ids are not probed).
 */
export async function findCaseStudent(db: Db, user: AuthUser, caseId: number): Promise<VisibleCase> {
  const c = await db
    .selectFrom('support_case')
    .select(['student_id', 'school_id', 'status', 'opened_at'])
    .where('id', '=', caseId)
    .executeTakeFirst();
  if (!c) throw new HttpError(404, 'not_found', CASE_NOT_FOUND);
  const access = await studentAccess(db, user, c.student_id, CASE_NOT_FOUND);
  const found = { studentId: c.student_id, schoolId: c.school_id, status: c.status };
  if (access.kind === 'current') return found;
  if (!caseInWindow(access.window, c.school_id, c.opened_at)) throw denied(CASE_NOT_FOUND, 404);
  return { ...found, window: access.window };
}

/** A case to work on: visible, and the user's school or class still holds the student. */
export async function findCaseToWrite(db: Db, user: AuthUser, caseId: number): Promise<VisibleCase> {
  const c = await findCaseStudent(db, user, caseId);
  if (c.window) throw readOnly(c.window);
  return c;
}
