import type { AuthUser } from '../auth/current-user';
import type { Db } from '../db/open-database';
import { HttpError } from './http-error';
import { denied } from './scope';

/**
 * The one place that says what a user may do with one student (issue 17; docs/privacy.md "Dopo
 * un trasferimento"). A user's unit is a class for a teacher, a school for referents and mediators.
 *
 * - `current`: the unit holds the student's current enrolment (`currentStay`): reads and writes.
 *   The admin is always `current`.
 * - `former`: the unit held an earlier enrolment (a transfer, a move to another class, last
 *   year's class): read-only, and only the records of its schools from before the date the
 *   student left it (`RecordWindow`). Nothing computed on the new school's data.
 * - none: 404, the same answer as an id that does not exist, so ids cannot be probed.
 */
export type StudentAccess = { kind: 'current'; current: Stay | null } | { kind: 'former'; window: RecordWindow };

/** One enrolment, as access reads it. */
export interface Stay {
  id: number;
  classId: number;
  schoolId: number;
  schoolYearId: number;
  enteredOn: string;
  leftOn: string | null;
}

/**
 * What a former unit keeps: the records of `schoolIds` (written by their users, or cases of those
 * schools) from before `before` (ISO date, exclusive: the day the student left the unit).
 */
export interface RecordWindow {
  schoolIds: number[];
  before: string;
  /** Users holding one of `schoolIds` or a class of them: the authors whose flags and notes stay. */
  writerIds: number[];
}

const byEntry = (a: Stay, b: Stay) => a.enteredOn.localeCompare(b.enteredOn) || a.id - b.id;

/**
 * The student's current enrolment: the open one (the latest entered, when the old school has not
 * yet recorded the exit of a student the new school already enrolled); when every one is closed,
 * the student left the system and nobody took them over, so the latest one, whose school stays
 * responsible (e.g. for the art. 114 procedure of a dropout).
 */
export function currentStay<T extends Stay>(stays: readonly T[]): T | undefined {
  const sorted = [...stays].sort(byEntry);
  return sorted.filter((s) => s.leftOn === null).at(-1) ?? sorted.at(-1);
}

/** The pure decision on the student's enrolments; `studentAccess` adds the writers of a former window. */
export type AccessDecision =
  { kind: 'current'; current: Stay | null } | { kind: 'former'; schoolIds: number[]; before: string };

export function decideAccess(
  user: Pick<AuthUser, 'role' | 'schoolIds' | 'classIds'>,
  stays: readonly Stay[],
): AccessDecision | null {
  const current = currentStay(stays) ?? null;
  if (user.role === 'admin') return { kind: 'current', current };
  if (user.role === 'analista' || !current) return null;
  const holds = (s: Stay) =>
    user.role === 'docente' ? user.classIds.includes(s.classId) : user.schoolIds.includes(s.schoolId);
  if (holds(current)) return { kind: 'current', current };
  const sorted = [...stays].sort(byEntry);
  const mine = sorted.filter(holds);
  const last = mine.at(-1);
  if (!last) return null;
  // The unit's access to new records ends when the student left it, or when a later enrolment
  // began if the exit was never recorded (or recorded later than that).
  const next = sorted.slice(sorted.indexOf(last) + 1).find((s) => !holds(s));
  const ends = [last.leftOn, next?.enteredOn].filter((d): d is string => d !== null && d !== undefined).sort();
  const before = ends[0] ?? current.enteredOn;
  return { kind: 'former', schoolIds: [...new Set(mine.map((s) => s.schoolId))], before };
}

/** The access of `user` to the student, or the 404 (403 for the analyst, who never sees a student). */
export async function studentAccess(
  db: Db,
  user: AuthUser,
  studentId: number,
  notFoundMessage = 'Studente non trovato',
): Promise<StudentAccess> {
  if (user.role === 'analista') throw denied('Il ruolo di analista vede solo dati aggregati');
  const stays = await db
    .selectFrom('enrolment')
    .innerJoin('class', 'class.id', 'enrolment.class_id')
    .select([
      'enrolment.id',
      'enrolment.class_id',
      'class.school_id',
      'class.school_year_id',
      'enrolment.entered_on',
      'enrolment.left_on',
    ])
    .where('enrolment.student_id', '=', studentId)
    .execute();
  const decision = decideAccess(
    user,
    stays.map((s) => ({
      id: s.id,
      classId: s.class_id,
      schoolId: s.school_id,
      schoolYearId: s.school_year_id,
      enteredOn: s.entered_on,
      leftOn: s.left_on,
    })),
  );
  if (!decision) throw denied(notFoundMessage, 404);
  if (decision.kind === 'current') return decision;
  const { schoolIds, before } = decision;
  return { kind: 'former', window: { schoolIds, before, writerIds: await usersOfSchools(db, schoolIds) } };
}

/** Any access: current or former (routes then narrow what a former unit sees with its window). */
export const assertCanReadStudent = studentAccess;

/** Reads and writes: the unit holding the current enrolment (or the admin); a former one gets 403. */
export async function assertCanWriteStudent(
  db: Db,
  user: AuthUser,
  studentId: number,
  notFoundMessage?: string,
): Promise<{ current: Stay | null }> {
  const access = await studentAccess(db, user, studentId, notFoundMessage);
  if (access.kind === 'former') throw readOnly(access.window);
  return access;
}

/** The refusal of a write by a former unit. */
export function readOnly(window: RecordWindow): HttpError {
  return denied(
    `Dal ${italianDate(window.before)} lo studente non è più nella vostra scuola o classe: quanto registrato prima resta in sola lettura, e non si possono aggiungere o modificare dati`,
  );
}

/** The refusal of what the new school or class computes (risk, attendance clock, case effect). */
export function newSchoolData(window: RecordWindow): HttpError {
  return denied(
    `Dal ${italianDate(window.before)} lo studente è seguito da un’altra scuola o classe: questi dati non sono visibili`,
  );
}

/** A flag or note stays visible to a former unit when one of its users wrote it before the date. */
export const writtenInWindow = (w: RecordWindow, createdBy: number, createdAt: string): boolean =>
  w.writerIds.includes(createdBy) && createdAt < w.before;

/** A case stays visible to a former unit when it is a case of its school opened before the date. */
export const caseInWindow = (w: RecordWindow, schoolId: number, openedAt: string): boolean =>
  w.schoolIds.includes(schoolId) && openedAt < w.before;

async function usersOfSchools(db: Db, schoolIds: number[]): Promise<number[]> {
  const [direct, viaClass] = await Promise.all([
    db.selectFrom('user_school').select('user_id').where('school_id', 'in', schoolIds).execute(),
    db
      .selectFrom('user_class')
      .innerJoin('class', 'class.id', 'user_class.class_id')
      .select('user_id')
      .where('class.school_id', 'in', schoolIds)
      .execute(),
  ]);
  return [...new Set([...direct, ...viaClass].map((r) => r.user_id))];
}

const italianDate = (iso: string) => iso.split('-').reverse().join('/');
