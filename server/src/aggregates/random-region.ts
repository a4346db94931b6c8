import type { Insertable } from 'kysely';
import type { AttendanceKind, Database } from '../db/database';
import type { Db } from '../db/open-database';
import { ensureSchoolYear } from '../imports/load-school';
import { aGradeRow } from '../testing/factories';

/**
 * Test support: a small region drawn from a seed, with the cases the aggregate rules tell apart —
 * mid-year moves (ties on the entry date), exits, citizenship spelled oddly, arrivals on the
 * newly-arrived boundary, indicator values on the band edges or missing, reviews that override
 * and then confirm, flags, cases and actions of every kind, and a second school year; for the
 * monthly trend and the fairness report, `withLessons` adds calendars, closures, timetables,
 * absences and final outcomes (see there).
 */
export async function aRandomRegion(db: Db, seed: number, students = 160): Promise<{ schoolIds: number[] }> {
  const random = mulberry32(seed);
  // Lessons, absences and outcomes draw from their own stream: the draws below stay as they were.
  const lessons = withLessons(db, mulberry32(seed ^ 0x5eed));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const chance = (p: number) => random() < p;
  const now = '2026-01-01T00:00:00.000Z';

  const years = [
    await ensureSchoolYear(db, '2025/26', '2025-09-01', '2026-08-31'),
    await ensureSchoolYear(db, '2024/25', '2024-09-01', '2025-08-31'),
  ];
  const [user] = await db
    .insertInto('app_user')
    .values({
      email: `region${seed}@scuola.test`,
      display_name: 'Mediatrice',
      role: 'mediatore',
      password_hash: null,
      created_at: now,
    })
    .returning('id')
    .execute();
  const schools = [
    { code: 'ANPS03000E', province_code: 'AN', level: 'secondo_grado' as const },
    { code: 'ANIS00800L', province_code: 'AN', level: 'secondo_grado' as const },
    { code: 'PSPS01000A', province_code: 'PU', level: 'secondo_grado' as const },
    { code: 'MCMM01000B', province_code: 'MC', level: 'primo_grado' as const },
  ];
  const schoolIds: number[] = [];
  const classes: { id: number; school_id: number; year: number }[] = [];
  for (const s of schools) {
    const [row] = await db
      .insertInto('school')
      .values({
        ...s,
        name: `SCUOLA ${s.code}`,
        institute_code: s.code,
        institute_name: `SCUOLA ${s.code}`,
        municipality_istat: null,
        municipality_name: 'X',
        cadastral_code: null,
        kind: 'X',
        address: null,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .execute();
    schoolIds.push(row!.id);
    for (const year of years) {
      for (const [name, grade, track] of [
        ['1A', 1, 'liceo'],
        ['3A', 3, 'tecnico'],
        ['3B', 3, null],
        ['5A', 5, 'professionale'],
      ] as const) {
        const [c] = await db
          .insertInto('class')
          .values({
            school_id: row!.id,
            school_year_id: year,
            name,
            grade_level: s.level === 'primo_grado' ? Math.min(grade, 3) : grade,
            track: s.level === 'primo_grado' ? null : track,
            timetable: lessons.timetable(),
            weekly_hours: 30,
            annual_hours: 990,
          })
          .returning('id')
          .execute();
        classes.push({ id: c!.id, school_id: row!.id, year });
      }
    }
  }
  await lessons.calendars(schoolIds, years);

  // Rows nothing else points at are inserted in batches after the loop, in the order drawn (the
  // same rows and ids as one insert each; ≈ 10 round trips per student made a region of 800 take
  // seconds on PostgreSQL). Students and cases, whose ids the loop needs, are still inserted one by one.
  const later: { [T in 'enrolment' | 'risk_result' | 'risk_review' | 'flag']: Insertable<Database[T]>[] } = {
    enrolment: [],
    risk_result: [],
    risk_review: [],
    flag: [],
  };

  for (let i = 0; i < students; i++) {
    const [st] = await db
      .insertInto('student')
      .values({
        pseudonym: `r${seed}-${i}`,
        last_name: `C${i}`,
        first_name: `N${i}`,
        sex: pick(['M', 'F'] as const),
        birth_date: '2009-01-01',
        birthplace: null,
        citizenship: pick([
          'Italia',
          'Italia',
          'Italia',
          ' italia ',
          'ITALIANA',
          'Italia\u00a0',
          'Albania',
          'Marocco',
          'Romania',
        ]),
        born_in_italy: chance(0.5) ? 1 : 0,
        arrival_date: pick([null, '2023-08-31', '2023-09-01', '2024-02-10', '2014-05-05']),
        l2_level: null,
        residence_istat: null,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .execute();
    const id = st!.id;
    lessons.students.push(id);
    for (const year of years) {
      if (year !== years[0] && !chance(0.3)) continue;
      const own = classes.filter((c) => c.year === year);
      const stays = 1 + Math.floor(random() * 3);
      const used = new Set<string>();
      for (let k = 0; k < stays; k++) {
        const cls = pick(own);
        // 2024/25 stays a year earlier, inside their own year (the same draws as before).
        const shift = year === years[0] ? 0 : -1;
        const entered = yearsLater(pick(['2025-09-15', '2025-09-15', '2025-11-03', '2026-01-10']), shift);
        if (used.has(`${cls.id}|${entered}`)) continue;
        used.add(`${cls.id}|${entered}`);
        const leftOn = k < stays - 1 || chance(0.15) ? pick(['2025-11-03', '2026-02-01', null]) : null;
        const left = leftOn === null ? null : yearsLater(leftOn, shift);
        later.enrolment.push({
          student_id: id,
          class_id: cls.id,
          entered_on: entered,
          left_on: left,
          exit_reason: chance(0.8)
            ? pick(['cambio_classe', 'trasferito', 'passaggio_iefp', 'ritirato', 'abbandono'] as const)
            : null,
        });
        lessons.stays.push({ studentId: id, classId: cls.id, schoolId: cls.school_id, shift });
      }
      if (chance(0.85)) {
        const cls = pick(own);
        later.risk_result.push({
          student_id: id,
          class_id: cls.id,
          school_id: cls.school_id,
          school_year_id: year,
          as_of: '2026-01-30',
          settings_version: 1,
          tier: pick([1, 1, 2, 3]),
          score: random() * 4,
          indicators: '[]',
          input_hash: `h${id}-${year}`,
          computed_at: now,
          attendance_rate: pick([null, 0.95, 0.9, 0.8, 0.97, 0.93, 0.85, 0.7]),
          projected_absence: pick([null, 0.25, 0.1, 0.3]),
          failing_subjects: pick([null, 0, 1, 2, 4]),
          age_grade_delay: pick([null, 0, 1, 2]),
        });
      }
      for (let k = chance(0.25) ? 1 + Math.floor(random() * 3) : 0; k > 0; k--) {
        const action = pick(['confirm', 'dismiss', 'override', 'override'] as const);
        later.risk_review.push({
          student_id: id,
          school_year_id: year,
          action,
          tier: action === 'override' ? pick([1, 2, 3]) : null,
          computed_tier: 1,
          settings_version: 1,
          reason: 'prova',
          user_id: user!.id,
          created_at: now,
        });
      }
    }
    if (chance(0.15))
      later.flag.push({
        student_id: id,
        reason_code: 'altro',
        reason: 'prova',
        created_by: user!.id,
        created_at: now,
        resolved_at: null,
        resolved_by: null,
      });
    for (let k = chance(0.25) ? 1 + Math.floor(random() * 2) : 0; k > 0; k--) {
      const status = pick(['open', 'monitoring', 'closed'] as const);
      const [c] = await db
        .insertInto('support_case')
        .values({
          student_id: id,
          school_id: pick(schoolIds),
          flag_id: null,
          opened_by: user!.id,
          owner_id: user!.id,
          opened_at: now,
          status,
          goal: 'prova',
          closed_at: status === 'closed' ? now : null,
          outcome: chance(0.6)
            ? pick(['back_on_track', 'reoriented', 'left_education', 'moved_away', 'other'] as const)
            : null,
          outcome_note: null,
        })
        .returning('id')
        .execute();
      for (let a = Math.floor(random() * 4); a > 0; a--) {
        await db
          .insertInto('case_action')
          .values({
            case_id: c!.id,
            type: pick([
              'family_meeting',
              'cultural_mediation',
              'tutoring',
              'italian_l2',
              'reorient_school',
              'reorient_iefp',
              'reorient_work',
              'reorient_cpia',
              'pua_referral',
              'other',
            ] as const),
            date: '2026-01-10',
            participants: 'famiglia',
            notes: null,
            follow_up_on: null,
            outcome: null,
            destination: chance(0.5) ? 'CFP' : null,
            arrived: pick([null, 0, 1]),
            work_kind: null,
            exceptional_reason: null,
            created_by: user!.id,
            created_at: now,
          })
          .execute();
      }
    }
  }
  for (const [table, rows] of Object.entries(later) as [
    keyof typeof later,
    Insertable<Database[keyof typeof later]>[],
  ][])
    await insertInBatches(db, table, rows);
  await lessons.oddStays(classes.filter((c) => c.year === years[0]));
  await lessons.events();
  await lessons.outcomes(schoolIds);
  return { schoolIds };
}

/**
 * What the monthly trend and the fairness report read, from a stream of its own:
 * - timetables of 5 or 6 days, some with half hours; a few more stays, some ending before they
 *   begin; per school and year a lesson period (one school has none in 2024/25), Christmas and
 *   one or two more closures, one across a month end;
 * - per school a data date (its last export, from October to March; one school's events run past
 *   the end of lessons), absences of every kind on the stays' classes up to it, some before the
 *   start of lessons, after the student left the class, or in a month they were in another
 *   school; grades past the last absence in some schools, so the data date comes from them;
 * - final outcomes: in 2025/26 verdicts and exits; in 2024/25 exits only (no verdict: the
 *   fairness report reads no outcome then); some term outcomes, which are not final.
 */
function withLessons(db: Db, random: () => number) {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const students: number[] = [];
  /** `shift`: years to move the stay's dates by (-1 for a 2024/25 class). */
  const stays: { studentId: number; classId: number; schoolId: number; shift: number }[] = [];
  const dataDate = new Map<number, string>();
  const everyDay = Array.from({ length: 205 }, (_, n) => new Date(Date.UTC(2025, 8, 8 + n)).toISOString().slice(0, 10)); // 8/9/2025 → 31/3/2026
  const eventDays = [
    '2025-09-12',
    '2025-09-15',
    '2025-09-30',
    '2025-10-01',
    '2025-10-15',
    '2025-10-31',
    '2025-11-03',
    '2025-11-04',
    '2025-11-20',
    '2025-12-09',
    '2025-12-19',
    '2025-12-22',
    '2026-01-08',
    '2026-01-12',
    '2026-01-30',
    '2026-02-02',
    '2026-02-16',
    '2026-02-27',
    '2026-03-10',
  ];
  return {
    students,
    stays,
    timetable: () => pick(['6-6-6-6-6-0', '6-6-7-7-6-0', '5-5-5-5-5-5', '5,5-5,5-6-6-5-0', '4-4-4-4-4-4']),
    async calendars(schoolIds: number[], years: number[]) {
      for (const [k, school] of schoolIds.entries()) {
        dataDate.set(
          school,
          k === 1 ? '2026-06-20' : pick(['2025-10-31', '2025-12-19', '2026-01-30', '2026-02-27', '2026-03-10']),
        );
        for (const [y, year] of years.entries()) {
          if (y === 1 && k === schoolIds.length - 1) continue;
          const from = 2025 - y;
          await db
            .insertInto('school_calendar')
            .values({
              school_id: school,
              school_year_id: year,
              lessons_start: `${from}-09-${pick(['10', '15', '16'])}`,
              lessons_end: `${from + 1}-06-${pick(['06', '10'])}`,
            })
            .execute();
          const closures = [
            [`${from}-12-22`, `${from + 1}-01-06`],
            [`${from}-11-01`, `${from}-11-01`],
            ...(k % 2 === 0 ? [[`${from}-10-30`, `${from}-11-04`]] : []),
          ];
          for (const [startsOn, endsOn] of closures.filter(([a], i, all) => all.findIndex(([b]) => b === a) === i)) {
            await db
              .insertInto('school_closure')
              .values({
                school_id: school,
                school_year_id: year,
                starts_on: startsOn!,
                ends_on: endsOn!,
                reason: 'vacanza',
              })
              .execute();
          }
        }
      }
    },
    /** A few more stays: from the day after the earliest start of lessons, for a week, or ending before they begin. */
    async oddStays(own: { id: number; school_id: number }[]) {
      for (const studentId of students) {
        if (random() >= 0.1) continue;
        const cls = pick(own);
        const [entered, left] = pick([
          ['2025-09-11', null],
          ['2025-09-11', '2025-09-18'],
          ['2025-11-20', '2025-11-10'],
        ] as const);
        await db
          .insertInto('enrolment')
          .values({
            student_id: studentId,
            class_id: cls.id,
            entered_on: entered,
            left_on: left,
            exit_reason: left && 'cambio_classe',
          })
          .execute();
        stays.push({ studentId, classId: cls.id, schoolId: cls.school_id, shift: 0 });
      }
    },
    async events() {
      const seen = new Set<string>();
      for (const stay of stays) {
        const days: [string, AttendanceKind][] = [];
        for (let n = Math.floor(random() * 4); n > 0; n--)
          days.push([
            random() < 0.05 ? '2026-06-20' : pick(eventDays),
            pick(['assenza', 'entrata_posticipata', 'uscita_anticipata'] as const),
          ]);
        // Now and then a long absence, so that some months pass 10 % and 25 %.
        const from = Math.floor(random() * everyDay.length);
        if (random() < 0.3)
          for (const date of everyDay.slice(from, from + 3 + Math.floor(random() * 15))) days.push([date, 'assenza']);
        const rows = [];
        for (const [date, kind] of days) {
          if (
            date > dataDate.get(stay.schoolId)! ||
            seen.has(`${stay.studentId}|${yearsLater(date, stay.shift)}|${kind}`)
          )
            continue;
          seen.add(`${stay.studentId}|${yearsLater(date, stay.shift)}|${kind}`);
          rows.push({
            student_id: stay.studentId,
            class_id: stay.classId,
            date: yearsLater(date, stay.shift),
            kind,
            hours: kind === 'assenza' ? pick([4, 5, 6]) : pick([0.5, 1, 2]),
            justified: 0,
            deroga: null,
            deroga_decided_on: null,
            import_batch_id: null,
          });
        }
        if (rows.length) await db.insertInto('attendance_event').values(rows).execute();
        if (random() < 0.03) {
          await db
            .insertInto('grade')
            .values(
              aGradeRow(
                stay.studentId,
                stay.classId,
                yearsLater(pick(['2026-03-05', '2026-01-20', '2025-12-01']), stay.shift),
              ),
            )
            .onConflict((oc) => oc.doNothing())
            .execute();
        }
      }
    },
    async outcomes(schoolIds: number[]) {
      const all: Insertable<Database['outcome']>[] = [];
      for (const studentId of students) {
        const rows = [];
        if (random() < 0.7)
          rows.push({
            school_year: '2025/26',
            period: 'finale',
            result: pick([
              'ammesso',
              'ammesso',
              'ammesso',
              'non_ammesso',
              'sospensione_giudizio',
              'ritirato',
              'trasferito',
              'abbandono',
              'valutato',
            ] as const),
          });
        if (random() < 0.3)
          rows.push({
            school_year: '2024/25',
            period: 'finale',
            result: pick(['ritirato', 'trasferito', 'abbandono', 'valutato'] as const),
          });
        if (random() < 0.2)
          rows.push({
            school_year: '2025/26',
            period: 'primo periodo',
            result: pick(['non_ammesso', 'ammesso'] as const),
          });
        for (const r of rows)
          all.push({
            ...r,
            student_id: studentId,
            school_id: pick([null, ...schoolIds]),
            grade_level: 3,
            failed_subjects: null,
            import_batch_id: null,
          });
      }
      await insertInBatches(db, 'outcome', all);
    },
  };
}

/** Multi-row inserts of at most 500 rows: under either engine's limit on bound parameters. */
async function insertInBatches<T extends keyof Database>(db: Db, table: T, rows: Insertable<Database[T]>[]) {
  for (let i = 0; i < rows.length; i += 500)
    await db
      .insertInto(table)
      .values(rows.slice(i, i + 500) as never)
      .execute();
}

/** `yyyy-mm-dd` moved by whole years (29 February never occurs in these dates). */
const yearsLater = (date: string, years: number) =>
  years === 0 ? date : `${Number(date.slice(0, 4)) + years}${date.slice(4)}`;

/** A small seeded generator (Mulberry32): the same seed draws the same region on every run. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
