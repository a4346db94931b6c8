import { sql, type RawBuilder } from 'kysely';
import type { AggregateQuery, Dimension, Measure } from '@primm/shared/contracts/aggregates';
import type { Db } from '../db/open-database';
import { studentKeySql, type CellKeySecret } from './cell-key';
import { studentFactCtes } from './student-fact-sql';
import type { GroupCount } from './publish-counts';

/** Column of `fact` per dimension (see the query below). */
const DIMENSION_COLUMN: Record<Dimension, string> = {
  province: 'd_province',
  school: 'd_school',
  level: 'd_level',
  gradeLevel: 'd_grade_level',
  track: 'd_track',
  citizenshipGroup: 'd_citizenship_group',
  sex: 'd_sex',
};

/** The condition of each measure over one `fact` row: the SQL twin of `COUNTS` in testing/in-memory-counts.ts. */
const MEASURE_SQL: Record<Measure, RawBuilder<unknown>> = {
  students: sql`1 = 1`,
  tier1: sql`tier = 1`,
  tier2: sql`tier = 2`,
  tier3: sql`tier = 3`,
  attended95: sql`attendance_rate >= 0.95`,
  attended90to95: sql`attendance_rate >= 0.9 and attendance_rate < 0.95`,
  attended80to90: sql`attendance_rate >= 0.8 and attendance_rate < 0.9`,
  attendedBelow80: sql`attendance_rate < 0.8`,
  overLimit: sql`projected_absence > 0.25`, // DPR 122/2009 art. 14: ¾ of the hours
  failing2plus: sql`failing_subjects >= 2`,
  ageGradeDelay: sql`age_grade_delay >= 1`,
  flagged: sql`flagged = 1`,
  withdrawn: sql`exit_reason = 'ritirato'`,
  // A move to another school or to IeFP is a transfer, never a dropout.
  transferred: sql`exit_reason in ('trasferito', 'passaggio_iefp')`,
  droppedOut: sql`exit_reason = 'abbandono'`,
  openCases: sql`open_case = 1`,
  closedCases: sql`closed_case = 1`,
  action_family_meeting: sql`a_family_meeting = 1`,
  action_cultural_mediation: sql`a_cultural_mediation = 1`,
  action_tutoring: sql`a_tutoring = 1`,
  action_italian_l2: sql`a_italian_l2 = 1`,
  action_other: sql`a_other = 1`,
  reorient_school: sql`a_reorient_school = 1`,
  reorient_iefp: sql`a_reorient_iefp = 1`,
  reorient_work: sql`a_reorient_work = 1`,
  reorient_cpia: sql`a_reorient_cpia = 1`,
  pua_referral: sql`a_pua_referral = 1`,
  reoriented_arrived: sql`reoriented = 1 and arrived = 1`,
  reoriented_not_arrived: sql`reoriented = 1 and arrived = 0`,
  outcome_back_on_track: sql`o_back_on_track = 1`,
  outcome_reoriented: sql`o_reoriented = 1`,
  outcome_left_education: sql`o_left_education = 1`,
  outcome_moved_away: sql`o_moved_away = 1`,
  outcome_other: sql`o_other = 1`,
};

/**
 * The cells of an aggregate table counted in the database, one row per non-empty group: the same
 * numbers as `countFacts(loadStudentFacts(…))` (testing/in-memory-counts.ts) without reading every student into memory
 * (docs/performance-history.md "API sotto carico"). One row of `fact` per student (student-fact-sql.ts:
 * latest stay among those the filters select, effective tier, flags, cases, actions); a
 * referent's school scope (`onlySchoolIds`) applies after the choice of that stay, as before.
 */
export async function countGroups(
  db: Db,
  year: { id: number; label: string },
  filters: AggregateQuery & { enteredBy?: string },
  measures: Measure[],
  onlySchoolIds: number[] | null,
  secret: CellKeySecret,
): Promise<GroupCount[]> {
  const query = await buildCountQuery(db, year, filters, measures, onlySchoolIds, secret);
  const rows = (await query.execute(db)).rows as Record<string, string | number | null>[];
  // Without grouping, an empty selection still answers one row of nulls: no cell, as in memory.
  return rows
    .filter((r) => Number(r.n) > 0)
    .map((r) => ({
      key: filters.groupBy.map((d) => String(r[DIMENSION_COLUMN[d]])),
      values: Object.fromEntries(measures.map((m) => [m, Number(r[m])])),
      keys: Object.fromEntries(measures.map((m) => [m, Number(r[`k_${m}`])])),
    }));
}

/**
 * The one statement (exported so a test can pin its SQL): per cell and measure, the count and
 * the sum of the counted students' cell keys (cell-key.ts), from which the noise of the count
 * is drawn (shared/src/aggregates/perturb.ts).
 */
export async function buildCountQuery(
  db: Db,
  year: { id: number; label: string },
  filters: AggregateQuery & { enteredBy?: string },
  measures: Measure[],
  onlySchoolIds: number[] | null,
  secret: CellKeySecret,
) {
  const facts = await studentFactCtes(db, year, filters);
  const after: RawBuilder<unknown>[] = [sql`1 = 1`];
  if (onlySchoolIds !== null) after.push(sql`school_id in (${sql.join(onlySchoolIds.length ? onlySchoolIds : [-1])})`);
  if (filters.citizenshipGroup) after.push(sql`d_citizenship_group = ${filters.citizenshipGroup}`);
  const dims = filters.groupBy.map((d) => sql.ref(DIMENSION_COLUMN[d]));

  return sql`
    with ${facts},
    keyed as (select fact.*, ${studentKeySql(secret, sql.ref('fact.student_id'))} as cell_key from fact)
    select ${sql.join([
      ...dims,
      sql`count(*) as n`,
      ...measures.map((m) => sql`sum(case when ${MEASURE_SQL[m]} then 1 else 0 end) as ${sql.ref(m)}`),
      ...measures.map((m) => sql`sum(case when ${MEASURE_SQL[m]} then cell_key else 0 end) as ${sql.ref(`k_${m}`)}`),
    ])}
    from keyed
    where ${sql.join(after, sql` and `)}
    ${dims.length ? sql`group by ${sql.join(dims)}` : sql``}
  `;
}
