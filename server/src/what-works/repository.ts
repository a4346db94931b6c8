import type { CaseActionType, CaseOutcome } from '@primm/shared/contracts/cases';
import type { HelpedMost, ParticipantPerspective } from '@primm/shared/contracts/participant-views';
import { REORIENTATION_TYPES } from '@primm/shared/contracts/cases';
import type { Db } from '../db/open-database';

/** One case of the year with what "Cosa funziona" reads of it: no name, no free text. */
export interface EvaluatedCase {
  caseId: number;
  studentId: number;
  schoolId: number;
  schoolCode: string;
  schoolName: string;
  province: string;
  citizenship: string;
  bornInItaly: boolean;
  arrivalDate: string | null;
  outcome: CaseOutcome | null;
  closed: boolean;
  /** Day of the flag the case was opened from. */
  flaggedOn: string | null;
  /** First date of each action type in the case. */
  firstByType: Map<CaseActionType, string>;
  firstAction: string | null;
  /** A reorientation of the case reached its destination. */
  arrived: boolean;
  views: { perspective: ParticipantPerspective; helped: number; helpedMost: HelpedMost }[];
}

/**
 * The cases with an action in the school year's dates, in the given schools (null: all), with
 * their actions and participant views, read in three set-based queries.
 */
export async function listEvaluatedCases(
  db: Db,
  year: { startsOn: string; endsOn: string },
  only: number[] | null,
): Promise<EvaluatedCase[]> {
  if (only !== null && only.length === 0) return [];
  let q = db
    .selectFrom('support_case as c')
    .innerJoin('school as s', 's.id', 'c.school_id')
    .innerJoin('student as st', 'st.id', 'c.student_id')
    .leftJoin('flag as f', 'f.id', 'c.flag_id')
    .select([
      'c.id',
      'c.student_id',
      'c.school_id',
      's.code',
      's.name',
      's.province_code',
      'st.citizenship',
      'st.born_in_italy',
      'st.arrival_date',
      'c.outcome',
      'c.status',
      'f.created_at as flagged_at',
    ])
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('case_action as a')
          .select('a.id')
          .whereRef('a.case_id', '=', 'c.id')
          .where('a.date', '>=', year.startsOn)
          .where('a.date', '<=', year.endsOn),
      ),
    );
  if (only !== null) q = q.where('c.school_id', 'in', only);
  const rows = await q.orderBy('c.id').execute();
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [actions, views] = await Promise.all([
    db
      .selectFrom('case_action')
      .select(['case_id', 'type', 'date', 'arrived'])
      .where('case_id', 'in', ids)
      .orderBy('date')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('case_participant_view')
      .select(['case_id', 'perspective', 'helped', 'helped_most'])
      .where('case_id', 'in', ids)
      .execute(),
  ]);
  const byId = new Map<number, EvaluatedCase>(
    rows.map((r) => [
      r.id,
      {
        caseId: r.id,
        studentId: r.student_id,
        schoolId: r.school_id,
        schoolCode: r.code,
        schoolName: r.name,
        province: r.province_code,
        citizenship: r.citizenship,
        bornInItaly: r.born_in_italy === 1,
        arrivalDate: r.arrival_date,
        outcome: r.outcome,
        closed: r.status === 'closed',
        flaggedOn: r.flagged_at ? r.flagged_at.slice(0, 10) : null,
        firstByType: new Map(),
        firstAction: null,
        arrived: false,
        views: [],
      },
    ]),
  );
  for (const a of actions) {
    const c = byId.get(a.case_id)!;
    if (!c.firstByType.has(a.type)) c.firstByType.set(a.type, a.date);
    if (c.firstAction === null || a.date < c.firstAction) c.firstAction = a.date;
    if (REORIENTATION_TYPES.includes(a.type) && a.arrived === 1) c.arrived = true;
  }
  for (const v of views)
    byId.get(v.case_id)!.views.push({ perspective: v.perspective, helped: v.helped, helpedMost: v.helped_most });
  return [...byId.values()];
}

/**
 * Each student's level on a date, from the stored level and the recorded changes of the year
 * (risk_tier_change): the last change on or before the date, else the level before the first
 * change after it, else the stored level. Null for a student with no level.
 */
export async function loadLevelHistory(
  db: Db,
  schoolYearId: number,
  studentIds: number[],
): Promise<(studentId: number, date: string) => number | null> {
  if (studentIds.length === 0) return () => null;
  const [results, changes] = await Promise.all([
    db
      .selectFrom('risk_result')
      .select(['student_id', 'tier'])
      .where('school_year_id', '=', schoolYearId)
      .where('student_id', 'in', studentIds)
      .execute(),
    db
      .selectFrom('risk_tier_change')
      .select(['student_id', 'from_tier', 'to_tier', 'as_of'])
      .where('school_year_id', '=', schoolYearId)
      .where('student_id', 'in', studentIds)
      .orderBy('as_of')
      .execute(),
  ]);
  const stored = new Map(results.map((r) => [r.student_id, r.tier]));
  const history = new Map<number, typeof changes>();
  for (const c of changes) {
    const list = history.get(c.student_id) ?? [];
    list.push(c);
    history.set(c.student_id, list);
  }
  return (studentId, date) => {
    const list = history.get(studentId);
    if (!list) return stored.get(studentId) ?? null;
    const before = list.filter((c) => c.as_of <= date);
    if (before.length > 0) return before[before.length - 1]!.to_tier;
    return list[0]!.from_tier;
  };
}
