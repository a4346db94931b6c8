import type { L2Level, Sex } from '@primm/shared/contracts/domain';
import type { StudentDetail } from '@primm/shared/contracts/students';
import type { Db } from '../db/open-database';
import { isNewlyArrived } from './newly-arrived';

export async function findStudent(db: Db, studentId: number, today: string): Promise<StudentDetail | undefined> {
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
      'enrolment.entered_on',
      'enrolment.left_on',
      'enrolment.exit_reason',
    ])
    .orderBy('enrolment.entered_on')
    .execute();
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
    l2Level: s.l2_level as L2Level | null,
    residenceIstat: s.residence_istat,
    enrolments: enrolments.map((e) => ({
      classId: e.class_id,
      className: e.class_name,
      schoolCode: e.school_code,
      schoolName: e.school_name,
      schoolYear: e.label,
      enteredOn: e.entered_on,
      leftOn: e.left_on,
      exitReason: e.exit_reason,
    })),
  };
}
