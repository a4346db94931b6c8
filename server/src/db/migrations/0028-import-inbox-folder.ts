import type { Kysely } from 'kysely';

/**
 * Imports from the watched inbox (issue 24, `PRIMM_INBOX`): the folder a school dropped, by
 * name, so the history tells them from the operator's command line. A column rather than a new
 * `source` value: SQLite cannot change the CHECK of `source` without rebuilding a table that
 * every event row references. Their `source` is 'cli' (the server's operator runs them); null
 * for every import made so far.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('import_batch').addColumn('inbox_folder', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('import_batch').dropColumn('inbox_folder').execute();
}
