import { sql, type Kysely } from 'kysely';
import { idColumn } from '../dialect';

/**
 * Referrals from a case to the PUA serving the student's municipality of residence (issue 21,
 * item 1), and the PUA's updates on them. The municipality is the one at sending: a family that
 * moves later does not move the referral to another PUA's inbox. Reasons and the services the
 * consent covers are JSON arrays of `ReferralReason` (a handful of values, read whole).
 *
 * The referral also writes a `pua_referral` case action (`case_action_id`), so the case's effect
 * and "Cosa funziona" count it as they count every other action; both go with the case.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const id = idColumn(db);
  await db.schema
    .createTable('pua_referral')
    .addColumn('id', id.type, id.build)
    .addColumn('case_id', 'integer', (c) => c.notNull().references('support_case.id').onDelete('cascade'))
    .addColumn('student_id', 'integer', (c) => c.notNull().references('student.id').onDelete('cascade'))
    .addColumn('case_action_id', 'integer', (c) => c.references('case_action.id').onDelete('set null'))
    .addColumn('municipality_istat', 'text', (c) => c.notNull().references('municipality.istat_code'))
    .addColumn('reasons', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('family_contact', 'text', (c) => c.notNull())
    .addColumn('consent_given_by', 'text', (c) => c.notNull())
    .addColumn('consent_given_on', 'text', (c) => c.notNull())
    .addColumn('consent_services', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('sent', 'accepted', 'declined', 'closed')`))
    .addColumn('decline_reason', 'text')
    .addColumn('first_answer_at', 'text')
    .addColumn('answered_by', 'integer', (c) => c.references('app_user.id'))
    .addColumn('sent_by', 'integer', (c) => c.notNull().references('app_user.id'))
    .addColumn('sent_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('pua_referral_municipality_idx').on('pua_referral').column('municipality_istat').execute();
  await db.schema.createIndex('pua_referral_case_idx').on('pua_referral').column('case_id').execute();
  await db.schema.createIndex('pua_referral_student_idx').on('pua_referral').column('student_id').execute();
  await db.schema
    .createTable('pua_referral_update')
    .addColumn('id', id.type, id.build)
    .addColumn('referral_id', 'integer', (c) => c.notNull().references('pua_referral.id').onDelete('cascade'))
    .addColumn('services', 'text')
    .addColumn('responsible', 'text')
    .addColumn('note', 'text')
    .addColumn('closed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'integer', (c) => c.notNull().references('app_user.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('pua_referral_update_referral_idx').on('pua_referral_update').column('referral_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('pua_referral_update').execute();
  await db.schema.dropTable('pua_referral').execute();
}
