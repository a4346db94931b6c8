import type { Db } from '../db/open-database';

/**
 * Every row held about one student, grouped by table, for a data-subject access request. The
 * pseudonym is left out: it is a key derived from the codice fiscale, not data about the person.
 */
export async function exportStudentData(db: Db, studentId: number) {
  const student = await db.selectFrom('student').selectAll().where('id', '=', studentId).executeTakeFirst();
  if (!student) return undefined;
  const { pseudonym: _pseudonym, ...person } = student;
  type PerStudent = 'enrolment' | 'attendance_event' | 'grade' | 'outcome' | 'flag' | 'student_note';
  const byStudent = (table: PerStudent) =>
    db
      .selectFrom(table)
      .selectAll()
      .where('student_id' as never, '=', studentId as never)
      .execute();
  const cases = await db.selectFrom('support_case').selectAll().where('student_id', '=', studentId).execute();
  const caseIds = cases.map((c) => c.id);
  return {
    exportedAt: new Date().toISOString(),
    student: person,
    enrolments: await byStudent('enrolment'),
    attendance: await byStudent('attendance_event'),
    grades: await byStudent('grade'),
    outcomes: await byStudent('outcome'),
    flags: await byStudent('flag'),
    notes: await byStudent('student_note'),
    cases,
    caseActions:
      caseIds.length === 0
        ? []
        : await db.selectFrom('case_action').selectAll().where('case_id', 'in', caseIds).execute(),
    // The referrals to the PUA with the family's consent (who, when, for which services) and the PUA's updates.
    referrals: await db.selectFrom('pua_referral').selectAll().where('student_id', '=', studentId).execute(),
    referralUpdates: await db
      .selectFrom('pua_referral_update')
      .selectAll()
      .where('referral_id', 'in', db.selectFrom('pua_referral').select('id').where('student_id', '=', studentId))
      .execute(),
    participantViews:
      caseIds.length === 0
        ? []
        : await db.selectFrom('case_participant_view').selectAll().where('case_id', 'in', caseIds).execute(),
    // The receiving schools' answers to reorientations (issue #21): data about the student too.
    arrivals:
      caseIds.length === 0
        ? []
        : await db
            .selectFrom('reorientation_arrival as r')
            .innerJoin('case_action as a', 'a.id', 'r.action_id')
            .selectAll('r')
            .where('a.case_id', 'in', caseIds)
            .execute(),
  };
}
