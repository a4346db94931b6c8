import { sql, type Kysely } from 'kysely';
import { idColumn } from '../dialect';

/**
 * The municipality's inbox (issue 21): what the school sends a municipality under art. 114
 * D.Lgs 297/1994 — the report to the mayor, the October list — delivered to the office of the
 * municipality of residence, which acknowledges receipt (date, protocol number) and records the
 * measures it took.
 *
 * An item keeps the document as it was sent (`payload`, JSON), like the printed letter: what the
 * school recorded later does not change what the municipality received. A report belongs to one
 * student (`student_id`, removed with the student by the retention purge); a list names several,
 * kept in `municipality_inbox_student` so that every read is audited by student.
 */
const sqlKind = sql`kind in ('mayor_report', 'october_list')`;

export async function up(db: Kysely<any>): Promise<void> {
  const id = idColumn(db);
  await db.schema
    .createTable('municipality_inbox_item')
    .addColumn('id', id.type, id.build)
    .addColumn('kind', 'text', (c) => c.notNull().check(sqlKind))
    .addColumn('municipality_istat', 'text', (c) => c.notNull().references('municipality.istat_code'))
    .addColumn('school_id', 'integer', (c) => c.notNull().references('school.id'))
    .addColumn('school_year_id', 'integer', (c) => c.notNull().references('school_year.id'))
    .addColumn('student_id', 'integer', (c) => c.references('student.id').onDelete('cascade'))
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('delivered_at', 'text', (c) => c.notNull())
    .addColumn('delivered_by', 'integer', (c) => c.notNull().references('app_user.id'))
    .addColumn('received_on', 'text')
    .addColumn('protocol_number', 'text')
    .addColumn('acknowledged_at', 'text')
    .addColumn('acknowledged_by', 'integer', (c) => c.references('app_user.id'))
    .execute();
  await db.schema
    .createIndex('municipality_inbox_item_istat_idx')
    .on('municipality_inbox_item')
    .columns(['municipality_istat', 'delivered_at'])
    .execute();
  await db.schema
    .createIndex('municipality_inbox_item_school_idx')
    .on('municipality_inbox_item')
    .columns(['school_id', 'school_year_id'])
    .execute();

  await db.schema
    .createTable('municipality_inbox_student')
    .addColumn('item_id', 'integer', (c) => c.notNull().references('municipality_inbox_item.id').onDelete('cascade'))
    .addColumn('student_id', 'integer', (c) => c.notNull().references('student.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('municipality_inbox_student_pk', ['item_id', 'student_id'])
    .execute();
  await db.schema
    .createIndex('municipality_inbox_student_idx')
    .on('municipality_inbox_student')
    .column('student_id')
    .execute();

  await db.schema
    .createTable('municipality_inbox_measure')
    .addColumn('id', id.type, id.build)
    .addColumn('item_id', 'integer', (c) => c.notNull().references('municipality_inbox_item.id').onDelete('cascade'))
    .addColumn('taken_on', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'integer', (c) => c.notNull().references('app_user.id'))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('municipality_inbox_measure').execute();
  await db.schema.dropTable('municipality_inbox_student').execute();
  await db.schema.dropTable('municipality_inbox_item').execute();
}
