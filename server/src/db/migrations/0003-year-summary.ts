import type { Kysely } from 'kysely';
import { idColumn } from '../dialect';

/**
 * Aggregates of a school year kept after its student-level data is purged (retention): counts per
 * school, year, measure and group, never a person.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const id = idColumn(db);
  await db.schema
    .createTable('year_summary')
    .addColumn('id', id.type, id.build)
    .addColumn('school_id', 'integer', (c) => c.notNull().references('school.id').onDelete('cascade'))
    .addColumn('school_year', 'text', (c) => c.notNull())
    .addColumn('measure', 'text', (c) => c.notNull()) // students, sex, citizenship_group, final_result
    .addColumn('group_key', 'text', (c) => c.notNull()) // '' for totals
    .addColumn('value', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('year_summary_uq', ['school_id', 'school_year', 'measure', 'group_key'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('year_summary').execute();
}
