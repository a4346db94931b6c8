import { describe, expect, test } from 'vitest';
import { buildStudentInputs } from './build-inputs';
import { lessonDays, weeksOf } from './lesson-calendar';
import { FIXTURE_CALENDAR } from '../testing/fixture-calendar';
import type { SchoolRiskData } from './load-school-data';

// The fixture school's calendar (testing/fixture-calendar.ts): 528 h held to Friday 30/01/2026,
// 504 h still scheduled; class A Monday–Friday 6 h, class B Monday–Saturday 5 h.
function aSchool(over: Partial<SchoolRiskData> = {}): SchoolRiskData {
  return {
    schoolId: 1,
    schoolYearId: 1,
    schoolYear: '2025/26',
    level: 'secondo_grado',
    ...FIXTURE_CALENDAR,
    terms: [
      { seq: 1, startsOn: '2025-09-15' },
      { seq: 2, startsOn: '2026-02-01' },
    ],
    classes: [
      { id: 10, name: '3A', gradeLevel: 3, timetable: [6, 6, 6, 6, 6, 0], annualHours: 990 },
      { id: 20, name: '3B', gradeLevel: 3, timetable: [5, 5, 5, 5, 5, 5], annualHours: 1023 },
    ],
    enrolments: [],
    students: [1, 2, 3, 4].map((id) => ({ id, birthDate: '2009-05-10', arrivalDate: null })),
    events: [],
    grades: [],
    outcomes: [],
    asOf: '2026-01-30',
    ...over,
  };
}
const stay = (studentId: number, classId: number, enteredOn: string, leftOn: string | null = null) => ({
  studentId,
  classId,
  enteredOn,
  leftOn,
});

describe('buildStudentInputs', () => {
  test.each([
    // [case, enrolments of student 1, class, enrolledOn, hours held, annual hours]
    ['there from the start', [stay(1, 10, '2025-09-15')], 10, '2025-09-15', 528, 990],
    // 07/01 is a Wednesday: 3 + 15 days × 6 h = 108 held; annual = 108 + the 504 still scheduled
    ['entered on 07/01', [stay(1, 10, '2026-01-07')], 10, '2026-01-07', 108, 612],
    // 3A to 09/01 (88 − 15 days = 73 × 6 = 438), then 3B from 12/01: 15 weekdays + 2 Saturdays = 17 × 5 = 85
    [
      'moved from 3A to 3B on 12/01',
      [stay(1, 10, '2025-09-15', '2026-01-12'), stay(1, 20, '2026-01-12')],
      20,
      '2025-09-15',
      523,
      1023,
    ],
    ['enrolled before lessons start', [stay(1, 10, '2025-09-01')], 10, '2025-09-15', 528, 990],
  ])(
    'when the student was %s, then class, entry, hours held and annual hours follow',
    (_case, enrolments, classId, enrolledOn, held, annual) => {
      const [built] = buildStudentInputs(aSchool({ enrolments }));

      expect(built).toMatchObject({
        studentId: 1,
        classId,
        input: { enrolledOn, hoursHeldSoFar: held, annualHours: annual },
      });
      expect(built!.input.weeks.reduce((a, w) => a + w.hoursHeld, 0)).toBe(held);
    },
  );

  test('when two classes have the same timetable, then their students share one calendar; another timetable has its own', () => {
    const classes = [
      ...aSchool().classes,
      { id: 30, name: '3C', gradeLevel: 3, timetable: [6, 6, 6, 6, 6, 0], annualHours: 990 },
    ];
    const enrolments = [stay(1, 10, '2025-09-15'), stay(2, 30, '2025-09-15'), stay(3, 20, '2025-09-15')];

    const [a, c, b] = buildStudentInputs(aSchool({ classes, enrolments }));

    expect([a!.classId, c!.classId, b!.classId]).toEqual([10, 30, 20]);
    expect(c!.input.remainingLessonDays).toBe(a!.input.remainingLessonDays);
    expect(c!.input.weeks[0]).toBe(a!.input.weeks[0]);
    expect(b!.input.remainingLessonDays).not.toBe(a!.input.remainingLessonDays);
    expect([a!.input.hoursHeldSoFar, c!.input.hoursHeldSoFar, b!.input.hoursHeldSoFar]).toEqual([528, 528, 5 * 104]);
  });

  test('when a student has left the school, then no input is built for them', () => {
    const built = buildStudentInputs(
      aSchool({ enrolments: [stay(1, 10, '2025-09-15'), stay(4, 10, '2025-09-15', '2025-11-20')] }),
    );

    expect(built.map((b) => b.studentId)).toEqual([1]);
  });

  test('when events, grades and outcomes exist, then they are placed by date, term and year', () => {
    const data = aSchool({
      enrolments: [stay(1, 10, '2025-09-15'), stay(2, 10, '2026-01-07')],
      events: [
        {
          studentId: 1,
          date: '2025-10-03',
          kind: 'assenza',
          hours: 6,
          justified: true,
          deroga: null,
          derogaDecidedOn: null,
        },
        {
          studentId: 2,
          date: '2025-12-01',
          kind: 'assenza',
          hours: 6,
          justified: false,
          deroga: null,
          derogaDecidedOn: null,
        }, // before entry: ignored
      ],
      grades: [
        {
          studentId: 1,
          date: '2025-11-14',
          subject: 'MATEMATICA',
          kind: 'scritto',
          raw: '6+',
          value: 6.25,
          inAverage: true,
          isConduct: false,
        },
        {
          studentId: 2,
          date: '2026-01-20',
          subject: 'ITALIANO',
          kind: 'orale',
          raw: '5½',
          value: 5.5,
          inAverage: true,
          isConduct: false,
        },
      ],
      outcomes: [
        { studentId: 1, schoolYear: '2024/25', gradeLevel: 2, result: 'sospensione_giudizio' },
        { studentId: 1, schoolYear: '2023/24', gradeLevel: 1, result: 'valutato' }, // not a final result: left out
      ],
    });

    const [first, second] = buildStudentInputs(data);

    expect(first!.input).toMatchObject({
      attendanceEvents: [{ date: '2025-10-03', hours: 6, justified: true }],
      grades: [{ subject: 'MATEMATICA', value: 6.25, termSeq: 1, kind: 'scritto' }],
      history: [{ schoolYear: '2024/25', gradeLevel: 2, result: 'sospensione_giudizio' }],
      currentTermSeq: 1,
      classAverages: [6.25, 5.5],
    });
    expect(first!.input.weeks.find((w) => w.weekStart === '2025-09-29')).toEqual({
      weekStart: '2025-09-29',
      hoursHeld: 30,
      hoursAbsent: 6,
    });
    expect(second!.input.attendanceEvents).toEqual([]);
    expect(second!.input.remainingLessonDays).toBe(first!.input.remainingLessonDays); // one array per class
  });

  test("when a student is in one class all year, then the class's shared weeks with their absences equal weeksOf of their own days", () => {
    const events = ['2025-09-15', '2025-12-22', '2026-01-07', '2026-01-30'].map((date) => ({
      studentId: 1,
      date,
      kind: 'assenza' as const,
      hours: 6,
      justified: false,
      deroga: null,
      derogaDecidedOn: null,
    }));
    const data = aSchool({ enrolments: [stay(1, 10, '2025-09-01')], events });

    const [built] = buildStudentInputs(data);

    const days = lessonDays({ ...data, timetable: data.classes[0]!.timetable }).filter((d) => d.date <= data.asOf);
    expect(built!.input.weeks).toEqual(weeksOf(days, events, data.lessonsStart, data.asOf));
    expect(built!.input.weeks.reduce((a, w) => a + w.hoursAbsent, 0)).toBe(24);
  });
});
