import type { WorklistItem, WorklistReason } from '@primm/shared/contracts/worklist';
import type { Db } from '../db/open-database';
import { isNewlyArrived } from '../students/newly-arrived';

/**
 * Students of these schools (null: every school), enrolled now in a class of the year, at level 3
 * or newly arrived, with no open flag and no running case: the ones nobody has taken up yet
 * (issue 19: instead of opening ten classes). One statement; the level is the latest review's
 * override when there is one, else the computed tier, as in every risk list
 * (risk/repository.ts `effectiveTier`).
 */
export async function listWorklist(
  db: Db,
  q: { schoolIds: number[] | null; schoolYearId: number; today: string; reason?: WorklistReason; limit: number },
): Promise<WorklistItem[]> {
  if (q.schoolIds !== null && q.schoolIds.length === 0) return [];
  // NAI: arrived less than two years ago, i.e. after the same day two years back (students/newly-arrived.ts)
  const arrivedAfter = `${String(Number(q.today.slice(0, 4)) - 2).padStart(4, '0')}${q.today.slice(4)}`;
  let query = db
    .selectFrom('enrolment as e')
    .innerJoin('class as c', 'c.id', 'e.class_id')
    .innerJoin('school', 'school.id', 'c.school_id')
    .innerJoin('student as s', 's.id', 'e.student_id')
    .leftJoin('risk_result as r', (join) =>
      join.onRef('r.student_id', '=', 's.id').on('r.school_year_id', '=', q.schoolYearId),
    )
    .leftJoin('risk_review as v', (join) =>
      join.on('v.id', '=', (eb) =>
        eb
          .selectFrom('risk_review as w')
          .select('w.id')
          .whereRef('w.student_id', '=', 's.id')
          .where('w.school_year_id', '=', q.schoolYearId)
          .orderBy('w.created_at', 'desc')
          .orderBy('w.id', 'desc')
          .limit(1),
      ),
    )
    .select([
      's.id as student_id',
      's.last_name',
      's.first_name',
      's.arrival_date',
      'c.id as class_id',
      'c.name as class_name',
      'school.id as school_id',
      'school.code as school_code',
      'school.name as school_name',
      'r.tier',
      'v.action',
      'v.tier as review_tier',
    ])
    .where('e.left_on', 'is', null)
    .where('c.school_year_id', '=', q.schoolYearId)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('flag as f')
            .select('f.id')
            .whereRef('f.student_id', '=', 's.id')
            .where('f.resolved_at', 'is', null),
        ),
      ),
    )
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('support_case as sc')
            .select('sc.id')
            .whereRef('sc.student_id', '=', 's.id')
            .where('sc.status', '!=', 'closed'),
        ),
      ),
    );
  if (q.schoolIds !== null) query = query.where('c.school_id', 'in', q.schoolIds);
  query = query.where((eb) => {
    const tier3 = eb.or([eb('r.tier', '=', 3), eb('v.tier', '=', 3)]);
    const arrived = eb.and([eb('s.arrival_date', '>', arrivedAfter), eb('s.arrival_date', '<=', q.today)]);
    return q.reason === 'tier3' ? tier3 : q.reason === 'newly_arrived' ? arrived : eb.or([tier3, arrived]);
  });
  const rows = await query
    .orderBy('school.name')
    .orderBy('c.name')
    .orderBy('s.last_name')
    .orderBy('s.first_name')
    .orderBy('s.id')
    .execute();

  const items: WorklistItem[] = [];
  for (const r of rows) {
    // a review that overrides the level decides it; a confirm or dismiss keeps the computed one
    const tier = r.action === 'override' && r.review_tier !== null ? r.review_tier : r.tier;
    const reasons: WorklistReason[] = [];
    if (tier === 3 && q.reason !== 'newly_arrived') reasons.push('tier3');
    if (isNewlyArrived(r.arrival_date, q.today) && q.reason !== 'tier3') reasons.push('newly_arrived');
    if (reasons.length === 0) continue; // computed 3 but overridden lower
    items.push({
      studentId: r.student_id,
      lastName: r.last_name,
      firstName: r.first_name,
      classId: r.class_id,
      className: r.class_name,
      school: { id: r.school_id, code: r.school_code, name: r.school_name },
      tier: tier === null ? null : tier,
      arrivalDate: r.arrival_date,
      reasons,
      closedCases: 0,
    });
    if (items.length > q.limit) break;
  }
  return items;
}
