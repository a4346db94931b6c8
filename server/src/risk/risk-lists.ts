import type { RiskReview, RiskRow, RiskTier, SchoolRiskRow } from '@primm/shared/contracts/risk';
import { describeIndicators } from '@primm/shared/risk/explain-indicator';
import { probabilityOf } from '@primm/shared/risk/risk-model';
import { compiledOnce } from '../db/compiled-once';
import type { Db } from '../db/open-database';
import { riskRowOf, selectMarkers } from './repository';
import { findRiskSettingsVersions } from '../risk-settings/repository';
import { parseIndicators } from './stored-indicators';

/**
 * The risk lists of a class and of a school, each in ONE statement with only what a list shows: the
 * class list is the most read page of the app (docs/performance-history.md "API sotto carico").
 * findStoredRisk serves the student's page and the reviews; here the latest review (by time, then
 * id, as there) comes from a correlated subquery on its index instead of a second query, and the
 * stored tier reasons are not read. What is under way for each student (open flags and cases, the
 * art. 114 procedure) comes in the same statement (`selectMarkers`). The indicators' messages are
 * composed (`describeIndicators`) but not worded: a list carries keys and parameters, which the web
 * words in the reader's language.
 */
export async function listClassRisk(db: Db, classId: number): Promise<RiskRow[]> {
  return rowsOf(db, (await db.executeQuery(classListStatement(db, classId))).rows);
}

/** The most read statement, built and compiled once (compiled-once.ts). */
const classListStatement = compiledOnce((db: Db, classId: number) => classRiskQuery(db, classId));

/** A school's list of a school year: the class list's rows with the class's name. */
export async function listSchoolRisk(db: Db, schoolId: number, schoolYearId: number): Promise<SchoolRiskRow[]> {
  const rows = await riskListQuery(db)
    .innerJoin('class as c', 'c.id', 'r.class_id')
    .select('c.name as class_name')
    .where('r.school_id', '=', schoolId)
    .where('r.school_year_id', '=', schoolYearId)
    .execute();
  const listed = await rowsOf(db, rows);
  return listed.map((row, i) => ({ ...row, className: rows[i]!.class_name }));
}

/** The statement of a class's list (exported so a test can pin its SQL). */
export function classRiskQuery(db: Db, classId: number) {
  return riskListQuery(db).where('r.class_id', '=', classId);
}

type ListedRow = Awaited<ReturnType<ReturnType<typeof riskListQuery>['execute']>>[number];

async function rowsOf(db: Db, rows: ListedRow[]): Promise<RiskRow[]> {
  const settings = await findRiskSettingsVersions(
    db,
    rows.map((r) => r.settings_version),
  );
  return rows.map((r): RiskRow => {
    const review: RiskReview | null =
      r.action === null
        ? null
        : {
            action: r.action,
            tier: r.review_tier as RiskTier | null,
            computedTier: r.computed_tier as RiskTier,
            reason: r.reason!,
            by: r.display_name!,
            at: r.created_at!,
          };
    const version = settings.get(r.settings_version)!;
    const indicators = parseIndicators(r.indicators);
    // as computeTier has it (shared/src/risk/tier.ts), without wording the level
    const probability = version.model ? probabilityOf(indicators, version.model) : null;
    return riskRowOf(r, describeIndicators(indicators, version), review, probability);
  });
}

/** Both lists' statement, before the filter that says whose list. */
function riskListQuery(db: Db) {
  return db
    .selectFrom('risk_result as r')
    .innerJoin('student as s', 's.id', 'r.student_id')
    .leftJoin('risk_review as v', (join) =>
      join.on('v.id', '=', (eb) =>
        eb
          .selectFrom('risk_review as w')
          .select('w.id')
          .whereRef('w.student_id', '=', 'r.student_id')
          .whereRef('w.school_year_id', '=', 'r.school_year_id')
          .orderBy('w.created_at', 'desc')
          .orderBy('w.id', 'desc')
          .limit(1),
      ),
    )
    .leftJoin('app_user as u', 'u.id', 'v.user_id')
    .select([
      'r.student_id',
      'r.class_id',
      'r.as_of',
      'r.settings_version',
      'r.tier',
      'r.score',
      'r.indicators',
      's.last_name',
      's.first_name',
      'v.action',
      'v.tier as review_tier',
      'v.computed_tier',
      'v.reason',
      'v.created_at',
      'u.display_name',
    ])
    .select(selectMarkers)
    .orderBy('s.last_name')
    .orderBy('s.first_name')
    .orderBy('r.student_id');
}
