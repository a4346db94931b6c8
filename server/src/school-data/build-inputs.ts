import { digestGrades } from '@primm/shared/risk/grade-digest';
import { overallAverageOf, subjectAveragesOf, type SubjectAverage } from '@primm/shared/risk/subject-averages';
import type {
  AttendanceEvent,
  GradeDigest,
  GradeEntry,
  HistoryEntry,
  HistoryResult,
  LessonDay,
  StudentRiskInput,
  WeekAttendance,
} from '@primm/shared/risk/types';
import { mondayOf } from '@primm/shared/dates';
import { findCurrentSchoolYear } from '../db/current-year';
import type { Db } from '../db/open-database';
import { isEnrolledOn } from './enrolment';
import { lessonDays, termSeqOf, weeksOf } from './lesson-calendar';
import {
  loadSchoolRiskData,
  type LoadOptions,
  type SchoolEnrolment,
  type SchoolHead,
  type SchoolOutcome,
  type SchoolRiskData,
  type SchoolStudent,
} from './load-school-data';

export interface BuiltInput {
  studentId: number;
  classId: number;
  input: StudentRiskInput;
  /** `subjectAveragesOf` the input's digest, computed for the class averages: the engine reuses it. */
  subjects: SubjectAverage[];
}

/**
 * A school's rows grouped by student: what `buildInputs` reads. Events and grades are in the order
 * (date, kind) and (date, subject, kind) and none is after `asOf`.
 */
export interface GroupedSchoolData extends SchoolHead {
  asOf: string;
  students: SchoolStudent[];
  enrolments: Map<number, SchoolEnrolment[]>;
  outcomes: Map<number, SchoolOutcome[]>;
  /** `digest`, when given, is `digestGrades(grades, asOf)` already computed or read (then `grades` may be empty). */
  rows: Map<number, { events: AttendanceEvent[]; grades: GradeEntry[]; digest?: GradeDigest }>;
}

/** The inputs of every student of a school in the current year (none without a calendar). */
export async function buildSchoolInputs(
  db: Db,
  schoolId: number,
  options: LoadOptions = {},
): Promise<{ data: SchoolRiskData; inputs: BuiltInput[] } | null> {
  const year = await findCurrentSchoolYear(db);
  if (!year) return null;
  const data = await loadSchoolRiskData(db, schoolId, year, options);
  return data ? { data, inputs: buildStudentInputs(data) } : null;
}

/** `buildInputs` from rows as `loadSchoolRiskData` reads them. */
export function buildStudentInputs(data: SchoolRiskData): BuiltInput[] {
  return buildInputs(groupSchoolData(data));
}

/** The rows of `loadSchoolRiskData` grouped by student, as the engine's objects. */
export function groupSchoolData(data: SchoolRiskData): GroupedSchoolData {
  const rows = new Map<number, { events: AttendanceEvent[]; grades: GradeEntry[] }>();
  const rowsOf = (id: number) => {
    let r = rows.get(id);
    if (!r) rows.set(id, (r = { events: [], grades: [] }));
    return r;
  };
  for (const e of data.events)
    rowsOf(e.studentId).events.push({
      date: e.date,
      kind: e.kind,
      hours: e.hours,
      justified: e.justified,
      deroga: e.deroga,
    });
  for (const g of data.grades) {
    rowsOf(g.studentId).grades.push({
      date: g.date,
      subject: g.subject,
      value: g.value,
      inAverage: g.inAverage,
      isConduct: g.isConduct,
      termSeq: termSeqOf(data.terms, g.date),
      kind: g.kind,
    });
  }
  return {
    ...data,
    enrolments: groupBy(data.enrolments, (e) => e.studentId),
    outcomes: groupBy(data.outcomes, (o) => o.studentId),
    rows,
  };
}

const HISTORY_RESULTS = new Set<string>([
  'ammesso',
  'non_ammesso',
  'sospensione_giudizio',
  'ritirato',
  'trasferito',
  'abbandono',
]);
const NO_ROWS: { events: AttendanceEvent[]; grades: GradeEntry[]; digest?: GradeDigest } = { events: [], grades: [] };

/**
 * One `StudentRiskInput` per student enrolled now (an enrolment of the year without an exit
 * date) in a class of the school. Pure: the same data gives the same inputs, in student order.
 *
 * - Hours held: lesson days of the class the student was in on each day (a class change mid-year
 *   switches timetable; enrolment.ts says which days a stay holds), from `enrolledOn` to `asOf`.
 * - `enrolledOn`: the first entry in the school this year, never before lessons start.
 * - Annual hours (DPR 122/2009 art. 14 c. 7, monte ore personalizzato): the class's declared
 *   hours for a student there from the start; for a later entrant, the hours from entry to the
 *   end of lessons on the calendar (held so far + still scheduled).
 * - Only birth date and arrival date are read from the student (arrival: wording only); never
 *   citizenship, born in Italy or the L2 level.
 */
export function buildInputs(data: GroupedSchoolData): BuiltInput[] {
  // Classes with the same weekly hours share one calendar: a school has a few timetables for
  // dozens of classes, and the days and weeks of each were built again (≈ 1 % of a recompute).
  const calendars = new Map<string, ReturnType<typeof classCalendar>>();
  const classes = new Map(
    data.classes.map((c) => {
      const key = c.timetable.join('-');
      let calendar = calendars.get(key);
      if (calendar === undefined) calendars.set(key, (calendar = classCalendar(data, c.timetable)));
      return [c.id, { ...c, ...calendar }] as const;
    }),
  );
  const currentTermSeq = termSeqOf(data.terms, data.asOf);

  const built: BuiltInput[] = [];
  for (const student of data.students) {
    const stays = data.enrolments.get(student.id) ?? [];
    const current = stays.filter((e) => e.leftOn === null).at(-1);
    const cls = current && classes.get(current.classId);
    if (!current || !cls) continue;
    const firstEntry = stays[0]?.enteredOn ?? current.enteredOn;
    const enrolledOn = firstEntry < data.lessonsStart ? data.lessonsStart : firstEntry;
    const rows = data.rows.get(student.id) ?? NO_ROWS;
    const attendanceEvents = rows.events.filter((e) => e.date >= enrolledOn && e.date <= data.asOf);

    let hoursHeldSoFar: number;
    let weeks: WeekAttendance[];
    let heldLessonDays: LessonDay[];
    if (stays.length === 1 && enrolledOn === data.lessonsStart) {
      // In this class all year (most students): the class's own hours, days and weeks, computed once.
      hoursHeldSoFar = cls.hoursHeld;
      heldLessonDays = cls.heldAll;
      // The class's weeks (no absence) are shared by its students, read-only as the engine is
      // pure; a student gets a week of their own only where they were absent. A region has
      // ~35 weeks a student and absences in a few of them: most of these objects were garbage.
      weeks = cls.weeks.slice();
      for (const e of attendanceEvents) {
        const i = cls.weekIndex.get(mondayOf(e.date));
        if (i === undefined) continue;
        let week = weeks[i]!;
        if (week === cls.weeks[i])
          weeks[i] = week = { weekStart: week.weekStart, hoursHeld: week.hoursHeld, hoursAbsent: 0 };
        week.hoursAbsent += e.hours; // as weeksOf adds them
      }
    } else {
      const held: LessonDay[] = [];
      for (const stay of stays) {
        const days = classes.get(stay.classId)?.days ?? [];
        for (const d of days) {
          if (d.date >= enrolledOn && d.date <= data.asOf && isEnrolledOn(stay, d.date)) held.push(d);
        }
      }
      held.sort((a, b) => a.date.localeCompare(b.date));
      hoursHeldSoFar = held.reduce((a, d) => a + d.hours, 0);
      heldLessonDays = held;
      weeks = weeksOf(held, attendanceEvents, enrolledOn, data.asOf);
    }
    const annualHours =
      enrolledOn <= data.lessonsStart
        ? cls.annualHours
        : hoursHeldSoFar + cls.remaining.filter((d) => d.date >= enrolledOn).reduce((a, d) => a + d.hours, 0);
    const history: HistoryEntry[] = (data.outcomes.get(student.id) ?? [])
      .filter((o) => HISTORY_RESULTS.has(o.result))
      .map((o) => ({ schoolYear: o.schoolYear, gradeLevel: o.gradeLevel, result: o.result as HistoryResult }));

    const input: StudentRiskInput = {
      asOf: data.asOf,
      schoolYear: data.schoolYear,
      level: data.level,
      gradeLevel: cls.gradeLevel,
      birthDate: student.birthDate,
      lessonsStart: data.lessonsStart,
      lessonsEnd: data.lessonsEnd,
      enrolledOn,
      annualHours,
      hoursHeldSoFar,
      remainingLessonDays: cls.remaining,
      heldLessonDays,
      weeks,
      attendanceEvents,
      grades: rows.grades,
      gradeDigest: rows.digest ?? digestGrades(rows.grades, data.asOf),
      currentTermSeq,
      classAverages: [], // filled below, once every student of the class is known
      history,
      arrivalDate: student.arrivalDate,
    };
    built.push({
      studentId: student.id,
      classId: cls.id,
      input,
      subjects: subjectAveragesOf(input.gradeDigest!, currentTermSeq),
    });
  }

  // Class averages with the engine's own function, one shared array per class.
  const averages = new Map<number, number[]>();
  for (const b of built) {
    const avg = overallAverageOf(b.subjects);
    const list = averages.get(b.classId) ?? [];
    if (avg !== null) list.push(avg);
    averages.set(b.classId, list);
  }
  for (const b of built) b.input.classAverages = averages.get(b.classId) ?? [];
  return built;
}

/**
 * The lesson days of a timetable in the school's calendar, those still to come, and the hours and
 * weeks (with no absence) of a student there from the first day to `asOf`: `weeksOf` of those
 * days, shared by the students of every class with that timetable.
 */
function classCalendar(data: GroupedSchoolData, timetable: number[]) {
  const days = lessonDays({
    lessonsStart: data.lessonsStart,
    lessonsEnd: data.lessonsEnd,
    closures: data.closures,
    timetable,
  });
  // Frozen like the weeks: shared, read-only, by the students of every class with this timetable.
  const heldAll = Object.freeze(days.filter((d) => d.date <= data.asOf).map((d) => Object.freeze(d))) as LessonDay[];
  // Frozen: its students' inputs share these objects (see buildInputs), nothing may change them.
  const weeks = weeksOf(heldAll, [], data.lessonsStart, data.asOf).map((w) => Object.freeze(w));
  return {
    days,
    remaining: days.filter((d) => d.date > data.asOf),
    heldAll,
    hoursHeld: heldAll.reduce((a, d) => a + d.hours, 0),
    weeks,
    weekIndex: new Map(weeks.map((w, i) => [w.weekStart, i])),
  };
}

export function groupBy<T, K = number>(rows: T[], key: (row: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return map;
}
