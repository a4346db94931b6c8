import type { Kysely } from 'kysely';

/**
 * Issue #21 item 3: a reorientation toward a school of the registry waits for that school's answer.
 * One row per such action: the receiving school, the answer (pending / enrolled / no_show) and who
 * gave it. The action's `arrived` is set in the same transaction as the answer, so the effect, the
 * outcomes and "Cosa funziona" keep reading that one column.
 *
 * Not in VERSIONED_TABLES (0009): an answer also updates `case_action.arrived`, which moves the
 * data version; a pending row changes no aggregate.
 *
 * Destinations outside the registry (CFP, CPIA, employers) keep the mediator's own "arrivato/a",
 * now with the day: `case_action.arrived_on`.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('reorientation_arrival')
    .addColumn('action_id', 'integer', (c) => c.primaryKey().references('case_action.id').onDelete('cascade'))
    .addColumn('school_id', 'integer', (c) => c.notNull().references('school.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('enrolled_on', 'text')
    .addColumn('auto_reason', 'text')
    .addColumn('answered_by', 'integer', (c) => c.references('app_user.id'))
    .addColumn('answered_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.alterTable('case_action').addColumn('arrived_on', 'text').execute();
  await db.schema
    .createIndex('reorientation_arrival_school')
    .on('reorientation_arrival')
    .columns(['school_id', 'status'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('case_action').dropColumn('arrived_on').execute();
  await db.schema.dropTable('reorientation_arrival').execute();
}
