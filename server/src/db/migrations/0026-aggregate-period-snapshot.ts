import type { Kysely } from 'kysely';
import { idColumn } from '../dialect';

/**
 * Frozen aggregate snapshots (issue 22.3): at each period end of the region (the last day of a
 * term of its schools, or of the lessons), the raw counts of the regional charts' tables, so that
 * a chart can be compared with the same date of the previous year once that year's data have
 * moved on. One row per year, period end and request; written once, never updated (a later
 * import does not change what was counted then).
 *
 * `counts` holds raw counts with the sums of the students' cell keys (aggregates/cell-key.ts), so
 * that a snapshot is published under the same suppression and noise as a live table: it never
 * leaves the server as it is. No student, name or id is in it. Not under the data-version
 * triggers (0009): freezing changes no live answer.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const id = idColumn(db);
  await db.schema
    .createTable('aggregate_snapshot')
    .addColumn('id', id.type, id.build)
    .addColumn('school_year_id', 'integer', (c) => c.notNull().references('school_year.id'))
    .addColumn('period_end', 'text', (c) => c.notNull())
    .addColumn('request_key', 'text', (c) => c.notNull())
    .addColumn('counts', 'text', (c) => c.notNull())
    .addColumn('frozen_on', 'text', (c) => c.notNull())
    .addColumn('data_through', 'text')
    .addUniqueConstraint('aggregate_snapshot_once', ['school_year_id', 'period_end', 'request_key'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('aggregate_snapshot').execute();
}
