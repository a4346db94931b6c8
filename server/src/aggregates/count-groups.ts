import { sql, type RawBuilder } from 'kysely';
import type { AggregateQuery, Dimension, Measure } from '@primm/shared/contracts/aggregates';
import type { Db } from '../db/open-database';
import { citizenshipGroupOf, naiSinceOf } from './student-facts';
import type { GroupCount } from './tabulate';

const ACTION_TYPES = ['family_meeting', 'cultural_mediation', 'tutoring', 'italian_l2', 'other', 'reorient_school', 'reorient_iefp', 'reorient_work', 'reorient_cpia', 'pua_referral'] as const;
const CASE_OUTCOMES = ['back_on_track', 'reoriented', 'left_education', 'moved_away', 'other'] as const;

/** Column of `fact` per dimension (see the query below). */
const DIMENSION_COLUMN: Record<Dimension, string> = {
  province: 'd_province', school: 'd_school', level: 'd_level', gradeLevel: 'd_grade_level',
  track: 'd_track', citizenshipGroup: 'd_citizenship_group', sex: 'd_sex',
};

/** The condition of each measure over one `fact` row: the SQL twin of `COUNTS` in tabulate.ts. */
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
 * numbers as `countFacts(loadStudentFacts(…))` without reading every student into memory
 * (docs/performance.md "API sotto carico"). Same rules as loadStudentFacts:
 * - the query's filters select stays first; of those, each student's latest (entry date, then
 *   enrolment id) decides class and school;
 * - a referent's school scope (`onlySchoolIds`) applies after that choice, as before;
 * - effective tier: the latest review (by id) when it is an override, else the computed tier;
 * - flags, cases and actions of the student whatever the year (as the case history reads).
 */
export async function countGroups(
  db: Db,
  year: { id: number; label: string },
  filters: AggregateQuery,
  measures: Measure[],
  onlySchoolIds: number[] | null,
): Promise<GroupCount[]> {
  const query = await buildCountQuery(db, year, filters, measures, onlySchoolIds);
  const rows = (await query.execute(db)).rows as Record<string, string | number | null>[];
  // Without grouping, an empty selection still answers one row of nulls: no cell, as in memory.
  return rows.filter((r) => Number(r.n) > 0).map((r) => ({
    key: filters.groupBy.map((d) => String(r[DIMENSION_COLUMN[d]])),
    values: Object.fromEntries(measures.map((m) => [m, Number(r[m])])),
  }));
}

/** The one statement (exported so a test can pin its SQL). */
export async function buildCountQuery(db: Db, year: { id: number; label: string }, filters: AggregateQuery, measures: Measure[], onlySchoolIds: number[] | null) {
  const italian = await italianSpellings(db, year.label);
  const isItalian = italian.length ? sql`st.citizenship in (${sql.join(italian)})` : sql`1 = 0`;
  const where: RawBuilder<unknown>[] = [sql`c.school_year_id = ${year.id}`];
  if (filters.province) where.push(sql`sc.province_code = ${filters.province}`);
  if (filters.school) where.push(sql`sc.code = ${filters.school}`);
  if (filters.level) where.push(sql`sc.level = ${filters.level}`);
  if (filters.gradeLevel) where.push(sql`c.grade_level = ${filters.gradeLevel}`);
  if (filters.track) where.push(sql`c.track = ${filters.track}`);
  if (filters.sex) where.push(sql`st.sex = ${filters.sex}`);
  const after: RawBuilder<unknown>[] = [sql`1 = 1`];
  if (onlySchoolIds !== null) after.push(sql`school_id in (${sql.join(onlySchoolIds.length ? onlySchoolIds : [-1])})`);
  if (filters.citizenshipGroup) after.push(sql`d_citizenship_group = ${filters.citizenshipGroup}`);
  const dims = filters.groupBy.map((d) => sql.ref(DIMENSION_COLUMN[d]));
  const flag = (cond: RawBuilder<unknown>) => sql`max(case when ${cond} then 1 else 0 end)`;

  return sql`
    with stay as (
      select e.student_id, sc.id as school_id,
        sc.province_code as d_province, sc.code as d_school, sc.level as d_level, c.grade_level as d_grade_level,
        coalesce(c.track, 'nessuno') as d_track, st.sex as d_sex,
        case when ${isItalian} then 'italiano'
          when st.born_in_italy = 1 then 'straniero_nato_in_italia'
          when st.arrival_date is not null and st.arrival_date >= ${naiSinceOf(year.label)} then 'neo_arrivato'
          else 'straniero_nato_all_estero' end as d_citizenship_group,
        case when e.left_on is not null then e.exit_reason end as exit_reason,
        row_number() over (partition by e.student_id order by e.entered_on desc, e.id desc) as rn
      from enrolment e
      join class c on c.id = e.class_id
      join school sc on sc.id = c.school_id
      join student st on st.id = e.student_id
      where ${sql.join(where, sql` and `)}
    ),
    last_review as (
      select v.student_id, v.action, v.tier from risk_review v
      where v.school_year_id = ${year.id}
        and not exists (select 1 from risk_review w where w.student_id = v.student_id and w.school_year_id = v.school_year_id and w.id > v.id)
    ),
    case_fact as (
      select student_id, ${flag(sql`status <> 'closed'`)} as open_case, ${flag(sql`outcome is not null`)} as closed_case,
        ${sql.join(CASE_OUTCOMES.map((o) => sql`${flag(sql`outcome = ${o}`)} as ${sql.ref(`o_${o}`)}`))}
      from support_case group by student_id
    ),
    action_fact as (
      select c.student_id,
        ${sql.join(ACTION_TYPES.map((t) => sql`${flag(sql`a.type = ${t}`)} as ${sql.ref(`a_${t}`)}`))},
        ${flag(sql`a.destination is not null`)} as reoriented, ${flag(sql`a.destination is not null and a.arrived = 1`)} as arrived
      from case_action a join support_case c on c.id = a.case_id group by c.student_id
    ),
    fact as (
      select s.*,
        case when r.tier is null then null when v.action = 'override' and v.tier is not null then v.tier else r.tier end as tier,
        r.attendance_rate, r.projected_absence, r.failing_subjects, r.age_grade_delay,
        case when exists (select 1 from flag f where f.student_id = s.student_id) then 1 else 0 end as flagged,
        cf.open_case, cf.closed_case, ${sql.join(CASE_OUTCOMES.map((o) => sql.ref(`cf.o_${o}`)))},
        ${sql.join(ACTION_TYPES.map((t) => sql.ref(`af.a_${t}`)))}, af.reoriented, af.arrived
      from stay s
      left join risk_result r on r.student_id = s.student_id and r.school_year_id = ${year.id}
      left join last_review v on v.student_id = s.student_id
      left join case_fact cf on cf.student_id = s.student_id
      left join action_fact af on af.student_id = s.student_id
      where s.rn = 1
    )
    select ${sql.join([...dims, sql`count(*) as n`, ...measures.map((m) => sql`sum(case when ${MEASURE_SQL[m]} then 1 else 0 end) as ${sql.ref(m)}`)])}
    from fact
    where ${sql.join(after, sql` and `)}
    ${dims.length ? sql`group by ${sql.join(dims)}` : sql``}
  `;
}

/**
 * The spellings of citizenship that citizenshipGroupOf reads as Italian, among those stored: the
 * rule stays in one place (JS trim and lower case, Unicode-aware) and SQL compares exactly.
 */
async function italianSpellings(db: Db, label: string): Promise<string[]> {
  const rows = await db.selectFrom('student').select('citizenship').distinct().execute();
  return rows.map((r) => r.citizenship).filter((c) => citizenshipGroupOf(c, true, null, naiSinceOf(label)) === 'italiano');
}
