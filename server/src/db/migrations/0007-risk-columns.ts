import type { Kysely } from 'kysely';

/**
 * The four indicator values the aggregates count by, as columns: reading them out of each
 * result's JSON (≈ 3 KB a student) made a regional aggregate take seconds (docs/performance.md).
 * Existing results are filled here from their JSON, so aggregates are right before any recompute.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('risk_result').addColumn('attendance_rate', 'double precision').execute();
  await db.schema.alterTable('risk_result').addColumn('projected_absence', 'double precision').execute();
  await db.schema.alterTable('risk_result').addColumn('failing_subjects', 'integer').execute();
  await db.schema.alterTable('risk_result').addColumn('age_grade_delay', 'integer').execute();

  for (let after = 0; ; ) {
    const rows: { id: number; indicators: string }[] = await db
      .selectFrom('risk_result').select(['id', 'indicators']).where('id', '>', after).orderBy('id').limit(1000).execute();
    if (rows.length === 0) break;
    for (const row of rows) {
      const indicators = JSON.parse(row.indicators) as { key: string; value: number | null }[];
      const value = (key: string) => indicators.find((i) => i.key === key)?.value ?? null;
      await db.updateTable('risk_result').set({
        attendance_rate: value('attendance_rate'),
        projected_absence: value('absence_projection'),
        failing_subjects: value('failing_subjects'),
        age_grade_delay: value('age_grade_delay'),
      }).where('id', '=', row.id).execute();
    }
    after = rows[rows.length - 1]!.id;
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const column of ['age_grade_delay', 'failing_subjects', 'projected_absence', 'attendance_rate']) {
    await db.schema.alterTable('risk_result').dropColumn(column).execute();
  }
}
