/**
 * Test helper: builds a consistent `StudentRiskInput` from a calendar (Monday–Friday, 6 hours a
 * day, closures excluded), the way the server derives it from its tables. Used by the table tests.
 */
import type { AttendanceEvent, GradeEntry, LessonDay, StudentRiskInput, WeekAttendance } from './types';

export interface TestStudent {
  asOf?: string;
  enrolledOn?: string;
  lessonsStart?: string;
  lessonsEnd?: string;
  closures?: [string, string][];
  hoursPerDay?: number;
  annualHours?: number;
  events?: AttendanceEvent[];
  grades?: GradeEntry[];
  currentTermSeq?: number;
  classAverages?: number[];
  overrides?: Partial<StudentRiskInput>;
}

export function isoDays(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = new Date(`${from}T00:00:00Z`); d.toISOString().slice(0, 10) <= to; d.setUTCDate(d.getUTCDate() + 1)) {
    out.push(d.toISOString().slice(0, 10));
  }
  return out;
}

const calendars = new Map<string, LessonDay[]>();

/** The calendar's lesson days (memoised: property tests build thousands of students on a few calendars). */
export function lessonDaysOf(
  t: Pick<TestStudent, 'lessonsStart' | 'lessonsEnd' | 'closures' | 'hoursPerDay'>,
): LessonDay[] {
  const key = JSON.stringify([t.lessonsStart, t.lessonsEnd, t.closures, t.hoursPerDay]);
  let days = calendars.get(key);
  if (days === undefined) {
    const closed = new Set((t.closures ?? []).flatMap(([a, b]) => isoDays(a, b)));
    days = isoDays(t.lessonsStart ?? '2025-09-15', t.lessonsEnd ?? '2026-06-05')
      .filter((d) => {
        const wd = new Date(`${d}T00:00:00Z`).getUTCDay();
        return wd !== 0 && wd !== 6 && !closed.has(d);
      })
      .map((date) => ({ date, hours: t.hoursPerDay ?? 6 }));
    calendars.set(key, days);
  }
  return days;
}

const mondays = new Map<string, string>();

function mondayOf(iso: string): string {
  let monday = mondays.get(iso);
  if (monday === undefined) {
    const d = new Date(`${iso}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
    mondays.set(iso, (monday = d.toISOString().slice(0, 10)));
  }
  return monday;
}

export function aStudent(t: TestStudent = {}): StudentRiskInput {
  const asOf = t.asOf ?? '2026-01-30';
  const lessonsStart = t.lessonsStart ?? '2025-09-15';
  const lessonsEnd = t.lessonsEnd ?? '2026-06-05';
  const enrolledOn = t.enrolledOn ?? lessonsStart;
  const days = lessonDaysOf(t);
  const held = days.filter((d) => d.date >= enrolledOn && d.date <= asOf);
  const remaining = days.filter((d) => d.date > asOf);
  const events = t.events ?? [];
  // One week per Monday from the week of entry to the week of asOf, holiday weeks included (0 h).
  const weeks: WeekAttendance[] = [];
  const byMonday = new Map<string, WeekAttendance>();
  for (let d = mondayOf(enrolledOn); d <= asOf; d = addDays(d, 7)) {
    const week = { weekStart: d, hoursHeld: 0, hoursAbsent: 0 };
    weeks.push(week);
    byMonday.set(d, week);
  }
  for (const d of held) byMonday.get(mondayOf(d.date))!.hoursHeld += d.hours;
  for (const e of events)
    if (e.date >= enrolledOn && e.date <= asOf) {
      const w = byMonday.get(mondayOf(e.date));
      if (w) w.hoursAbsent += e.hours;
    }
  return {
    asOf,
    schoolYear: '2025/26',
    level: 'secondo_grado',
    gradeLevel: 2,
    birthDate: '2010-05-10',
    lessonsStart,
    lessonsEnd,
    enrolledOn,
    annualHours: t.annualHours ?? days.filter((d) => d.date >= enrolledOn).reduce((a, d) => a + d.hours, 0),
    hoursHeldSoFar: held.reduce((a, d) => a + d.hours, 0),
    remainingLessonDays: remaining,
    heldLessonDays: held,
    weeks,
    attendanceEvents: events,
    grades: t.grades ?? [],
    currentTermSeq: t.currentTermSeq ?? 1,
    classAverages: t.classAverages ?? [],
    history: [],
    arrivalDate: null,
    ...t.overrides,
  };
}

function addDays(iso: string, n: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** Whole-day absences (6 h) on the given days. */
export function absences(dates: string[], extra: Partial<AttendanceEvent> = {}): AttendanceEvent[] {
  return dates.map((date) => ({ date, kind: 'assenza', hours: 6, justified: false, deroga: null, ...extra }));
}

export function grade(
  subject: string,
  value: number | null,
  date = '2025-11-10',
  extra: Partial<GradeEntry> = {},
): GradeEntry {
  return { date, subject, value, inAverage: true, isConduct: false, termSeq: 1, ...extra };
}
