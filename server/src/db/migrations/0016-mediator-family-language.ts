import type { Kysely } from 'kysely';

/**
 * The language a student's family reads (ISO 639-1 code, shared/src/family/languages.ts) and
 * whether an interpreter is needed, kept on the student (issue 19); a later issue prints bilingual
 * letters from the code. Written by mediators and referents, never by an import, which updates
 * only the register's own fields. Null: not recorded yet.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('student').addColumn('family_language', 'text').execute();
  await db.schema.alterTable('student').addColumn('interpreter_needed', 'integer').execute();
  await db.schema.alterTable('student').addColumn('family_updated_at', 'text').execute();
  await db.schema.alterTable('student').addColumn('family_updated_by', 'integer', (c) => c.references('app_user.id').onDelete('set null')).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const column of ['family_updated_by', 'family_updated_at', 'interpreter_needed', 'family_language']) {
    await db.schema.alterTable('student').dropColumn(column).execute();
  }
}
