import type { Kysely } from 'kysely';

/**
 * Scuole paritarie (L. 62/2000) are in the ministry's own registry (SCUANAGRAFEPAR…csv), apart
 * from the state schools: compulsory education and dropout concern their students too (issue
 * 24), so they are imported, and marked, since their data come from another registry and their
 * figures are read apart. 0 for every school known so far: the state registry held them all.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('school').addColumn('paritaria', 'integer', (c) => c.notNull().defaultTo(0)).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('school').dropColumn('paritaria').execute();
}
