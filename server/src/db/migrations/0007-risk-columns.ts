import type { Kysely } from 'kysely';

/**
 * The four indicator values the aggregates count by, as columns: reading them out of each
 * result's JSON (≈ 3 KB a student) made a regional aggregate take seconds (docs/performance.md).
 * Filled by the recompute; the engine version bump rewrites every existing result once.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('risk_result').addColumn('attendance_rate', 'double precision').execute();
  await db.schema.alterTable('risk_result').addColumn('projected_absence', 'double precision').execute();
  await db.schema.alterTable('risk_result').addColumn('failing_subjects', 'integer').execute();
  await db.schema.alterTable('risk_result').addColumn('age_grade_delay', 'integer').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const column of ['age_grade_delay', 'failing_subjects', 'projected_absence', 'attendance_rate']) {
    await db.schema.alterTable('risk_result').dropColumn(column).execute();
  }
}
