import { sql, type RawBuilder } from 'kysely';
import type { AggregateQuery } from '@primm/shared/contracts/aggregates';
import type { Db } from '../db/open-database';
import { citizenshipGroupOf, naiSinceOf } from './citizenship-group';

const ACTION_TYPES = [
  'family_meeting',
  'cultural_mediation',
  'tutoring',
  'italian_l2',
  'other',
  'reorient_school',
  'reorient_iefp',
  'reorient_work',
  'reorient_cpia',
  'pua_referral',
] as const;
const CASE_OUTCOMES = ['back_on_track', 'reoriented', 'left_education', 'moved_away', 'other'] as const;

/**
 * The common table expressions that end in `fact`: one row per student of the year, the SQL twin
 * of `loadStudentFacts` (testing/in-memory-counts.ts; count-groups.ts and fairness-counts.ts read it after `with`). Columns:
 * `student_id`, `school_id`, the dimensions `d_*`, `exit_reason`, `tier`, the four indicators,
 * `flagged`, `open_case`, `closed_case`, `o_<case outcome>`, `a_<action type>`, `reoriented`,
 * `arrived`. Same rules as loadStudentFacts:
 * - the filters select stays first; of those, each student's latest (entry date, then enrolment
 *   id) decides class and school; the citizenship group is a column, filtered by the caller;
 * - effective tier: the latest review (by id) when it is an override, else the computed tier;
 * - flags, cases and actions of the student whatever the year (as the case history reads).
 */
export async function studentFactCtes(
  db: Db,
  year: { id: number; label: string },
  filters: Omit<AggregateQuery, 'groupBy' | 'measures'> & {
    /** A snapshot's period end: only the stays begun by then (a student enrolled later did not exist yet). */
    enteredBy?: string;
  },
): Promise<RawBuilder<unknown>> {
  const italian = await italianSpellings(db, year.label);
  const isItalian = italian.length ? sql`st.citizenship in (${sql.join(italian)})` : sql`1 = 0`;
  const where: RawBuilder<unknown>[] = [sql`c.school_year_id = ${year.id}`];
  if (filters.province) where.push(sql`sc.province_code = ${filters.province}`);
  if (filters.school) where.push(sql`sc.code = ${filters.school}`);
  if (filters.level) where.push(sql`sc.level = ${filters.level}`);
  if (filters.gradeLevel) where.push(sql`c.grade_level = ${filters.gradeLevel}`);
  if (filters.track) where.push(sql`c.track = ${filters.track}`);
  if (filters.sex) where.push(sql`st.sex = ${filters.sex}`);
  if (filters.enteredBy) where.push(sql`e.entered_on <= ${filters.enteredBy}`);
  const flag = (cond: RawBuilder<unknown>) => sql`max(case when ${cond} then 1 else 0 end)`;

  return sql`stay as (
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
    )`;
}

/**
 * The spellings of citizenship that citizenshipGroupOf reads as Italian, among those stored: the
 * rule stays in one place (JS trim and lower case, Unicode-aware) and SQL compares exactly.
 */
async function italianSpellings(db: Db, label: string): Promise<string[]> {
  const rows = await db.selectFrom('student').select('citizenship').distinct().execute();
  return rows
    .map((r) => r.citizenship)
    .filter((c) => citizenshipGroupOf(c, true, null, naiSinceOf(label)) === 'italiano');
}
