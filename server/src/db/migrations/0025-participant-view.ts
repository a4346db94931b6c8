import type { Kysely } from 'kysely';
import { idColumn } from '../dialect';

/**
 * The participants' own view of a closed case (issue 22): one row per case and perspective (the
 * young person, the family, the receiving organisation of a reorientation). The free text stays
 * here, in the case; "Cosa funziona" reads only the score and the choice.
 *
 * Not in VERSIONED_TABLES (0009): a view is written only by closing its case, in the same
 * transaction as the case's update, which already moves the data version.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const id = idColumn(db);
  await db.schema
    .createTable('case_participant_view')
    .addColumn('id', id.type, id.build)
    .addColumn('case_id', 'integer', (c) => c.notNull().references('support_case.id').onDelete('cascade'))
    .addColumn('perspective', 'text', (c) => c.notNull())
    .addColumn('helped', 'integer', (c) => c.notNull())
    .addColumn('helped_most', 'text', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('recorded_by', 'integer', (c) => c.notNull().references('app_user.id'))
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('case_participant_view_case_perspective', ['case_id', 'perspective'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('case_participant_view').execute();
}
