import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../db/open-database';
import { studentKeySql, type CellKeySecret } from './cell-key';
import { BAD_OUTCOMES, type Count, type FairnessCell } from './fairness';
import { studentFactCtes } from './student-fact-sql';

// Only a scrutinio's verdict (promoted or not) says how the year really went.
const VERDICTS = ['ammesso', 'non_ammesso', 'sospensione_giudizio'] as const;

/**
 * The students of the year (one `fact` row each: latest stay, effective tier, flag) counted by
 * citizenship group and sex, with their final outcome of the year (`outcome`, period `finale`)
 * only when some student of the year has a verdict: otherwise no outcome counts as known.
 * `enteredBy`: a snapshot's period end, only the students enrolled by then (aggregate-snapshots.ts).
 */
export async function countFairness(
  db: Db,
  year: { id: number; label: string },
  secret?: CellKeySecret,
  enteredBy?: string,
): Promise<{ outcomesAvailable: boolean; cells: FairnessCell[] }> {
  const verdict = await db
    .selectFrom('outcome')
    .innerJoin('student', 'student.id', 'outcome.student_id')
    .select('outcome.id')
    .where('school_year', '=', year.label)
    .where('period', '=', 'finale')
    .where('result', 'in', VERDICTS)
    .limit(1)
    .executeTakeFirst();
  const outcomesAvailable = verdict !== undefined;
  const { rows } = await (await buildFairnessQuery(db, year, outcomesAvailable, secret, enteredBy)).execute(db);
  const keysOf = (r: Record<string, string | number>) =>
    Object.fromEntries(COLUMNS.map(([count, column]) => [count, Number(r[`k_${column}`])])) as Record<Count, number>;
  return {
    outcomesAvailable,
    cells: rows.map((r) => ({
      citizenshipGroup: String(r.d_citizenship_group),
      sex: String(r.d_sex),
      students: Number(r.students),
      flagged: Number(r.flagged),
      assessed: Number(r.assessed),
      assessedTier2plus: Number(r.assessed_tier2plus),
      good: Number(r.good),
      goodTier2plus: Number(r.good_tier2plus),
      bad: Number(r.bad),
      badTier1: Number(r.bad_tier1),
      ...(secret ? { keys: keysOf(r) } : {}),
    })),
  };
}

const COLUMNS: [Count, string][] = [
  ['students', 'students'],
  ['flagged', 'flagged'],
  ['assessed', 'assessed'],
  ['assessedTier2plus', 'assessed_tier2plus'],
  ['good', 'good'],
  ['goodTier2plus', 'good_tier2plus'],
  ['bad', 'bad'],
  ['badTier1', 'bad_tier1'],
];

/**
 * The one statement (exported so a test can pin its SQL); with a secret, also the sums of the
 * counted students' cell keys (cell-key.ts), for the noise of each count.
 */
export async function buildFairnessQuery(
  db: Db,
  year: { id: number; label: string },
  outcomesAvailable: boolean,
  secret?: CellKeySecret,
  enteredBy?: string,
) {
  const facts = await studentFactCtes(db, year, enteredBy ? { enteredBy } : {});
  const assessed = sql`tier is not null`;
  const good = sql`${assessed} and o.result is not null and o.result not in (${sql.join(BAD_OUTCOMES)})`;
  const bad = sql`${assessed} and o.result in (${sql.join(BAD_OUTCOMES)})`;
  const conditions: Record<string, RawBuilder<unknown>> = {
    students: sql`1 = 1`,
    flagged: sql`flagged = 1`,
    assessed,
    assessed_tier2plus: sql`tier >= 2`,
    good,
    good_tier2plus: sql`${good} and tier >= 2`,
    bad,
    bad_tier1: sql`${bad} and tier = 1`,
  };
  const count = (cond: RawBuilder<unknown>) => sql`sum(case when ${cond} then 1 else 0 end)`;
  const keySum = (cond: RawBuilder<unknown>) =>
    sql`sum(case when ${cond} then ${studentKeySql(secret!, sql.ref('fact.student_id'))} else 0 end)`;

  return sql<Record<string, string | number>>`
    with ${facts}
    select d_citizenship_group, d_sex, ${sql.join(COLUMNS.map(([, column]) => sql`${count(conditions[column]!)} as ${sql.ref(column)}`))}
      ${secret ? sql`, ${sql.join(COLUMNS.map(([, column]) => sql`${keySum(conditions[column]!)} as ${sql.ref(`k_${column}`)}`))}` : sql``}
    from fact
    left join outcome o on o.student_id = fact.student_id and o.school_year = ${year.label} and o.period = 'finale' and ${outcomesAvailable ? sql`1 = 1` : sql`1 = 0`}
    group by d_citizenship_group, d_sex
  `;
}
