import type { Kysely } from 'kysely';
import { idColumn } from '../dialect';

/**
 * When a recompute moves a student to another tier, a line here: what changed since last week is
 * what a teacher looks at first (issue "dashboard"); the results table keeps only the latest.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const id = idColumn(db);
  await db.schema
    .createTable('risk_tier_change')
    .addColumn('id', id.type, id.build)
    .addColumn('student_id', 'integer', (c) => c.notNull().references('student.id').onDelete('cascade'))
    .addColumn('school_year_id', 'integer', (c) => c.notNull().references('school_year.id'))
    .addColumn('class_id', 'integer', (c) => c.notNull().references('class.id').onDelete('cascade'))
    .addColumn('from_tier', 'integer', (c) => c.notNull())
    .addColumn('to_tier', 'integer', (c) => c.notNull())
    .addColumn('as_of', 'text', (c) => c.notNull()) // the data's day of the new result
    .addColumn('computed_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('risk_tier_change_class_idx').on('risk_tier_change').columns(['class_id', 'as_of']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('risk_tier_change').execute();
}
