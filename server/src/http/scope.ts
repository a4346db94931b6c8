import type { AuthUser } from '../auth/current-user';
import type { Db } from '../db/open-database';
import { HttpError, notFound } from './http-error';

/**
 * Least privilege, checked on the server for every read and write: teachers see their classes,
 * referents and mediators their schools, the admin everything, the analyst no student at all.
 * A denial throws an HttpError marked `denied`, which the error handler writes to the audit log.
 * What a user may do with one student (current or former school) is in `student-access.ts`.
 */

export const denied = (message = 'Non sei autorizzato a vedere questi dati', status: 403 | 404 = 403) =>
  new HttpError(status, status === 404 ? 'not_found' : 'forbidden', message, undefined, true);

/** Ids of the schools a user may see, or null for every school. */
export async function visibleSchoolIds(db: Db, user: AuthUser): Promise<number[] | null> {
  if (user.role === 'admin' || user.role === 'analista') return null;
  if (user.role === 'docente') {
    if (user.classIds.length === 0) return [];
    const rows = await db.selectFrom('class').select('school_id').distinct().where('id', 'in', user.classIds).execute();
    return rows.map((r) => r.school_id);
  }
  return user.schoolIds;
}

/**
 * A class's students by name: its teachers, the referents and mediators of its school, the admin.
 * A class out of scope gets the answer of one that does not exist (issue 17: ids are not probed).
 */
export async function assertCanReadClass(db: Db, user: AuthUser, classId: number): Promise<void> {
  if (user.role === 'analista') throw denied('Il ruolo di analista vede solo dati aggregati');
  const cls = await db.selectFrom('class').select('school_id').where('id', '=', classId).executeTakeFirst();
  if (!cls) throw notFound(CLASS_NOT_FOUND);
  const holds =
    user.role === 'admin' ||
    (user.role === 'docente' ? user.classIds.includes(classId) : user.schoolIds.includes(cls.school_id));
  if (!holds) throw denied(CLASS_NOT_FOUND, 404);
}

const CLASS_NOT_FOUND = 'Classe non trovata';

/**
 * The school of a code the user may read, or the same 404 whether the code does not exist or
 * is out of scope (issue 17: ids are not probed).
 */
export async function findReadableSchool(db: Db, user: AuthUser, code: string): Promise<{ id: number }> {
  const school = await db.selectFrom('school').select('id').where('code', '=', code).executeTakeFirst();
  if (!school) throw notFound(SCHOOL_NOT_FOUND);
  const ids = await visibleSchoolIds(db, user);
  if (ids !== null && !ids.includes(school.id)) throw denied(SCHOOL_NOT_FOUND, 404);
  return school;
}

/**
 * A school id given as a filter (worklist, archive): one out of scope answers the same 404 as one
 * that does not exist; the admin's unknown id simply filters to nothing.
 */
export async function assertCanReadSchool(db: Db, user: AuthUser, schoolId: number): Promise<void> {
  const ids = await visibleSchoolIds(db, user);
  if (ids !== null && !ids.includes(schoolId)) throw denied(SCHOOL_NOT_FOUND, 404);
}

/** Without the code: the answer must read the same for every code that is not the user's. */
export const SCHOOL_NOT_FOUND = 'Scuola non trovata';
