import type { Db } from '../db/open-database';

/**
 * Which grades a school's stored figures were computed from: each class's grade version
 * (`grade_class_version`, bumped by every import that changes a grade of the class) and the state
 * the recompute stored with the grade digests (migration 0012). The data's "today" reads the
 * latest grade date from there while it is current (`findDataAsOf`); the recompute reads the
 * digests themselves (recompute/grade-digest-store.ts).
 */

/** `id:version` of each class in the given order; a class whose grades never changed is at 0. */
export async function readClassVersions(db: Db, classIds: number[]): Promise<string> {
  const rows = await db
    .selectFrom('grade_class_version')
    .select(['class_id', 'version'])
    .where('class_id', 'in', classIds)
    .execute();
  const byClass = new Map(rows.map((r) => [r.class_id, Number(r.version)]));
  return classIds.map((id) => `${id}:${byClass.get(id) ?? 0}`).join(',');
}

/**
 * The latest grade date of the school's classes as the digests' state recorded it, when their
 * grades have not changed since (the same class versions; terms and calendar do not matter here);
 * undefined when not known. Saves a scan of every grade of the school (`findDataAsOf`).
 */
export async function readLatestGradeIfCurrent(
  db: Db,
  school: { schoolId: number; schoolYearId: number; classIds: number[] },
): Promise<string | null | undefined> {
  const state = await readDigestState(db, school);
  if (!state || state.class_versions !== (await readClassVersions(db, school.classIds))) return undefined;
  return state.latest_grade;
}

/** The state the school's digests were stored with (recompute/grade-digest-store.ts writes it). */
export const readDigestState = (db: Db, school: { schoolId: number; schoolYearId: number }) =>
  db
    .selectFrom('grade_digest_state')
    .select(['fingerprint', 'class_versions', 'latest_grade'])
    .where('school_id', '=', school.schoolId)
    .where('school_year_id', '=', school.schoolYearId)
    .executeTakeFirst();
