import type { Kysely } from 'kysely';

/**
 * The municipalities' contacts the admin keeps (issue 20): the certified e-mail (PEC) the report
 * to the mayor goes to (art. 114 D.Lgs 297/1994), and the office that receives it. One row per
 * municipality that has any; who changed it last and when, the audit log says the rest.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('municipality_contact')
    .addColumn('istat_code', 'text', (c) => c.primaryKey().references('municipality.istat_code').onDelete('cascade'))
    .addColumn('pec', 'text')
    .addColumn('office', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'integer', (c) => c.references('app_user.id').onDelete('set null'))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('municipality_contact').execute();
}
