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

export function lessonDaysOf(t: Pick<TestStudent, 'lessonsStart' | 'lessonsEnd' | 'closures' | 'hoursPerDay'>): LessonDay[] {
  const closed = new Set((t.closures ?? []).flatMap(([a, b]) => isoDays(a, b)));
  return isoDays(t.lessonsStart ?? '2025-09-15', t.lessonsEnd ?? '2026-06-05')
    .filter((d) => {
      const wd = new Date(`${d}T00:00:00Z`).getUTCDay();
      return wd !== 0 && wd !== 6 && !closed.has(d);
    })
    .map((date) => ({ date, hours: t.hoursPerDay ?? 6 }));
}

function mondayOf(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d.toISOString().slice(0, 10);
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
  const weeks: WeekAttendance[] = [];
  for (const week of new Set(isoDays(mondayOf(enrolledOn), asOf).map(mondayOf))) {
    const inWeek = (date: string) => mondayOf(date) === week && date >= enrolledOn && date <= asOf;
    weeks.push({
      weekStart: week,
      hoursHeld: held.filter((d) => inWeek(d.date)).reduce((a, d) => a + d.hours, 0),
      hoursAbsent: events.filter((e) => inWeek(e.date)).reduce((a, e) => a + e.hours, 0),
    });
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

/** Whole-day absences (6 h) on the given days. */
export function absences(dates: string[], extra: Partial<AttendanceEvent> = {}): AttendanceEvent[] {
  return dates.map((date) => ({ date, kind: 'assenza', hours: 6, justified: false, deroga: null, ...extra }));
}

export function grade(subject: string, value: number | null, date = '2025-11-10', extra: Partial<GradeEntry> = {}): GradeEntry {
  return { date, subject, value, inAverage: true, isConduct: false, termSeq: 1, ...extra };
}
