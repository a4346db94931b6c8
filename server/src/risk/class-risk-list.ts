import type { RiskReview, RiskRow, RiskTier } from '@primm/shared/contracts/risk';
import { explainIndicators } from '@primm/shared/risk/explain-indicator';
import { probabilityOf } from '@primm/shared/risk/risk-model';
import type { Db } from '../db/open-database';
import { riskRowOf, selectMarkers } from './repository';
import { findRiskSettingsVersions } from '../risk-settings/repository';
import { parseIndicators } from './stored-indicators';

/**
 * The rows of a class's risk list, in ONE statement with only what the list shows: the most read
 * page of the app (docs/performance-history.md "API sotto carico"). listStoredRisk serves the detail and
 * the school list; here the latest review (by time, then id, as there) comes from a correlated
 * subquery on its index instead of a second query, and the stored explanation, tier reasons and
 * class name are not read at all. The indicators' sentences are composed here (`explainIndicators`).
 * What is under way for each student (open flags and cases, the art. 114 procedure) comes in the
 * same statement (`selectMarkers`).
 */
export async function listClassRisk(db: Db, classId: number): Promise<RiskRow[]> {
  const rows = await classRiskQuery(db, classId).execute();
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
    return riskRowOf(r, explainIndicators(indicators, version), review, probability);
  });
}

/** The statement alone (exported so a test can pin its SQL). */
export function classRiskQuery(db: Db, classId: number) {
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
    .where('r.class_id', '=', classId)
    .orderBy('s.last_name')
    .orderBy('s.first_name')
    .orderBy('r.student_id');
}
