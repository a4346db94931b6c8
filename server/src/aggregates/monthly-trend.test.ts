import fc from 'fast-check';
import { sql } from 'kysely';
import request from 'supertest';
import { describe, expect, test } from 'vitest';
import { AggregateTrend, TrendQuery } from '@primm/shared/contracts/aggregates';
import { createApp } from '../app';
import { parseTimetable } from '../school-data/timetable';
import type { Db } from '../db/open-database';
import { lessonDays } from '../school-data/lesson-calendar';
import { aUser, authAs } from '../testing/auth-as';
import { aClass, aSchool, aStudent, anEnrolment } from '../testing/factories';
import { createTestDb, testConfig, propertyRuns } from '../testing/test-db';
import { computeMonthlyTrend, countMonths, suppressTrend, type MonthCounts } from './monthly-trend';
import { monthsBetween } from '@primm/shared/dates';
import { studentMonthHours, type StudentMonths } from './monthly-trend-hours';
import { aRandomRegion } from './random-region';
import { citizenshipGroupOf, naiSinceOf } from './citizenship-group';

const absent = (
  db: Db,
  studentId: number,
  classId: number,
  date: string,
  hours = 6,
  kind: 'assenza' | 'entrata_posticipata' = 'assenza',
) =>
  db
    .insertInto('attendance_event')
    .values({
      student_id: studentId,
      class_id: classId,
      date,
      kind,
      hours,
      justified: 0,
      deroga: null,
      deroga_decided_on: null,
      import_batch_id: null,
    })
    .execute();

/**
 * Lessons from Mon 15/09/2025, 6 hours Monday to Friday: September holds 12 days (72 h), October
 * 23 days (138 h).
 * - ANPS03000E (Ancona): 12 students; 3 absent 1–10 October (8 days, 48/138 h = 35 %); one hour
 *   late on 28/11, so Ancona's data reaches November.
 * - PSPS01000A (Pesaro): 15 students; 12 absent 6–8 October (18/138 h = 13 %); one more enters on
 *   20/10 and is absent 20–22 October (18 h of the 60 held since: 30 %, not 13 %). Its data ends
 *   on 31/10.
 */
async function aCraftedRegion() {
  const db = await createTestDb();
  const schools = [
    await aSchool(db, { code: 'ANPS03000E', name: 'G. GALILEI', province_code: 'AN' }),
    await aSchool(db, { code: 'PSPS01000A', name: 'MARCONI', province_code: 'PU' }),
  ];
  const an = await aClass(db, schools[0]!.id, { name: '3A' });
  const pu = await aClass(db, schools[1]!.id, { name: '3A' });
  for (const s of schools) {
    await db
      .insertInto('school_calendar')
      .values({
        school_id: s.id,
        school_year_id: an.school_year_id,
        lessons_start: '2025-09-15',
        lessons_end: '2026-06-06',
      })
      .execute();
  }
  const enrol = async (classId: number, entered_on = '2025-09-15') => {
    const s = await aStudent(db);
    await anEnrolment(db, s.id, classId, { entered_on });
    return s.id;
  };

  const ancona = [];
  for (let i = 0; i < 12; i++) ancona.push(await enrol(an.id));
  for (const id of ancona.slice(0, 3)) {
    for (const day of ['01', '02', '03', '06', '07', '08', '09', '10']) await absent(db, id, an.id, `2025-10-${day}`);
  }
  await absent(db, ancona[3]!, an.id, '2025-11-28', 1, 'entrata_posticipata');

  const pesaro = [];
  for (let i = 0; i < 15; i++) pesaro.push(await enrol(pu.id));
  for (const id of pesaro.slice(0, 12))
    for (const day of ['06', '07', '08']) await absent(db, id, pu.id, `2025-10-${day}`);
  const late = await enrol(pu.id, '2025-10-20');
  for (const day of ['20', '21', '22']) await absent(db, late, pu.id, `2025-10-${day}`);
  await absent(db, pesaro[12]!, pu.id, '2025-10-31', 1, 'entrata_posticipata');

  return { db, anconaId: schools[0]!.id, pesaroId: schools[1]!.id };
}

const getTrend = async (db: Db, role: 'analista' | 'referente' | 'admin' | 'docente', query = '', scope = {}) =>
  request(createApp({ db, config: testConfig }))
    .get(`/api/aggregates/trend${query}`)
    .set(await authAs(db, await aUser(db, role, scope)));

describe('GET /api/aggregates/trend', () => {
  test("when the analyst asks for the region, then one row per month to the data's last, the 4 over 25 % hidden, the 16 over 10 % shown", async () => {
    const { db } = await aCraftedRegion();

    const res = await getTrend(db, 'analista');

    expect(res.status).toBe(200);
    expect(AggregateTrend.parse(res.body)).toEqual({
      year: '2025/26',
      threshold: 10,
      noise: 0,
      months: [
        { month: '2025-09', values: { students: 27, absentOver10: 0, absentOver25: 0 } },
        // 3 + 13 over 10 %, 3 + 1 over 25 %: the 4 are small; 16 − 4 = 12 is a band of 12, so 16 stays.
        { month: '2025-10', values: { students: 28, absentOver10: 16, absentOver25: '<10' } },
        // Pesaro's data stops in October: November counts Ancona's 12 only.
        { month: '2025-11', values: { students: 12, absentOver10: 0, absentOver25: 0 } },
      ],
    });
    expect(await db.selectFrom('audit_log').select('action').execute()).toEqual([{ action: 'aggregates.trend.read' }]);
  });

  test('when filtered to Ancona, then October has 12 students and its 3 absent a third of the month read <10', async () => {
    const { db } = await aCraftedRegion();

    const res = await getTrend(db, 'analista', '?province=AN');

    expect(res.body.months[1]).toEqual({
      month: '2025-10',
      values: { students: 12, absentOver10: '<10', absentOver25: '<10' },
    });
  });

  test('when a referent of Pesaro asks, then only Pesaro is counted, and 13 over 10 % is n.d. because 16 − 13 would show 3', async () => {
    const { db, pesaroId } = await aCraftedRegion();

    const res = await getTrend(db, 'referente', '', { schoolIds: [pesaroId] });

    expect(res.body.months).toEqual([
      { month: '2025-09', values: { students: 15, absentOver10: 0, absentOver25: 0 } },
      { month: '2025-10', values: { students: 16, absentOver10: 'n.d.', absentOver25: '<10' } },
    ]);
  });

  test('when a teacher asks, then 403 and nothing audited as read', async () => {
    const { db } = await aCraftedRegion();

    const res = await getTrend(db, 'docente');

    expect(res.status).toBe(403);
    expect(
      await db.selectFrom('audit_log').select('action').where('action', '=', 'aggregates.trend.read').execute(),
    ).toEqual([]);
  });

  test('when the answer comes back, then no key or value carries a person', async () => {
    const { db } = await aCraftedRegion();

    const res = await getTrend(db, 'admin');

    expect(JSON.stringify(res.body)).not.toMatch(
      /"(studentId|lastName|firstName|birthDate|pseudonym|id|name)"|Cognome|pseudonym-/,
    );
  });

  test('when an unknown filter value is given, then 400', async () => {
    const { db } = await aCraftedRegion();

    const res = await getTrend(db, 'analista', '?province=XX');

    expect(res.status).toBe(400);
  });
});

test.each([
  // students, over10, over25 → shown
  [
    [30, 0, 0],
    [30, 0, 0],
  ],
  [
    [12, 3, 3],
    [12, '<10', '<10'],
  ],
  [
    [8, 0, 0],
    ['<10', '<10', '<10'],
  ], // too few students: even their zeros are hidden
  [
    [28, 16, 4],
    [28, 16, '<10'],
  ], // 16 − 4 = 12 is not small: 16 is safe
  [
    [16, 13, 1],
    [16, 'n.d.', '<10'],
  ], // 16 − 13 = 3 would be a small band
  [
    [40, 25, 12],
    [40, 25, 12],
  ], // bands 15, 13, 12: nothing small
  [
    [30, 25, 20],
    [30, 'n.d.', 20],
  ], // 30 − 25 = 5 attended well: a small band
  // Bands of 5 and 8: hiding 25 covers both (30 − 17 = 13 is their sum, neither alone).
  [
    [30, 25, 17],
    [30, 'n.d.', 17],
  ],
])('suppressTrend: %j → %j', (counts, expected) => {
  const [students, absentOver10, absentOver25] = counts as [number, number, number];

  const [month] = suppressTrend([{ month: '2025-10', students, absentOver10, absentOver25 }], 10);

  expect(Object.values(month!.values)).toEqual(expected);
});

test.each([
  // held, absent → over 10 %, over 25 %
  [100, 10, false, false], // exactly 10 % is not more than 10 %
  [100, 10.5, true, false],
  [100, 25, true, false],
  [100, 25.5, true, true],
  [20, 60, true, true], // absences capped at the hours held
  [0, 6, false, false], // no lesson held (e.g. entered on the data date): enrolled, never over
])('countMonths: %d h held, %d h absent → over 10 %% %s, over 25 %% %s', (held, absent, over10, over25) => {
  const hours = {
    months: ['2025-10'],
    studentIds: [1],
    enrolled: Uint8Array.of(1),
    held: Float64Array.of(held),
    absent: Float64Array.of(absent),
  };

  expect(countMonths(hours)).toEqual([
    { month: '2025-10', students: 1, absentOver10: Number(over10), absentOver25: Number(over25) },
  ]);
});

/**
 * The computation before it became set-based (5aa6969), kept as the reference: a few queries per
 * school, every lesson day of every stay and month walked in JavaScript. One change: it added a
 * school's events before the next school's stays, so an event in a school the student had left
 * counted only if the school they were in that month had a lower id; here, as now, the events
 * count after every school's stays.
 */
async function monthlyTrendBefore(
  db: Db,
  year: { id: number; label: string },
  filters: TrendQuery,
  onlySchoolIds: number[] | null,
): Promise<{ counts: MonthCounts[]; hours: Map<string, Map<number, { held: number; absent: number }>> }> {
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
  const naiSince = naiSinceOf(year.label);
  const byMonth = new Map<string, Map<number, { held: number; absent: number }>>();
  const allAbsences: { student_id: number; month: string; hours: number }[] = [];
  let lastMonth: string | null = null;
  for (const school of await schoolQ.execute()) {
    const allClasses = await db
      .selectFrom('class')
      .select(['id', 'grade_level', 'track', 'timetable'])
      .where('school_id', '=', school.id)
      .where('school_year_id', '=', year.id)
      .execute();
    if (allClasses.length === 0) continue;
    const asOf = await scannedDataAsOf(
      db,
      allClasses.map((c) => c.id),
      school.lessons_start,
      school.lessons_end,
    );
    if (lastMonth === null || asOf.slice(0, 7) > lastMonth) lastMonth = asOf.slice(0, 7);
    const classes = allClasses.filter(
      (c) =>
        (filters.gradeLevel === undefined || c.grade_level === filters.gradeLevel) &&
        (filters.track === undefined || c.track === filters.track),
    );
    if (classes.length === 0) continue;
    const classIds = classes.map((c) => c.id);
    let stayQ = db
      .selectFrom('enrolment as e')
      .innerJoin('student as st', 'st.id', 'e.student_id')
      .where('e.class_id', 'in', classIds)
      .where('e.entered_on', '<=', asOf)
      .select([
        'e.student_id',
        'e.class_id',
        'e.entered_on',
        'e.left_on',
        'st.citizenship',
        'st.born_in_italy',
        'st.arrival_date',
      ]);
    if (filters.sex) stayQ = stayQ.where('st.sex', '=', filters.sex);
    const closures = await db
      .selectFrom('school_closure')
      .select(['starts_on', 'ends_on'])
      .where('school_id', '=', school.id)
      .where('school_year_id', '=', year.id)
      .execute();
    const stays = (await stayQ.execute()).filter(
      (s) =>
        !filters.citizenshipGroup ||
        citizenshipGroupOf(s.citizenship, s.born_in_italy === 1, s.arrival_date, naiSince) === filters.citizenshipGroup,
    );
    allAbsences.push(
      ...(await db
        .selectFrom('attendance_event')
        .select([
          'student_id',
          sql<string>`substr(date, 1, 7)`.as('month'),
          (eb) => eb.fn.sum<number>('hours').as('hours'),
        ])
        .where('class_id', 'in', classIds)
        .where('date', '>=', school.lessons_start)
        .where('date', '<=', asOf)
        .groupBy(['student_id', sql`substr(date, 1, 7)`])
        .execute()),
    );
    const daysOf = new Map(
      classes.map((c) => [
        c.id,
        lessonDays({
          lessonsStart: school.lessons_start,
          lessonsEnd: school.lessons_end,
          timetable: parseTimetable(c.timetable),
          closures: closures.map((x) => ({ startsOn: x.starts_on, endsOn: x.ends_on })),
        }).filter((d) => d.date <= asOf),
      ]),
    );
    for (const stay of stays) {
      for (const month of monthsBetween(`${year.label.slice(0, 4)}-09`, asOf.slice(0, 7))) {
        const lastDay = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5)), 0))
          .toISOString()
          .slice(0, 10);
        const [first, last] = [`${month}-01`, lastDay < asOf ? lastDay : asOf];
        if (stay.entered_on > last || (stay.left_on !== null && stay.left_on <= first)) continue;
        const students = byMonth.get(month) ?? new Map<number, { held: number; absent: number }>();
        byMonth.set(month, students);
        const hours = students.get(stay.student_id) ?? { held: 0, absent: 0 };
        students.set(stay.student_id, hours);
        for (const d of daysOf.get(stay.class_id)!) {
          if (
            d.date >= first &&
            d.date <= last &&
            d.date >= stay.entered_on &&
            (stay.left_on === null || d.date < stay.left_on)
          )
            hours.held += d.hours;
        }
      }
    }
  }
  for (const a of allAbsences) {
    const hours = byMonth.get(a.month)?.get(a.student_id);
    if (hours) hours.absent += Number(a.hours);
  }
  if (lastMonth === null) return { counts: [], hours: byMonth };
  const counts = monthsBetween(`${year.label.slice(0, 4)}-09`, lastMonth).map((month) => {
    const students = [...(byMonth.get(month)?.values() ?? [])];
    const share = (h: { held: number; absent: number }) => (h.held > 0 ? Math.min(h.absent, h.held) / h.held : 0);
    return {
      month,
      students: students.length,
      absentOver10: students.filter((h) => share(h) > 0.1).length,
      absentOver25: students.filter((h) => share(h) > 0.25).length,
    };
  });
  return { counts, hours: byMonth };
}

/** Month, student, hours held and absent of every enrolled student-month, in a comparable order. */
const listed = (rows: [string, number, number, number][]) =>
  rows.sort((a, b) => a[0].localeCompare(b[0]) || a[1] - b[1]);
function listHours({ months, studentIds, enrolled, held, absent }: StudentMonths) {
  return listed(
    studentIds.flatMap((id, s) =>
      months.flatMap((month, m) => {
        const i = s * months.length + m;
        return enrolled[i] ? [[month, id, held[i]!, absent[i]!] as [string, number, number, number]] : [];
      }),
    ),
  );
}

describe('computeMonthlyTrend', () => {
  test.each([7, 8])(
    'property: on random region %i, whatever filters, year and school scope, hours and counts equal the day-by-day computation (150 runs)',
    async (seed) => {
      const db = await createTestDb();
      const { schoolIds } = await aRandomRegion(db, seed);
      const years = await db.selectFrom('school_year').select(['id', 'label']).execute();
      // Each filter unset 3 times in 4: most runs then cover most stays.
      const maybe = <T>(values: T[]) =>
        fc.oneof(
          { weight: 3, arbitrary: fc.constant(undefined) },
          { weight: 1, arbitrary: fc.constantFrom(...values) },
        );
      const query = fc.record({
        year: fc.constantFrom(...years),
        province: maybe(['AN', 'PU', 'MC']),
        school: maybe(['ANPS03000E', 'ANIS00800L', 'MCMM01000B']),
        level: maybe(['primo_grado', 'secondo_grado'] as const),
        gradeLevel: maybe([1, 3, 5]),
        track: maybe(['liceo', 'tecnico', 'professionale'] as const),
        citizenshipGroup: maybe([
          'italiano',
          'straniero_nato_in_italia',
          'straniero_nato_all_estero',
          'neo_arrivato',
        ] as const),
        sex: maybe(['M', 'F'] as const),
        only: fc.oneof({ weight: 3, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.subarray(schoolIds) }),
      });

      await fc.assert(
        fc.asyncProperty(query, async ({ year, only, ...filters }) => {
          const q = TrendQuery.parse(Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined)));

          const [counts, hours, before] = [
            await computeMonthlyTrend(db, year, q, only),
            await studentMonthHours(db, year, q, only),
            await monthlyTrendBefore(db, year, q, only),
          ];

          expect(listHours(hours)).toEqual(
            listed(
              [...before.hours].flatMap(([month, students]) =>
                [...students].map(([id, h]) => [month, id, h.held, h.absent] as [string, number, number, number]),
              ),
            ),
          );
          expect(counts).toEqual(before.counts);
        }),
        { numRuns: propertyRuns(150) },
      );
    },
    120_000,
  );

  test('when the region has absences, then some months have students over 10 % and over 25 % (the property above compares real counts)', async () => {
    const db = await createTestDb();
    await aRandomRegion(db, 7);
    const year = await db
      .selectFrom('school_year')
      .select(['id', 'label'])
      .where('label', '=', '2025/26')
      .executeTakeFirstOrThrow();

    const months = await computeMonthlyTrend(db, year, {}, null);

    expect(months.map((m) => m.month)).toEqual(monthsBetween('2025-09', '2026-06')); // one school's events run past the end of lessons
    expect(
      months.filter((m) => m.absentOver25 > 0 && m.absentOver10 > m.absentOver25 && m.students > m.absentOver10).length,
    ).toBeGreaterThan(3);
  }, 60_000);

  test('when the region has a past year too, then its months count students as well (the property above covers both years)', async () => {
    const db = await createTestDb();
    await aRandomRegion(db, 7);
    const past = await db
      .selectFrom('school_year')
      .select(['id', 'label'])
      .where('label', '=', '2024/25')
      .executeTakeFirstOrThrow();

    const months = await computeMonthlyTrend(db, past, {}, null);

    expect(months[0]?.month).toBe('2024-09');
    expect(months.filter((m) => m.students > 0 && m.absentOver10 > 0).length).toBeGreaterThan(2);
  }, 60_000);
});

/** `findDataAsOf` as first written, scanning every event and grade (the reference is not to lean on the stored digests' dates). */
async function scannedDataAsOf(db: Db, classIds: number[], lessonsStart: string, lessonsEnd: string): Promise<string> {
  const max = async (table: 'attendance_event' | 'grade') =>
    (
      await db
        .selectFrom(table)
        .select(({ fn }) => fn.max('date').as('d'))
        .where('class_id', 'in', classIds)
        .executeTakeFirst()
    )?.d ?? null;
  const latest =
    [await max('attendance_event'), await max('grade')]
      .filter((d): d is string => typeof d === 'string')
      .sort()
      .at(-1) ?? lessonsStart;
  return latest > lessonsEnd ? lessonsEnd : latest < lessonsStart ? lessonsStart : latest;
}
