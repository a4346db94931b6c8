import type { L2Level, Sex } from '@primm/shared/contracts/domain';
import type { StudentDetail } from '@primm/shared/contracts/students';
import type { Db } from '../db/open-database';
import type { StudentAccess } from '../http/student-access';
import { isNewlyArrived } from './newly-arrived';

/**
 * The student page. A former school or class (docs/privacy.md "Dopo un trasferimento") sees the
 * identity and its own enrolments; the residence and the L2 level, which the school that holds
 * the student keeps up to date, and the enrolments elsewhere or after the date, are left out.
 */
export async function findStudent(
  db: Db,
  studentId: number,
  today: string,
  access: StudentAccess,
): Promise<StudentDetail | undefined> {
  const s = await db.selectFrom('student').selectAll().where('id', '=', studentId).executeTakeFirst();
  if (!s) return undefined;
  const enrolments = await db
    .selectFrom('enrolment')
    .innerJoin('class', 'class.id', 'enrolment.class_id')
    .innerJoin('school', 'school.id', 'class.school_id')
    .innerJoin('school_year', 'school_year.id', 'class.school_year_id')
    .where('enrolment.student_id', '=', studentId)
    .select([
      'class.id as class_id',
      'class.name as class_name',
      'school.code as school_code',
      'school.name as school_name',
      'school_year.label',
      'class.school_id',
      'enrolment.entered_on',
      'enrolment.left_on',
      'enrolment.exit_reason',
    ])
    .orderBy('enrolment.entered_on')
    .execute();
  const window = access.kind === 'former' ? access.window : null;
  const shown = window
    ? enrolments.filter((e) => window.schoolIds.includes(e.school_id) && e.entered_on < window.before)
    : enrolments;
  return {
    id: s.id,
    lastName: s.last_name,
    firstName: s.first_name,
    sex: s.sex as Sex,
    birthDate: s.birth_date,
    citizenship: s.citizenship,
    bornInItaly: s.born_in_italy === 1,
    arrivalDate: s.arrival_date,
    newlyArrived: isNewlyArrived(s.arrival_date, today),
    l2Level: window ? null : (s.l2_level as L2Level | null),
    residenceIstat: window ? null : s.residence_istat,
    enrolments: shown.map((e) => ({
      classId: e.class_id,
      className: e.class_name,
      schoolCode: e.school_code,
      schoolName: e.school_name,
      schoolYear: e.label,
      enteredOn: e.entered_on,
      leftOn: e.left_on,
      exitReason: e.exit_reason,
    })),
    access: window ? { kind: 'former', until: window.before } : { kind: 'current', until: null },
  };
}
