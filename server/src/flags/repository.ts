import type { CreateFlagInput, Flag, FlagReasonCode, Note } from '@primm/shared/contracts/flags';
import type { Db } from '../db/open-database';
import { caseInWindow, writtenInWindow, type RecordWindow } from '../http/student-access';

/** The student's flags; with a window, only those a former school keeps (and only its cases). */
export async function listFlags(db: Db, studentId: number, window?: RecordWindow): Promise<Flag[]> {
  const rows = await db
    .selectFrom('flag')
    .innerJoin('app_user', 'app_user.id', 'flag.created_by')
    .leftJoin('support_case', 'support_case.flag_id', 'flag.id')
    .select([
      'flag.id',
      'flag.student_id',
      'flag.reason_code',
      'flag.reason',
      'flag.created_at',
      'flag.resolved_at',
      'app_user.id as user_id',
      'app_user.display_name',
      'support_case.id as case_id',
      'support_case.school_id as case_school_id',
      'support_case.opened_at as case_opened_at',
    ])
    .where('flag.student_id', '=', studentId)
    .orderBy('flag.created_at', 'desc')
    .orderBy('flag.id', 'desc')
    .execute();
  const kept = window ? rows.filter((r) => writtenInWindow(window, r.user_id, r.created_at)) : rows;
  const caseOf = (r: (typeof rows)[number]) =>
    r.case_id !== null && window && !caseInWindow(window, r.case_school_id!, r.case_opened_at!) ? null : r.case_id;
  return kept.map((r) => ({
    id: r.id,
    studentId: r.student_id,
    reasonCode: r.reason_code as FlagReasonCode,
    reason: r.reason,
    createdBy: { id: r.user_id, name: r.display_name },
    createdAt: r.created_at,
    resolvedAt: r.resolved_at,
    caseId: caseOf(r),
  }));
}

export async function insertFlag(
  db: Db,
  studentId: number,
  input: CreateFlagInput,
  userId: number,
  now: string,
): Promise<number> {
  const { id } = await db
    .insertInto('flag')
    .values({
      student_id: studentId,
      reason_code: input.reasonCode,
      reason: input.reason,
      created_by: userId,
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** The student's notes; with a window, only those a former school keeps. */
export async function listNotes(db: Db, studentId: number, window?: RecordWindow): Promise<Note[]> {
  const rows = await db
    .selectFrom('student_note')
    .innerJoin('app_user', 'app_user.id', 'student_note.created_by')
    .select([
      'student_note.id',
      'student_note.student_id',
      'student_note.body',
      'student_note.created_at',
      'app_user.id as user_id',
      'app_user.display_name',
    ])
    .where('student_note.student_id', '=', studentId)
    .orderBy('student_note.created_at', 'desc')
    .orderBy('student_note.id', 'desc')
    .execute();
  const kept = window ? rows.filter((r) => writtenInWindow(window, r.user_id, r.created_at)) : rows;
  return kept.map((r) => ({
    id: r.id,
    studentId: r.student_id,
    body: r.body,
    createdBy: { id: r.user_id, name: r.display_name },
    createdAt: r.created_at,
  }));
}

export async function insertNote(
  db: Db,
  studentId: number,
  body: string,
  userId: number,
  now: string,
): Promise<number> {
  const { id } = await db
    .insertInto('student_note')
    .values({ student_id: studentId, body, created_by: userId, created_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}
