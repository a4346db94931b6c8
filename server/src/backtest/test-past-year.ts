import type { BacktestReport } from '@primm/shared/contracts/backtest';
import type { RiskModel } from '@primm/shared/risk/risk-model';
import type { Db } from '../db/open-database';
import { aClass, aSchool, aStudent, anEnrolment } from '../testing/factories';
import type { CohortItem } from './cohort-report';

/**
 * Test helper: a school with its past year 2024/25 (calendar, two terms, one class) and its
 * current year 2025/26 (one class, so the past one is "past"). Of the `students` of 2024/25, the
 * first `bad` missed every lesson of October and November (60 % attendance at the first period's
 * end, 20/12/2024) and were not admitted; the others came and were admitted.
 */
export async function aSchoolWithPastYear(db: Db, { students = 12, bad = 4, code = 'ANPS03000E' } = {}) {
  const school = await aSchool(db, { code });
  const past = await aClass(db, school.id, { name: '2A', year: '2024/25' });
  const current = await aClass(db, school.id, { name: '3A', year: '2025/26' });
  await db
    .insertInto('school_calendar')
    .values([
      {
        school_id: school.id,
        school_year_id: past.school_year_id,
        lessons_start: '2024-09-16',
        lessons_end: '2025-06-07',
      },
      {
        school_id: school.id,
        school_year_id: current.school_year_id,
        lessons_start: '2025-09-15',
        lessons_end: '2026-06-06',
      },
    ])
    .execute();
  await db
    .insertInto('term')
    .values([
      {
        school_id: school.id,
        school_year_id: past.school_year_id,
        seq: 1,
        name: 'trimestre',
        starts_on: '2024-09-16',
        ends_on: '2024-12-20',
      },
      {
        school_id: school.id,
        school_year_id: past.school_year_id,
        seq: 2,
        name: 'pentamestre',
        starts_on: '2024-12-21',
        ends_on: '2025-06-07',
      },
    ])
    .execute();
  const ids: number[] = [];
  for (let i = 0; i < students; i++) {
    const s = await aStudent(db);
    ids.push(s.id);
    await anEnrolment(db, s.id, past.id, { entered_on: '2024-09-16', left_on: '2025-09-01' });
    const isBad = i < bad;
    if (isBad) {
      const days = weekdays('2024-10-01', '2024-11-29');
      await db
        .insertInto('attendance_event')
        .values(
          days.map((date) => ({
            student_id: s.id,
            class_id: past.id,
            date,
            kind: 'assenza' as const,
            hours: 6,
            justified: 0,
            deroga: null,
            deroga_decided_on: null,
            import_batch_id: null,
          })),
        )
        .execute();
    }
    await db
      .insertInto('outcome')
      .values({
        student_id: s.id,
        school_id: school.id,
        school_year: '2024/25',
        grade_level: 2,
        period: 'finale',
        result: isBad ? 'non_ammesso' : 'ammesso',
        failed_subjects: null,
        import_batch_id: null,
      })
      .execute();
  }
  return { school, past, current, studentIds: ids };
}

function weekdays(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = new Date(`${from}T00:00:00Z`); d <= new Date(`${to}T00:00:00Z`); d.setUTCDate(d.getUTCDate() + 1)) {
    const day = d.getUTCDay();
    if (day !== 0 && day !== 6) out.push(d.toISOString().slice(0, 10));
  }
  return out;
}

/** A logistic model on the overall average alone: the lower the average, the likelier a bad outcome. */
export const AVERAGE_MODEL: RiskModel = {
  kind: 'logistic',
  features: ['grade_average'],
  intercept: -1,
  coefficients: [-2],
  means: [7],
  sds: [1],
  ridge: 1,
  fittedOn: { description: '2024/25, prova', students: 100, badOutcomes: 20 },
};

/** A finished report (values as a test wants them; only the shape is real). */
export function aReport(over: Partial<BacktestReport> = {}): BacktestReport {
  return {
    school_year: '2024/25',
    as_of: '2025-01-31',
    cut_dates: ['2025-01-31'],
    source: 'registri',
    settings_version: 1,
    n: 100,
    positives: 20,
    bad_rate: 0.2,
    suspended: 5,
    excluded: { no_outcome: 0, transferred: 0 },
    levels: [],
    auc: 0.8,
    sensitivity: 0.5,
    precision: 0.5,
    specificity: 0.9,
    accuracy: 0.8,
    auc_probability: 0.8,
    brier: 0.1,
    precision_at_10pct: 0.6,
    calibration: [],
    by_group: {},
    model: AVERAGE_MODEL,
    ...over,
  };
}

/** A finished backtest, saved as the legend at `savedAt` (null: not saved). */
export async function aBacktestRun(
  db: Db,
  items: CohortItem[],
  { savedAt = '2026-01-10T10:00:00.000Z' as string | null, report = aReport() } = {},
) {
  return db
    .insertInto('risk_backtest')
    .values({
      school_year: report.school_year,
      month_day: null,
      status: 'done',
      done: 1,
      total: 1,
      started_at: '2026-01-10T09:00:00.000Z',
      started_by: null,
      finished_at: '2026-01-10T09:01:00.000Z',
      error: null,
      report: JSON.stringify(report),
      items: JSON.stringify(items),
      saved_at: savedAt,
      saved_by: null,
      saved_version: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** `n` past students at a rules level with `bad` of them bad and probability `p`. */
export const itemsOf = (n: number, bad: number, level: 1 | 2 | 3, p: number | null = null): CohortItem[] =>
  Array.from({ length: n }, (_, i) => [i < bad ? 1 : 0, 0, level, p, 0]);
