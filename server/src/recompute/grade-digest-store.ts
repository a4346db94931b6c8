import { emptyGradeDigest } from '@primm/shared/risk/grade-digest';
import type { GradeDigest } from '@primm/shared/risk/types';
import { insertRows } from '../db/bulk-insert';
import type { Db } from '../db/open-database';
import { readClassVersions, readDigestState } from '../school-data/grade-versions';
import type { SchoolHead } from '../school-data/load-school-data';
import { ENGINE_VERSION } from './engine-version';

/**
 * The stored grade digests of a school and year (migration 0012): the recompute reads them
 * instead of the grades while the school's grades and calendar are those they were computed from.
 */

/** Bump when the stored text of a digest changes. 2: one array per column; 3: x from the first grade. */
const DIGEST_FORMAT = 3;

/** What the digests of a school depend on besides its grades: the terms (each grade's term), the end of lessons (later grades never count), the engine and the stored format. */
export function digestFingerprint(head: Pick<SchoolHead, 'terms' | 'lessonsEnd'>): string {
  return JSON.stringify([ENGINE_VERSION, DIGEST_FORMAT, head.lessonsEnd, head.terms]);
}

/**
 * The school's digests by student when they are current (the same class versions and
 * fingerprint), with the latest grade date they were computed with; null otherwise.
 */
export async function readCurrentDigests(
  db: Db,
  school: { schoolId: number; schoolYearId: number; fingerprint: string; classVersions: string },
): Promise<{ latestGrade: string | null; digests: Map<number, string> } | null> {
  const state = await readDigestState(db, school);
  if (!state || state.fingerprint !== school.fingerprint || state.class_versions !== school.classVersions) return null;
  const rows = await db
    .selectFrom('grade_digest')
    .select(['student_id', 'digest'])
    .where('school_id', '=', school.schoolId)
    .where('school_year_id', '=', school.schoolYearId)
    .execute();
  return { latestGrade: state.latest_grade, digests: new Map(rows.map((r) => [r.student_id, r.digest])) };
}

export interface DigestsToSave {
  schoolId: number;
  schoolYearId: number;
  fingerprint: string;
  classVersions: string;
  latestGrade: string | null;
  rows: { studentId: number; digest: string }[];
}

/** Replaces the school's digests and their state (in the caller's transaction). */
export async function saveDigests(db: Db, save: DigestsToSave): Promise<void> {
  const where = { school_id: save.schoolId, school_year_id: save.schoolYearId };
  await db
    .deleteFrom('grade_digest')
    .where('school_id', '=', where.school_id)
    .where('school_year_id', '=', where.school_year_id)
    .execute();
  const rows = save.rows.map((r) => ({ ...where, student_id: r.studentId, digest: r.digest }));
  await insertRows(db, 'grade_digest', ['school_id', 'school_year_id', 'student_id', 'digest'], rows);
  const state = { fingerprint: save.fingerprint, class_versions: save.classVersions, latest_grade: save.latestGrade };
  await db
    .insertInto('grade_digest_state')
    .values({ ...where, ...state })
    .onConflict((oc) => oc.columns(['school_id', 'school_year_id']).doUpdateSet(state))
    .execute();
}

/** The text of a digest without any grade: not stored (a student without one reads as this). */
export const EMPTY_DIGEST_TEXT = serializeGradeDigest(emptyGradeDigest());

/**
 * Compact JSON, one array per column of the digest: the same digest always gives the same text,
 * which the input hash reads. Numbers round-trip exactly.
 */
export function serializeGradeDigest(d: GradeDigest): string {
  return JSON.stringify([
    d.first,
    d.last,
    d.conduct && [d.conduct.date, d.conduct.value, d.conduct.termSeq],
    d.subject,
    d.termSeq,
    d.n,
    d.sum,
    d.sx,
    d.sxx,
    d.sxy,
    d.sn,
    d.ssum,
  ]);
}

type Serialized = [
  string | null,
  string | null,
  [string, number, number] | null,
  string[],
  number[],
  number[],
  number[],
  number[],
  number[],
  number[],
  number[],
  number[],
];

export function parseGradeDigest(text: string): GradeDigest {
  const [first, last, conduct, subject, termSeq, n, sum, sx, sxx, sxy, sn, ssum] = JSON.parse(text) as Serialized;
  return {
    subject,
    termSeq,
    n,
    sum,
    sx,
    sxx,
    sxy,
    sn,
    ssum,
    first,
    last,
    conduct: conduct && { date: conduct[0], value: conduct[1], termSeq: conduct[2] },
  };
}
