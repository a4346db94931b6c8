import { computeOverallAverage } from '@primm/shared/risk/subject-averages';
import type { GradeEntry, HistoryEntry, HistoryResult, LessonDay, StudentRiskInput } from '@primm/shared/risk/types';
import { findCurrentSchoolYear } from '../db/current-year';
import type { Db } from '../db/open-database';
import { lessonDays, termSeqOf, weeksOf } from './lesson-calendar';
import { loadSchoolRiskData, type LoadOptions, type SchoolRiskData } from './load-school-data';

export interface BuiltInput {
  studentId: number;
  classId: number;
  input: StudentRiskInput;
  /** The class's lesson days after asOf, shared by its students: hashed once per class. */
  remainingKey: string;
}

/** The inputs of every student of a school in the current year (none without a calendar). */
export async function buildSchoolInputs(db: Db, schoolId: number, options: LoadOptions = {}): Promise<{ data: SchoolRiskData; inputs: BuiltInput[] } | null> {
  const year = await findCurrentSchoolYear(db);
  if (!year) return null;
  const data = await loadSchoolRiskData(db, schoolId, year, options);
  return data ? { data, inputs: buildStudentInputs(data) } : null;
}

const HISTORY_RESULTS = new Set<string>(['ammesso', 'non_ammesso', 'sospensione_giudizio', 'ritirato', 'trasferito', 'abbandono']);

/**
 * One `StudentRiskInput` per student enrolled now (an enrolment of the year without an exit
 * date) in a class of the school. Pure: the same data gives the same inputs, in student order.
 *
 * - Hours held: lesson days of the class the student was in on each day (a class change mid-year
 *   switches timetable; `left_on` is the first day out), from `enrolledOn` to `asOf`.
 * - `enrolledOn`: the first entry in the school this year, never before lessons start.
 * - Annual hours (DPR 122/2009 art. 14 c. 7, monte ore personalizzato): the class's declared
 *   hours for a student there from the start; for a later entrant, the hours from entry to the
 *   end of lessons on the calendar (held so far + still scheduled).
 * - Only birth date and arrival date are read from the student (arrival: wording only); never
 *   citizenship, born in Italy or the L2 level.
 */
export function buildStudentInputs(data: SchoolRiskData): BuiltInput[] {
  const classes = new Map(data.classes.map((c) => {
    const days = lessonDays({ lessonsStart: data.lessonsStart, lessonsEnd: data.lessonsEnd, closures: data.closures, timetable: c.timetable });
    const remaining = days.filter((d) => d.date > data.asOf);
    return [c.id, { ...c, days, remaining, remainingKey: JSON.stringify(remaining) }] as const;
  }));
  const currentTermSeq = termSeqOf(data.terms, data.asOf);
  const enrolments = groupBy(data.enrolments, (e) => e.studentId);
  const events = groupBy(data.events, (e) => e.studentId);
  const grades = groupBy(data.grades, (g) => g.studentId);
  const outcomes = groupBy(data.outcomes, (o) => o.studentId);

  const built: BuiltInput[] = [];
  for (const student of data.students) {
    const stays = enrolments.get(student.id) ?? [];
    const current = stays.filter((e) => e.leftOn === null).at(-1);
    const cls = current && classes.get(current.classId);
    if (!current || !cls) continue;
    const firstEntry = stays[0]?.enteredOn ?? current.enteredOn;
    const enrolledOn = firstEntry < data.lessonsStart ? data.lessonsStart : firstEntry;

    const held: LessonDay[] = [];
    for (const stay of stays) {
      const days = classes.get(stay.classId)?.days ?? [];
      for (const d of days) {
        if (d.date >= stay.enteredOn && d.date >= enrolledOn && d.date <= data.asOf && (stay.leftOn === null || d.date < stay.leftOn)) held.push(d);
      }
    }
    held.sort((a, b) => a.date.localeCompare(b.date));
    const hoursHeldSoFar = held.reduce((a, d) => a + d.hours, 0);
    const attendanceEvents = (events.get(student.id) ?? [])
      .filter((e) => e.date >= enrolledOn && e.date <= data.asOf)
      .map((e) => ({ date: e.date, kind: e.kind, hours: e.hours, justified: e.justified, deroga: e.deroga }));
    const annualHours = enrolledOn <= data.lessonsStart
      ? cls.annualHours
      : hoursHeldSoFar + cls.remaining.filter((d) => d.date >= enrolledOn).reduce((a, d) => a + d.hours, 0);
    const gradeEntries: GradeEntry[] = (grades.get(student.id) ?? []).map((g) => ({
      date: g.date, subject: g.subject, value: g.value, inAverage: g.inAverage, isConduct: g.isConduct,
      termSeq: termSeqOf(data.terms, g.date), kind: g.kind,
    }));
    const history: HistoryEntry[] = (outcomes.get(student.id) ?? [])
      .filter((o) => HISTORY_RESULTS.has(o.result))
      .map((o) => ({ schoolYear: o.schoolYear, gradeLevel: o.gradeLevel, result: o.result as HistoryResult }));

    built.push({
      studentId: student.id,
      classId: cls.id,
      remainingKey: cls.remainingKey,
      input: {
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
        weeks: weeksOf(held, attendanceEvents, enrolledOn, data.asOf),
        attendanceEvents,
        grades: gradeEntries,
        currentTermSeq,
        classAverages: [], // filled below, once every student of the class is known
        history,
        arrivalDate: student.arrivalDate,
      },
    });
  }

  // Class averages with the engine's own function, one shared array per class.
  const averages = new Map<number, number[]>();
  for (const b of built) {
    const avg = computeOverallAverage(b.input.grades, b.input.asOf, b.input.currentTermSeq);
    const list = averages.get(b.classId) ?? [];
    if (avg !== null) list.push(avg);
    averages.set(b.classId, list);
  }
  for (const b of built) b.input.classAverages = averages.get(b.classId) ?? [];
  return built;
}

function groupBy<T>(rows: T[], key: (row: T) => number): Map<number, T[]> {
  const map = new Map<number, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return map;
}
