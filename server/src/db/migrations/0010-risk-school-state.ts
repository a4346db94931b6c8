import type { Kysely } from 'kysely';

/**
 * Per school and year, what its stored results were computed from (`stamp`: engine and settings
 * versions, the latest import batch, …) and how many there were: a regional recompute skips a
 * school whose stamp and count are unchanged without reading its data (docs/performance.md,
 * "Ricalcolo del rischio").
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('risk_school_state')
    .addColumn('school_id', 'integer', (c) => c.notNull().references('school.id').onDelete('cascade'))
    .addColumn('school_year_id', 'integer', (c) => c.notNull().references('school_year.id'))
    .addColumn('stamp', 'text', (c) => c.notNull())
    .addColumn('results', 'integer', (c) => c.notNull())
    .addColumn('computed_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('risk_school_state_pk', ['school_id', 'school_year_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('risk_school_state').execute();
}
