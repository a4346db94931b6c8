import type { RiskIndicatorSummary, RiskReview, RiskReviewAction, RiskRow, RiskTier, SchoolRiskRow } from '@primm/shared/contracts/risk';
import { explainStored } from '@primm/shared/risk/explain-indicator';
import type { Message } from '@primm/shared/risk/message';
import type { Indicator, TierReason } from '@primm/shared/risk/types';
import { CompiledQuery, type Insertable } from 'kysely';
import type { RiskResultTable } from '../db/database';
import { isPostgres } from '../db/dialect';
import type { Db } from '../db/open-database';
import { findRiskSettingsVersions } from '../risk-settings/repository';
import { parseIndicators } from './stored-indicators';

/** A stored result with its student, class and latest review, as the lists and the detail read it. */
export interface StoredRisk extends SchoolRiskRow {
  schoolId: number;
  schoolYearId: number;
  tierExplanation: string;
  tierMessage: Message;
  /** From the model of the settings version that computed the result; null without one. */
  probability: number | null;
  computedAt: string;
  fullIndicators: Indicator[];
  reasons: TierReason[];
}

type Scope = { classId: number } | { schoolId: number; schoolYearId: number } | { studentId: number; schoolYearId: number };

export async function listStoredRisk(db: Db, scope: Scope): Promise<StoredRisk[]> {
  let q = db
    .selectFrom('risk_result as r')
    .innerJoin('student as s', 's.id', 'r.student_id')
    .innerJoin('class as c', 'c.id', 'r.class_id')
    .select([
      'r.student_id', 'r.class_id', 'r.school_id', 'r.school_year_id', 'r.as_of', 'r.settings_version', 'r.tier', 'r.score',
      'r.indicators', 'r.computed_at', 's.last_name', 's.first_name', 'c.name as class_name',
    ]);
  if ('classId' in scope) q = q.where('r.class_id', '=', scope.classId);
  else if ('schoolId' in scope) q = q.where('r.school_id', '=', scope.schoolId).where('r.school_year_id', '=', scope.schoolYearId);
  else q = q.where('r.student_id', '=', scope.studentId).where('r.school_year_id', '=', scope.schoolYearId);
  const rows = await q.orderBy('s.last_name').orderBy('s.first_name').orderBy('r.student_id').execute();
  if (rows.length === 0) return [];
  const yearIds = [...new Set(rows.map((r) => r.school_year_id))];
  const reviews = await latestReviews(db, rows.map((r) => r.student_id), yearIds);
  const settings = await findRiskSettingsVersions(db, rows.map((r) => r.settings_version));
  return rows.map((r) => {
    // Stored without their words (measureStudent): worded here with the version that computed them.
    const { indicators, reasons, tierExplanation, tierMessage, probability } = explainStored(parseIndicators(r.indicators), settings.get(r.settings_version)!);
    const review = reviews.get(`${r.student_id}|${r.school_year_id}`) ?? null;
    return {
      ...riskRowOf(r, indicators, review),
      className: r.class_name,
      schoolId: r.school_id,
      schoolYearId: r.school_year_id,
      tierExplanation,
      tierMessage,
      probability,
      computedAt: r.computed_at,
      fullIndicators: indicators,
      reasons,
    };
  });
}

/** The columns of a stored result that every risk list shows, as the contract's RiskRow. */
export interface RiskRowColumns {
  student_id: number;
  last_name: string;
  first_name: string;
  class_id: number;
  tier: number;
  score: number;
  as_of: string;
  settings_version: number;
}

/** A list row from a stored result, its parsed indicators and latest review (keys in the order the lists have always had). */
export function riskRowOf(r: RiskRowColumns, indicators: Indicator[], review: RiskReview | null): RiskRow {
  const value = (key: Indicator['key']) => indicators.find((i) => i.key === key)?.value ?? null;
  const computedTier = r.tier as RiskTier;
  return {
    studentId: r.student_id,
    lastName: r.last_name,
    firstName: r.first_name,
    classId: r.class_id,
    computedTier,
    tier: effectiveTier(computedTier, review),
    score: r.score,
    review,
    indicators: indicators.map(indicatorSummaryOf),
    attendanceRate: value('attendance_rate'),
    projectedAbsenceRate: value('absence_projection'),
    failingSubjects: value('failing_subjects'),
    trend: value('attendance_trend'),
    average: value('grade_average'),
    asOf: r.as_of,
    settingsVersion: r.settings_version,
  };
}

/** An indicator as the lists carry it: the Italian sentence and its message key with parameters. */
export function indicatorSummaryOf(i: Indicator): RiskIndicatorSummary {
  return { key: i.key, level: i.level, value: i.value, explanation: i.explanation, explanationKey: i.message.key, explanationParams: i.message.params };
}

/** The latest review supersedes the others: an override sets the tier, a confirm or dismiss keeps the computed one. */
export function effectiveTier(computed: RiskTier, review: RiskReview | null): RiskTier {
  return review?.action === 'override' && review.tier !== null ? review.tier : computed;
}

function selectReviews(db: Db) {
  return db
    .selectFrom('risk_review as v')
    .innerJoin('app_user as u', 'u.id', 'v.user_id')
    .select(['v.id', 'v.student_id', 'v.school_year_id', 'v.action', 'v.tier', 'v.computed_tier', 'v.reason', 'v.created_at', 'u.display_name']);
}

type ReviewRow = Awaited<ReturnType<ReturnType<typeof selectReviews>['execute']>>[number];
const toReview = (v: ReviewRow): RiskReview => ({
  action: v.action,
  tier: v.tier as RiskTier | null,
  computedTier: v.computed_tier as RiskTier,
  reason: v.reason,
  by: v.display_name,
  at: v.created_at,
});

/** Latest review per student and year, keyed `studentId|yearId`; ties on the timestamp go to the later id. */
async function latestReviews(db: Db, studentIds: number[], yearIds: number[]): Promise<Map<string, RiskReview>> {
  const out = new Map<string, RiskReview>();
  for (let i = 0; i < studentIds.length; i += 500) {
    const rows = await selectReviews(db)
      .where('v.student_id', 'in', studentIds.slice(i, i + 500))
      .where('v.school_year_id', 'in', yearIds)
      .orderBy('v.created_at')
      .orderBy('v.id')
      .execute();
    for (const v of rows) out.set(`${v.student_id}|${v.school_year_id}`, toReview(v));
  }
  return out;
}

/** Every review of a student's year, newest first. */
export async function listReviews(db: Db, studentId: number, schoolYearId: number): Promise<RiskReview[]> {
  const rows = await selectReviews(db)
    .where('v.student_id', '=', studentId)
    .where('v.school_year_id', '=', schoolYearId)
    .orderBy('v.created_at', 'desc')
    .orderBy('v.id', 'desc')
    .execute();
  return rows.map(toReview);
}

export async function insertReview(
  db: Db,
  row: { studentId: number; schoolYearId: number; action: RiskReviewAction; tier: RiskTier | null; computedTier: RiskTier; settingsVersion: number; reason: string; userId: number },
): Promise<void> {
  await db
    .insertInto('risk_review')
    .values({
      student_id: row.studentId,
      school_year_id: row.schoolYearId,
      action: row.action,
      tier: row.tier,
      computed_tier: row.computedTier,
      settings_version: row.settingsVersion,
      reason: row.reason,
      user_id: row.userId,
      created_at: new Date().toISOString(),
    })
    .execute();
}

// ---- Written by the recompute (recompute.ts) ----

/** The columns of `risk_result` the recompute writes, in the order of the statement below. */
const RESULT_COLUMNS = [
  'student_id', 'class_id', 'school_id', 'school_year_id', 'as_of', 'settings_version', 'tier', 'score', 'indicators',
  'input_hash', 'computed_at', 'attendance_rate', 'projected_absence', 'failing_subjects', 'age_grade_delay',
] as const satisfies readonly (keyof Insertable<RiskResultTable>)[];
export type RiskResultRow = { [K in (typeof RESULT_COLUMNS)[number]]: Insertable<RiskResultTable>[K] };

const UPSERT_CHUNK = 200; // rows per statement: 15 × 200 parameters, far below SQLite's and PostgreSQL's limits
const upsertTexts = new Map<string, string>();

/**
 * Inserts or replaces (by student and year) the results. The statement is written once per
 * dialect and size, not built by kysely per chunk: compiling a 3 400-parameter insert cost more
 * than running it (docs/performance.md).
 */
export async function upsertRiskResults(db: Db, rows: RiskResultRow[]): Promise<void> {
  const pg = isPostgres(db);
  for (let i = 0; i < rows.length; i += UPSERT_CHUNK) {
    const chunk = rows.slice(i, i + UPSERT_CHUNK);
    const params: unknown[] = [];
    for (const row of chunk) for (const c of RESULT_COLUMNS) params.push(row[c] ?? null);
    await db.executeQuery(CompiledQuery.raw(upsertText(pg, chunk.length), params));
  }
}

function upsertText(pg: boolean, count: number): string {
  const key = `${pg}|${count}`;
  let text = upsertTexts.get(key);
  if (text === undefined) {
    let n = 0;
    const row = () => `(${RESULT_COLUMNS.map(() => (pg ? `$${++n}` : '?')).join(', ')})`;
    const values = Array.from({ length: count }, row).join(', ');
    const set = RESULT_COLUMNS.filter((c) => c !== 'student_id' && c !== 'school_year_id').map((c) => `${c} = excluded.${c}`).join(', ');
    text = `insert into risk_result (${RESULT_COLUMNS.join(', ')}) values ${values} on conflict (student_id, school_year_id) do update set ${set}`;
    upsertTexts.set(key, text);
  }
  return text;
}

/** The stored result ids, tiers and input hashes of a school's students and of its own rows. */
export async function findStoredHashes(db: Db, schoolId: number, schoolYearId: number, classIds: number[]) {
  return db
    .selectFrom('risk_result')
    .select(['id', 'student_id', 'school_id', 'input_hash', 'tier'])
    .where('school_year_id', '=', schoolYearId)
    .where((eb) =>
      eb.or([
        eb('school_id', '=', schoolId),
        // A transfer may have left a student's row under another school.
        ...(classIds.length > 0 ? [eb('student_id', 'in', eb.selectFrom('enrolment').select('student_id').where('class_id', 'in', classIds))] : []),
      ]),
    )
    .execute();
}

export async function deleteRiskResults(db: Db, ids: number[]): Promise<void> {
  for (let i = 0; i < ids.length; i += UPSERT_CHUNK) await db.deleteFrom('risk_result').where('id', 'in', ids.slice(i, i + UPSERT_CHUNK)).execute();
}

/** Per school of the year (or of the one school): the stamp its results were computed with, and how many it had then and has now. */
export async function findSchoolStates(db: Db, schoolYearId: number, onlySchoolId?: number): Promise<Map<number, { stamp: string; results: number; stored: number }>> {
  let states = db.selectFrom('risk_school_state').select(['school_id', 'stamp', 'results']).where('school_year_id', '=', schoolYearId);
  let stored = db
    .selectFrom('risk_result')
    .select(({ fn }) => ['school_id', fn.countAll<number | string>().as('n')])
    .where('school_year_id', '=', schoolYearId)
    .groupBy('school_id');
  if (onlySchoolId !== undefined) {
    states = states.where('school_id', '=', onlySchoolId);
    stored = stored.where('school_id', '=', onlySchoolId);
  }
  const [rows, counts] = [await states.execute(), await stored.execute()];
  const storedOf = new Map(counts.map((c) => [c.school_id, Number(c.n)]));
  return new Map(rows.map((s) => [s.school_id, { stamp: s.stamp, results: s.results, stored: storedOf.get(s.school_id) ?? 0 }]));
}

export async function saveSchoolState(db: Db, row: { schoolId: number; schoolYearId: number; stamp: string; results: number; computedAt: string }): Promise<void> {
  await db
    .insertInto('risk_school_state')
    .values({ school_id: row.schoolId, school_year_id: row.schoolYearId, stamp: row.stamp, results: row.results, computed_at: row.computedAt })
    .onConflict((oc) => oc.columns(['school_id', 'school_year_id']).doUpdateSet({ stamp: row.stamp, results: row.results, computed_at: row.computedAt }))
    .execute();
}
