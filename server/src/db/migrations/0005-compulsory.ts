import type { Kysely } from 'kysely';
import { idColumn } from '../dialect';

/**
 * The school's acts under art. 114 D.Lgs 297/1994 (as amended by DL 123/2023): the notice to the
 * family once the absence clock passes 15 days, and the report to the mayor when the student has
 * not returned within 7 days; and the October lists sent to each municipality.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const id = idColumn(db);
  await db.schema
    .createTable('compulsory_notice')
    .addColumn('id', id.type, id.build)
    .addColumn('student_id', 'integer', (c) => c.notNull().references('student.id').onDelete('cascade'))
    .addColumn('school_id', 'integer', (c) => c.notNull().references('school.id'))
    .addColumn('school_year_id', 'integer', (c) => c.notNull().references('school_year.id'))
    .addColumn('triggered_on', 'text', (c) => c.notNull()) // the day the count passed 15
    .addColumn('days_counted', 'text', (c) => c.notNull()) // JSON: the unjustified days, the facts of the notice
    .addColumn('notified_on', 'text', (c) => c.notNull())
    .addColumn('notified_by', 'integer', (c) => c.notNull().references('app_user.id'))
    .addColumn('note', 'text')
    .addColumn('reported_on', 'text')
    .addColumn('reported_by', 'integer', (c) => c.references('app_user.id'))
    .addColumn('closed_on', 'text') // the return to school that ended this cycle
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('compulsory_notice_uq', ['student_id', 'school_year_id', 'triggered_on'])
    .execute();
  await db.schema.createIndex('compulsory_notice_school_idx').on('compulsory_notice').columns(['school_id', 'school_year_id']).execute();

  await db.schema
    .createTable('october_list_export')
    .addColumn('id', id.type, id.build)
    .addColumn('school_id', 'integer', (c) => c.notNull().references('school.id'))
    .addColumn('school_year_id', 'integer', (c) => c.notNull().references('school_year.id'))
    .addColumn('municipality_istat', 'text') // null = every municipality at once
    .addColumn('students', 'integer', (c) => c.notNull())
    .addColumn('exported_at', 'text', (c) => c.notNull())
    .addColumn('exported_by', 'integer', (c) => c.notNull().references('app_user.id'))
    .execute();

  // A reorientation to work under 18 must be an apprenticeship; CPIA at 15 only as an exception.
  await db.schema.alterTable('case_action').addColumn('work_kind', 'text').execute();
  await db.schema.alterTable('case_action').addColumn('exceptional_reason', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('case_action').dropColumn('exceptional_reason').execute();
  await db.schema.alterTable('case_action').dropColumn('work_kind').execute();
  await db.schema.dropTable('october_list_export').execute();
  await db.schema.dropTable('compulsory_notice').execute();
}
