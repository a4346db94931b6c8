import { sql } from 'kysely';
import type { TrendQuery } from '@primm/shared/contracts/aggregates';
import { monthsBetween, nextMonth } from '@primm/shared/dates';
import type { Db } from '../db/open-database';
import { groupBy } from '../school-data/build-inputs';
import { findDataAsOf } from '../school-data/load-school-data';

export interface TrendSchool {
  id: number;
  lessonsStart: string;
  lessonsEnd: string;
  /** The school's data clock (`findDataAsOf`), from all its classes, whatever the filters. */
  asOf: string;
  /** Its classes of the year, with their timetable. */
  classes: { id: number; timetable: string }[];
  closures: { startsOn: string; endsOn: string }[];
}

export interface TrendStay {
  schoolId: number;
  studentId: number;
  classId: number;
  enteredOn: string;
  leftOn: string | null;
  citizenship: string;
  bornInItaly: boolean;
  arrivalDate: string | null;
}

/**
 * What the monthly trend counts, in a few statements for the whole selection (plus the two of
 * `findDataAsOf` per school):
 * - the schools with a calendar for the year that pass the place filters and the scope, in id
 *   order, each with at least one class in the year;
 * - `months`: September → the month of the latest data date;
 * - the stays in the classes the class filters keep;
 * - per student, the hours of the attendance events of those classes in each of `months`, from
 *   the start of lessons to the school's data date.
 */
export async function loadTrendData(
  db: Db,
  year: { id: number; label: string },
  filters: TrendQuery,
  onlySchoolIds: number[] | null,
) {
  let schoolQ = db
    .selectFrom('school')
    .innerJoin('school_calendar as cal', 'cal.school_id', 'school.id')
    .where('cal.school_year_id', '=', year.id)
    .select(['school.id', 'cal.lessons_start', 'cal.lessons_end'])
    .orderBy('school.id');
  if (filters.province) schoolQ = schoolQ.where('school.province_code', '=', filters.province);
  if (filters.school) schoolQ = schoolQ.where('school.code', '=', filters.school);
  if (filters.level) schoolQ = schoolQ.where('school.level', '=', filters.level);
  if (onlySchoolIds !== null) schoolQ = schoolQ.where('school.id', 'in', onlySchoolIds.length ? onlySchoolIds : [-1]);
  const schoolIds = schoolQ.clearSelect().clearOrderBy().select('school.id');
  let classQ = db
    .selectFrom('class as c')
    .where('c.school_year_id', '=', year.id)
    .where('c.school_id', 'in', schoolIds);
  if (filters.gradeLevel !== undefined) classQ = classQ.where('c.grade_level', '=', filters.gradeLevel);
  if (filters.track !== undefined) classQ = classQ.where('c.track', '=', filters.track);

  const [calendars, allClasses, closures] = await Promise.all([
    schoolQ.execute(),
    db
      .selectFrom('class')
      .select(['id', 'school_id', 'timetable'])
      .where('school_year_id', '=', year.id)
      .where('school_id', 'in', schoolIds)
      .orderBy('id')
      .execute(),
    db
      .selectFrom('school_closure')
      .select(['school_id', 'starts_on', 'ends_on'])
      .where('school_year_id', '=', year.id)
      .where('school_id', 'in', schoolIds)
      .execute(),
  ]);
  const classesOf = groupBy(allClasses, (c) => c.school_id);
  const closuresOf = groupBy(closures, (x) => x.school_id);
  const schools: TrendSchool[] = [];
  for (const cal of calendars) {
    const own = classesOf.get(cal.id);
    if (!own) continue;
    schools.push({
      id: cal.id,
      lessonsStart: cal.lessons_start,
      lessonsEnd: cal.lessons_end,
      asOf: await findDataAsOf(
        db,
        { schoolId: cal.id, schoolYearId: year.id, classIds: own.map((c) => c.id) },
        cal.lessons_start,
        cal.lessons_end,
      ),
      classes: own.map((c) => ({ id: c.id, timetable: c.timetable })),
      closures: (closuresOf.get(cal.id) ?? []).map((x) => ({ startsOn: x.starts_on, endsOn: x.ends_on })),
    });
  }
  const lastMonth = schools
    .map((s) => s.asOf.slice(0, 7))
    .sort()
    .at(-1);
  const months = lastMonth === undefined ? [] : monthsBetween(`${year.label.slice(0, 4)}-09`, lastMonth);
  if (months.length === 0) return { schools, months, stays: [], absences: [] };

  let stayQ = classQ
    .innerJoin('enrolment as e', 'e.class_id', 'c.id')
    .innerJoin('student as st', 'st.id', 'e.student_id')
    .select([
      'c.school_id',
      'e.student_id',
      'e.class_id',
      'e.entered_on',
      'e.left_on',
      'st.citizenship',
      'st.born_in_italy',
      'st.arrival_date',
    ]);
  if (filters.sex) stayQ = stayQ.where('st.sex', '=', filters.sex);
  // The data date is the school's latest event or grade, capped at the end of lessons
  // (findDataAsOf): so the school's events up to its data date are those up to the end of lessons.
  const [stays, absences] = await Promise.all([
    stayQ.execute(),
    classQ
      .innerJoin('attendance_event as a', 'a.class_id', 'c.id')
      // The events' key leads with the student: found through the classes' enrolments
      // (school-data/attendance-of-classes.ts), with the class still joined.
      .where(
        'a.student_id',
        'in',
        classQ.innerJoin('enrolment as enrolled', 'enrolled.class_id', 'c.id').select('enrolled.student_id'),
      )
      .innerJoin('school_calendar as cal', (j) =>
        j.onRef('cal.school_id', '=', 'c.school_id').onRef('cal.school_year_id', '=', 'c.school_year_id'),
      )
      .whereRef('a.date', '>=', 'cal.lessons_start')
      .whereRef('a.date', '<=', 'cal.lessons_end')
      .select('a.student_id')
      // One row per student, a column per month: a fifth of the rows of one per student and month.
      .select(
        months.map((m, i) =>
          sql<number | null>`sum(case when a.date >= ${m} and a.date < ${nextMonth(m)} then a.hours end)`.as(`m${i}`),
        ),
      )
      .groupBy('a.student_id')
      .execute(),
  ]);
  return {
    schools,
    months,
    stays: stays.map((s): TrendStay => ({
      schoolId: s.school_id,
      studentId: s.student_id,
      classId: s.class_id,
      enteredOn: s.entered_on,
      leftOn: s.left_on,
      citizenship: s.citizenship,
      bornInItaly: s.born_in_italy === 1,
      arrivalDate: s.arrival_date,
    })),
    absences: absences.map((a) => ({
      studentId: a.student_id,
      hours: months.map((_, i) => (a[`m${i}`] === null ? null : Number(a[`m${i}`]))),
    })),
  };
}
