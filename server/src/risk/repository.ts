import type {
  RiskIndicatorSummary,
  RiskMarkers,
  RiskReview,
  RiskReviewAction,
  RiskRow,
  RiskTier,
  SchoolRiskRow,
} from '@primm/shared/contracts/risk';
import { explainStored } from '@primm/shared/risk/explain-indicator';
import type { Message } from '@primm/shared/risk/message';
import type { DescribedIndicator, Indicator, TierReason } from '@primm/shared/risk/types';
import { CompiledQuery, type ExpressionBuilder, type Insertable } from 'kysely';
import type { Database, RiskResultTable } from '../db/database';
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
  computedAt: string;
  fullIndicators: Indicator[];
  reasons: TierReason[];
  /** Every review of the year, newest first (`review` is the first). */
  reviews: RiskReview[];
}

/**
 * A student's stored result of a school year, worded, with their class and latest review: what the
 * student's page and a review read. The lists read their rows in one statement (risk-lists.ts).
 */
export async function findStoredRisk(db: Db, studentId: number, schoolYearId: number): Promise<StoredRisk | undefined> {
  const q = db
    .selectFrom('risk_result as r')
    .innerJoin('student as s', 's.id', 'r.student_id')
    .innerJoin('class as c', 'c.id', 'r.class_id')
    .select([
      'r.student_id',
      'r.class_id',
      'r.school_id',
      'r.school_year_id',
      'r.as_of',
      'r.settings_version',
      'r.tier',
      'r.score',
      'r.indicators',
      'r.computed_at',
      's.last_name',
      's.first_name',
      'c.name as class_name',
    ])
    .select(selectMarkers)
    .where('r.student_id', '=', studentId)
    .where('r.school_year_id', '=', schoolYearId);
  const r = await q.executeTakeFirst();
  if (!r) return undefined;
  const [reviews, settings] = await Promise.all([
    listReviews(db, studentId, schoolYearId),
    findRiskSettingsVersions(db, [r.settings_version]),
  ]);
  // Stored without their words (measureStudent): worded here with the version that computed them.
  const { indicators, reasons, tierExplanation, tierMessage, probability } = explainStored(
    parseIndicators(r.indicators),
    settings.get(r.settings_version)!,
  );
  return {
    ...riskRowOf(r, indicators, reviews[0] ?? null, probability),
    className: r.class_name,
    schoolId: r.school_id,
    schoolYearId: r.school_year_id,
    tierExplanation,
    tierMessage,
    computedAt: r.computed_at,
    fullIndicators: indicators,
    reasons,
    reviews,
  };
}

/**
 * The markers of a result's student (RiskMarkers) as three correlated subqueries on indexed
 * columns (flag and support_case by student, compulsory_notice by student and year), so that a
 * list reads them in its own statement: no query more per list or per row.
 */
export function selectMarkers(eb: ExpressionBuilder<Database & { r: RiskResultTable }, 'r'>) {
  return [
    eb
      .selectFrom('flag as mf')
      .select((x) => x.fn.countAll<number | string>().as('n'))
      .whereRef('mf.student_id', '=', 'r.student_id')
      .where('mf.resolved_at', 'is', null)
      .as('open_flags'),
    eb
      .selectFrom('support_case as mc')
      .select((x) => x.fn.countAll<number | string>().as('n'))
      .whereRef('mc.student_id', '=', 'r.student_id')
      .where('mc.status', '<>', 'closed')
      .as('open_cases'),
    // 1: the family was notified; 2: the mayor was told too (a notice closed by a return is over)
    eb
      .selectFrom('compulsory_notice as mn')
      .select((x) =>
        x.fn.max<number | null>(x.case().when('mn.reported_on', 'is', null).then(1).else(2).end()).as('stage'),
      )
      .whereRef('mn.student_id', '=', 'r.student_id')
      .whereRef('mn.school_year_id', '=', 'r.school_year_id')
      .where('mn.closed_on', 'is', null)
      .as('compulsory_stage'),
  ];
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
  /** From `selectMarkers` (counts are strings on PostgreSQL). */
  open_flags: number | string | null;
  open_cases: number | string | null;
  compulsory_stage: number | string | null;
}

function markersOf(r: RiskRowColumns): RiskMarkers {
  const stage = r.compulsory_stage === null ? null : Number(r.compulsory_stage);
  return {
    openFlags: Number(r.open_flags ?? 0),
    openCases: Number(r.open_cases ?? 0),
    compulsory: stage === null ? null : stage === 2 ? 'reported' : 'notified',
  };
}

/** A list row from a stored result, its parsed indicators, latest review and probability (keys in the order the lists have always had). */
export function riskRowOf(
  r: RiskRowColumns,
  indicators: DescribedIndicator[],
  review: RiskReview | null,
  probability: number | null,
): RiskRow {
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
    probability,
    markers: markersOf(r),
    asOf: r.as_of,
    settingsVersion: r.settings_version,
  };
}

/** An indicator as the lists carry it: its message key with parameters (the web words them). */
export function indicatorSummaryOf(i: DescribedIndicator): RiskIndicatorSummary {
  return {
    key: i.key,
    level: i.level,
    value: i.value,
    explanationKey: i.message.key,
    explanationParams: i.message.params,
  };
}

/** The latest review supersedes the others: an override sets the tier, a confirm or dismiss keeps the computed one. */
export function effectiveTier(computed: RiskTier, review: RiskReview | null): RiskTier {
  return review?.action === 'override' && review.tier !== null ? review.tier : computed;
}

function selectReviews(db: Db) {
  return db
    .selectFrom('risk_review as v')
    .innerJoin('app_user as u', 'u.id', 'v.user_id')
    .select([
      'v.id',
      'v.student_id',
      'v.school_year_id',
      'v.action',
      'v.tier',
      'v.computed_tier',
      'v.reason',
      'v.created_at',
      'u.display_name',
    ]);
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
  row: {
    studentId: number;
    schoolYearId: number;
    action: RiskReviewAction;
    tier: RiskTier | null;
    computedTier: RiskTier;
    settingsVersion: number;
    reason: string;
    userId: number;
  },
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
