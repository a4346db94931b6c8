import type { Kysely } from 'kysely';

/**
 * The texts of the letters to families, one per letter and language (issue 21 item 4), edited by
 * the admin. The rows are seeded at start from server/src/letters/templates/ by
 * ensureLetterTemplates, which only adds the pairs missing: an admin's edit is never overwritten.
 * `verified_*`: who checked the translation and when; cleared by any edit of the text.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('letter_template')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text')
    .addColumn('updated_by', 'integer', (c) => c.references('app_user.id').onDelete('set null'))
    .addColumn('verified_at', 'text')
    .addColumn('verified_by', 'integer', (c) => c.references('app_user.id').onDelete('set null'))
    .addPrimaryKeyConstraint('letter_template_pk', ['kind', 'language'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('letter_template').execute();
}
