import type { Kysely } from 'kysely';

/**
 * When the account's one-time password was issued: it expires 72 hours later (issue 17, finding
 * 11), so a password handed out and never used does not open the account forever. Null once the
 * user has chosen their own password. Accounts still waiting for their first change get the
 * upgrade's time: their one-time passwords expire 72 hours after it, rather than at once.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('app_user').addColumn('one_time_password_issued_at', 'text').execute();
  await db.updateTable('app_user').set({ one_time_password_issued_at: new Date().toISOString() }).where('must_change_password', '=', 1).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('app_user').dropColumn('one_time_password_issued_at').execute();
}
