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

/** An enrolment of this school (school-data/enrolment.ts says which days it holds). */
export interface Stay {
  classId: number;
  enteredOn: string;
  leftOn: string | null;
}

export function newSchoolState(schoolId: number): SchoolState {
  return {
    schoolId,
    years: new Map(),
    calendars: new Map(),
    classes: new Map(),
    students: new Map(),
    enrolments: new Map(),
  };
}

/** Lesson hours the class had on that date: 0 outside lessons, on closures and free weekdays. */
export function lessonHoursOn(calendar: LessonCalendar, timetable: number[], date: string, weekday: number): number {
  if (date < calendar.lessonsStart || date > calendar.lessonsEnd) return 0;
  const closures = calendar.closures; // a loop, no closure: asked once per attendance row
  for (let i = 0; i < closures.length; i++) if (closures[i]!.startsOn <= date && date <= closures[i]!.endsOn) return 0;
  return timetable[weekday] ?? 0;
}
