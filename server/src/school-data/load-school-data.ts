import type { SchoolLevel } from '@primm/shared/contracts/domain';
import type { AttendanceKind, GradeKind } from '../db/database';
import type { Db } from '../db/open-database';
import { studentsOfClasses } from './attendance-of-classes';
import { parseTimetable } from './timetable';
import { readLatestGradeIfCurrent } from './grade-versions';
import { readPastOutcomes, type SchoolOutcome } from './past-outcomes';

/** The calendar and classes of a school in a school year: what every student's input shares. */
export interface SchoolHead {
  schoolId: number;
  schoolYearId: number;
  schoolYear: string;
  level: SchoolLevel;
  lessonsStart: string;
  lessonsEnd: string;
  closures: { startsOn: string; endsOn: string }[];
  terms: { seq: number; startsOn: string }[];
  classes: { id: number; name: string; gradeLevel: number; timetable: number[]; annualHours: number }[];
}

export interface SchoolEnrolment {
  studentId: number;
  classId: number;
  enteredOn: string;
  leftOn: string | null;
}
export interface SchoolStudent {
  id: number;
  birthDate: string;
  arrivalDate: string | null;
}
export type { SchoolOutcome } from './past-outcomes';

/**
 * Everything the risk engine needs about one school and school year as rows, read with a few
 * set-based queries (all events of the school's classes at once, grouped in memory by the
 * builder), never one query per student. The detail pages and the compulsory-schooling checks read
 * it; the regional recompute reads the events and grades as text instead (load-recompute-data.ts).
 */
export interface SchoolRiskData extends SchoolHead {
  enrolments: SchoolEnrolment[];
  students: SchoolStudent[];
  events: {
    studentId: number;
    date: string;
    kind: AttendanceKind;
    hours: number;
    justified: boolean;
    deroga: string | null;
    derogaDecidedOn: string | null;
  }[];
  grades: {
    studentId: number;
    date: string;
    subject: string;
    kind: GradeKind;
    /** Only when loading one student. */ raw: string;
    value: number | null;
    inAverage: boolean;
    isConduct: boolean;
  }[];
  /** Final outcomes (`finale`) of years before this one. */
  outcomes: SchoolOutcome[];
  /** The day the data reaches (see `findDataAsOf`). */
  asOf: string;
}

export interface LoadOptions {
  /** Only this student's rows (the detail page's series); the class averages are then partial. */
  studentId?: number;
  /** A fixed "today" (e.g. the stored assessment's), instead of the data's latest day. */
  asOf?: string;
}

/** Null when the school has no calendar (lesson period) for the year: nothing can be computed. */
export async function loadSchoolRiskData(
  db: Db,
  schoolId: number,
  year: { id: number; label: string },
  options: LoadOptions = {},
): Promise<SchoolRiskData | null> {
  const base = await loadSchoolHead(db, schoolId, year);
  if (!base) return null;
  const classIds = base.classes.map((c) => c.id);
  if (classIds.length === 0) {
    return {
      ...base,
      enrolments: [],
      students: [],
      events: [],
      grades: [],
      outcomes: [],
      asOf: options.asOf ?? base.lessonsStart,
    };
  }
  const only = options.studentId;
  const asOf =
    options.asOf ??
    (await findDataAsOf(db, { schoolId, schoolYearId: year.id, classIds }, base.lessonsStart, base.lessonsEnd));

  let enrolmentQ = db
    .selectFrom('enrolment')
    .select(['student_id', 'class_id', 'entered_on', 'left_on'])
    .where('class_id', 'in', classIds);
  let eventQ = db
    .selectFrom('attendance_event')
    .select(['student_id', 'date', 'kind', 'hours', 'justified', 'deroga', 'deroga_decided_on'])
    .where('student_id', 'in', studentsOfClasses(classIds))
    .where('class_id', 'in', classIds)
    .where('date', '<=', asOf);
  let gradeQ = db
    .selectFrom('grade')
    .select(['student_id', 'date', 'subject', 'kind', 'value', 'in_average', 'is_conduct'])
    // The register's notation only for the detail's chart: a region has millions of grades.
    .$if(options.studentId !== undefined, (q) => q.select('raw'))
    .where('class_id', 'in', classIds)
    .where('date', '<=', asOf);
  let studentQ = selectStudents(db, classIds);
  if (only !== undefined) {
    enrolmentQ = enrolmentQ.where('student_id', '=', only);
    eventQ = eventQ.where('student_id', '=', only);
    gradeQ = gradeQ.where('student_id', '=', only);
    studentQ = studentQ.where('id', '=', only);
  }
  // Ordered: the engine's sums and its choice among equal dates follow this order (the recompute's
  // parser sorts the same way, school-streams.ts).
  const [enrolments, events, grades, students, outcomes] = await Promise.all([
    enrolmentQ.orderBy('student_id').orderBy('entered_on').execute(),
    eventQ.orderBy('student_id').orderBy('date').orderBy('kind').execute(),
    gradeQ.orderBy('student_id').orderBy('date').orderBy('subject').orderBy('kind').execute(),
    studentQ.orderBy('id').execute(),
    readPastOutcomes(db, classIds, year.label, only),
  ]);
  return {
    ...base,
    asOf,
    enrolments: enrolments.map(toEnrolment),
    students: students.map(toStudent),
    events: events.map((e) => ({
      studentId: e.student_id,
      date: e.date,
      kind: e.kind,
      hours: e.hours,
      justified: e.justified === 1,
      deroga: e.deroga,
      derogaDecidedOn: e.deroga_decided_on,
    })),
    grades: grades.map((g) => ({
      studentId: g.student_id,
      date: g.date,
      subject: g.subject,
      kind: g.kind,
      raw: g.raw ?? '',
      value: g.value,
      inAverage: g.in_average === 1,
      isConduct: g.is_conduct === 1,
    })),
    outcomes,
  };
}

/** The calendar, terms and classes; null without a calendar for the year. */
export async function loadSchoolHead(
  db: Db,
  schoolId: number,
  year: { id: number; label: string },
): Promise<SchoolHead | null> {
  const head = await db
    .selectFrom('school')
    .innerJoin('school_calendar', 'school_calendar.school_id', 'school.id')
    .where('school.id', '=', schoolId)
    .where('school_calendar.school_year_id', '=', year.id)
    .select(['school.level', 'school_calendar.lessons_start', 'school_calendar.lessons_end'])
    .executeTakeFirst();
  if (!head) return null;
  const [closures, terms, classRows] = await Promise.all([
    db
      .selectFrom('school_closure')
      .select(['starts_on', 'ends_on'])
      .where('school_id', '=', schoolId)
      .where('school_year_id', '=', year.id)
      .orderBy('starts_on')
      .execute(),
    db
      .selectFrom('term')
      .select(['seq', 'starts_on'])
      .where('school_id', '=', schoolId)
      .where('school_year_id', '=', year.id)
      .orderBy('starts_on')
      .execute(),
    db
      .selectFrom('class')
      .select(['id', 'name', 'grade_level', 'timetable', 'annual_hours'])
      .where('school_id', '=', schoolId)
      .where('school_year_id', '=', year.id)
      .orderBy('id')
      .execute(),
  ]);
  return {
    schoolId,
    schoolYearId: year.id,
    schoolYear: year.label,
    level: head.level,
    lessonsStart: head.lessons_start,
    lessonsEnd: head.lessons_end,
    closures: closures.map((c) => ({ startsOn: c.starts_on, endsOn: c.ends_on })),
    terms: terms.map((t) => ({ seq: t.seq, startsOn: t.starts_on })),
    classes: classRows.map((c) => ({
      id: c.id,
      name: c.name,
      gradeLevel: c.grade_level,
      timetable: parseTimetable(c.timetable),
      annualHours: c.annual_hours,
    })),
  };
}

/** Enrolments, students and past final outcomes of the given classes, ordered. */
export async function loadSchoolPeople(db: Db, classIds: number[], schoolYear: string) {
  const [enrolments, students, outcomes] = await Promise.all([
    db
      .selectFrom('enrolment')
      .select(['student_id', 'class_id', 'entered_on', 'left_on'])
      .where('class_id', 'in', classIds)
      .orderBy('student_id')
      .orderBy('entered_on')
      .execute(),
    selectStudents(db, classIds).orderBy('id').execute(),
    readPastOutcomes(db, classIds, schoolYear),
  ]);
  return {
    enrolments: enrolments.map(toEnrolment),
    students: students.map(toStudent),
    outcomes,
  };
}

const selectStudents = (db: Db, classIds: number[]) =>
  db
    .selectFrom('student')
    .select(['id', 'birth_date', 'arrival_date'])
    .where('id', 'in', (eb) => eb.selectFrom('enrolment').select('student_id').where('class_id', 'in', classIds));

const toEnrolment = (e: {
  student_id: number;
  class_id: number;
  entered_on: string;
  left_on: string | null;
}): SchoolEnrolment => ({ studentId: e.student_id, classId: e.class_id, enteredOn: e.entered_on, leftOn: e.left_on });
const toStudent = (s: { id: number; birth_date: string; arrival_date: string | null }): SchoolStudent => ({
  id: s.id,
  birthDate: s.birth_date,
  arrivalDate: s.arrival_date,
});

/**
 * The "today" of a school's assessment: the day of its latest attendance or grade event, capped
 * at the end of lessons (and not before their start). Registers export data up to a date, and an
 * import may arrive weeks later: the server's clock is not the data's clock, and counting the
 * lesson days since the export as attended would make every student look better than they are.
 */
export async function findDataAsOf(
  db: Db,
  school: { schoolId: number; schoolYearId: number; classIds: number[] },
  lessonsStart: string,
  lessonsEnd: string,
): Promise<string> {
  const { classIds } = school;
  // The grades' latest date as the stored digests recorded it while they are current: scanning
  // every grade of the school took 2 s of the regional trend's first request at 200 000 students.
  const known = await readLatestGradeIfCurrent(db, school);
  const [a, g] = await Promise.all([
    db
      .selectFrom('attendance_event')
      .select(({ fn }) => fn.max('date').as('d'))
      .where('student_id', 'in', studentsOfClasses(classIds))
      .where('class_id', 'in', classIds)
      .executeTakeFirst(),
    known !== undefined
      ? { d: known }
      : db
          .selectFrom('grade')
          .select(({ fn }) => fn.max('date').as('d'))
          .where('class_id', 'in', classIds)
          .executeTakeFirst(),
  ]);
  return dataAsOf([a?.d, g?.d], { lessonsStart, lessonsEnd });
}

/** The latest of the dates (the data's latest day), within the lesson period; its start without any date. */
export function dataAsOf(
  dates: (string | null | undefined)[],
  lessons: { lessonsStart: string; lessonsEnd: string },
): string {
  const latest =
    dates
      .filter((d): d is string => typeof d === 'string')
      .sort()
      .at(-1) ?? lessons.lessonsStart;
  return latest > lessons.lessonsEnd
    ? lessons.lessonsEnd
    : latest < lessons.lessonsStart
      ? lessons.lessonsStart
      : latest;
}
