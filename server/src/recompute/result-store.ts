import type { Insertable } from 'kysely';
import { insertRows, statementSlices } from '../db/bulk-insert';
import { bumpDataVersion } from '../db/data-version-once';
import { isPostgres } from '../db/dialect';
import type { RiskResultTable, RiskTierChangeTable } from '../db/database';
import type { Db } from '../db/open-database';

/**
 * What the recompute reads and writes of `risk_result`, `risk_tier_change` and
 * `risk_school_state` (the lists and the detail read the results through risk/repository.ts).
 */

/** The columns of `risk_result` the recompute writes. */
const RESULT_COLUMNS = [
  'student_id',
  'class_id',
  'school_id',
  'school_year_id',
  'as_of',
  'settings_version',
  'tier',
  'score',
  'indicators',
  'input_hash',
  'computed_at',
  'attendance_rate',
  'projected_absence',
  'failing_subjects',
  'age_grade_delay',
] as const satisfies readonly (keyof Insertable<RiskResultTable>)[];
export type RiskResultRow = { [K in (typeof RESULT_COLUMNS)[number]]: Insertable<RiskResultTable>[K] };

const UPSERT_TAIL = `on conflict (student_id, school_year_id) do update set ${RESULT_COLUMNS.filter(
  (c) => c !== 'student_id' && c !== 'school_year_id',
)
  .map((c) => `${c} = excluded.${c}`)
  .join(', ')}`;

/** Inserts or replaces (by student and year) the results. */
export async function upsertRiskResults(db: Db, rows: RiskResultRow[]): Promise<void> {
  await insertRows(db, 'risk_result', RESULT_COLUMNS, rows, UPSERT_TAIL);
  await countResultsChanged(db, rows.length);
}

const TIER_CHANGE_COLUMNS = [
  'student_id',
  'school_year_id',
  'class_id',
  'from_tier',
  'to_tier',
  'as_of',
  'computed_at',
] as const satisfies readonly (keyof Insertable<RiskTierChangeTable>)[];
export type TierChangeRow = { [K in (typeof TIER_CHANGE_COLUMNS)[number]]: Insertable<RiskTierChangeTable>[K] };

export async function insertTierChanges(db: Db, rows: TierChangeRow[]): Promise<void> {
  await insertRows(db, 'risk_tier_change', TIER_CHANGE_COLUMNS, rows);
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
        ...(classIds.length > 0
          ? [eb('student_id', 'in', eb.selectFrom('enrolment').select('student_id').where('class_id', 'in', classIds))]
          : []),
      ]),
    )
    .execute();
}

export async function deleteRiskResults(db: Db, ids: number[]): Promise<void> {
  for (const slice of statementSlices(db, ids)) await db.deleteFrom('risk_result').where('id', 'in', slice).execute();
  await countResultsChanged(db, ids.length);
}

/**
 * SQLite: risk_result has no data_version triggers (migration 0035): this file, its one writer,
 * moves the counter once per write, so the regional aggregates see new results. PostgreSQL's
 * trigger does it.
 */
async function countResultsChanged(db: Db, rows: number): Promise<void> {
  if (rows > 0 && !isPostgres(db)) await bumpDataVersion(db);
}

/** Per school of the year (or of the one school): the stamp its results were computed with, and how many it had then and has now. */
export async function findSchoolStates(
  db: Db,
  schoolYearId: number,
  onlySchoolId?: number,
): Promise<Map<number, { stamp: string; results: number; stored: number }>> {
  let states = db
    .selectFrom('risk_school_state')
    .select(['school_id', 'stamp', 'results'])
    .where('school_year_id', '=', schoolYearId);
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
  return new Map(
    rows.map((s) => [s.school_id, { stamp: s.stamp, results: s.results, stored: storedOf.get(s.school_id) ?? 0 }]),
  );
}

export async function saveSchoolState(
  db: Db,
  row: { schoolId: number; schoolYearId: number; stamp: string; results: number; computedAt: string },
): Promise<void> {
  await db
    .insertInto('risk_school_state')
    .values({
      school_id: row.schoolId,
      school_year_id: row.schoolYearId,
      stamp: row.stamp,
      results: row.results,
      computed_at: row.computedAt,
    })
    .onConflict((oc) =>
      oc
        .columns(['school_id', 'school_year_id'])
        .doUpdateSet({ stamp: row.stamp, results: row.results, computed_at: row.computedAt }),
    )
    .execute();
}
