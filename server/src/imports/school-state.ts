/** What the loaders of one school folder learn from the earlier files and use in the later ones. */
export interface SchoolState {
  schoolId: number;
  /** school year label → id */
  years: Map<string, number>;
  /** school year id → lesson calendar */
  calendars: Map<number, LessonCalendar>;
  /** `${yearId}|${className}` → class */
  classes: Map<string, ClassInfo>;
  /** pseudonym → student id, for students of this school */
  students: Map<string, number>;
  /** student id → stays in classes of this school */
  enrolments: Map<number, Stay[]>;
}

export interface LessonCalendar {
  yearId: number;
  startsOn: string; // school year, 1 September
  endsOn: string; // 31 August
  lessonsStart: string;
  lessonsEnd: string;
  closures: { startsOn: string; endsOn: string }[];
}

export interface ClassInfo {
  id: number;
  yearId: number;
  timetable: number[];
}

export interface Stay {
  classId: number;
  enteredOn: string;
  leftOn: string | null;
}

export function newSchoolState(schoolId: number): SchoolState {
  return { schoolId, years: new Map(), calendars: new Map(), classes: new Map(), students: new Map(), enrolments: new Map() };
}

/** The class a student was in on a date, if they were enrolled in this school then. */
export function classOnDate(state: SchoolState, studentId: number, date: string): number | undefined {
  const stays = state.enrolments.get(studentId) ?? [];
  return stays.find((s) => s.enteredOn <= date && (s.leftOn === null || date <= s.leftOn))?.classId;
}

/** Lesson hours the class had on that date: 0 outside lessons, on closures and free weekdays. */
export function lessonHoursOn(calendar: LessonCalendar, timetable: number[], date: string, weekday: number): number {
  if (date < calendar.lessonsStart || date > calendar.lessonsEnd) return 0;
  if (calendar.closures.some((c) => c.startsOn <= date && date <= c.endsOn)) return 0;
  return timetable[weekday] ?? 0;
}

/** `2025/26` for a date: the school year runs 1 September – 31 August. */
export function schoolYearOf(isoDate: string): string {
  const year = Number(isoDate.slice(0, 4));
  const start = Number(isoDate.slice(5, 7)) >= 9 ? year : year - 1;
  return `${start}/${String((start + 1) % 100).padStart(2, '0')}`;
}
