import type { L2Level, Sex, Track } from '@primm/shared/contracts/domain';
import type { ClassDetail, ClassStudent } from '@primm/shared/contracts/classes';
import type { Db } from '../db/open-database';
import { parseTimetable } from '../school-data/timetable';

export async function findClass(db: Db, classId: number): Promise<ClassDetail | undefined> {
  const row = await db
    .selectFrom('class')
    .innerJoin('school', 'school.id', 'class.school_id')
    .innerJoin('school_year', 'school_year.id', 'class.school_year_id')
    .leftJoin('enrolment', (join) =>
      join.onRef('enrolment.class_id', '=', 'class.id').on('enrolment.left_on', 'is', null),
    )
    .where('class.id', '=', classId)
    .select(({ fn }) => [
      'class.id',
      'class.name',
      'class.grade_level',
      'class.track',
      'class.timetable',
      'class.weekly_hours',
      'class.annual_hours',
      'school_year.label',
      'school.code as school_code',
      'school.name as school_name',
      fn.count<number>('enrolment.id').as('students'),
    ])
    .groupBy(['class.id', 'school_year.label', 'school.code', 'school.name'])
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.id,
    name: row.name,
    schoolYear: row.label,
    gradeLevel: row.grade_level,
    track: row.track as Track | null,
    weeklyHours: row.weekly_hours,
    annualHours: row.annual_hours,
    students: Number(row.students),
    school: { code: row.school_code, name: row.school_name },
    timetable: parseTimetable(row.timetable),
  };
}

/** Everyone who has been in the class this year, leavers included (with their exit). */
export async function listClassStudents(db: Db, classId: number): Promise<ClassStudent[]> {
  const rows = await db
    .selectFrom('enrolment')
    .innerJoin('student', 'student.id', 'enrolment.student_id')
    .where('enrolment.class_id', '=', classId)
    .select([
      'student.id',
      'student.last_name',
      'student.first_name',
      'student.sex',
      'student.birth_date',
      'student.citizenship',
      'student.born_in_italy',
      'student.l2_level',
      'enrolment.entered_on',
      'enrolment.left_on',
      'enrolment.exit_reason',
    ])
    .orderBy('student.last_name')
    .orderBy('student.first_name')
    .orderBy('enrolment.entered_on')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    lastName: r.last_name,
    firstName: r.first_name,
    sex: r.sex as Sex,
    birthDate: r.birth_date,
    citizenship: r.citizenship,
    bornInItaly: r.born_in_italy === 1,
    l2Level: r.l2_level as L2Level | null,
    enteredOn: r.entered_on,
    leftOn: r.left_on,
    exitReason: r.exit_reason,
  }));
}
