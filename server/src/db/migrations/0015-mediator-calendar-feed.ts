import type { Kysely } from 'kysely';

/**
 * A user's calendar feed of case follow-ups (issue 19): one secret address per user, which a
 * phone's calendar polls without signing in. Only the SHA-256 of the token is kept, as for
 * sessions: a copy of the database does not give anyone a working address.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('calendar_feed')
    .addColumn('user_id', 'integer', (c) => c.primaryKey().references('app_user.id').onDelete('cascade'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_used_at', 'text')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('calendar_feed').execute();
}
