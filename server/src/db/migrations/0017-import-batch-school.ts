import type { Kysely } from 'kysely';

/**
 * Which schools each import wrote (issue 20: "data freshness", and the school of an import in the
 * audit log): the date of a school's latest import was only in the files' names (`CODE/…csv`).
 * Imports made before this migration are linked through those names, as far as they go (a school
 * folder is named after its code).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('import_batch_school')
    .addColumn('import_batch_id', 'integer', (c) => c.notNull().references('import_batch.id').onDelete('cascade'))
    .addColumn('school_id', 'integer', (c) => c.notNull().references('school.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('import_batch_school_pk', ['import_batch_id', 'school_id'])
    .execute();
  await db.schema.createIndex('import_batch_school_school_idx').on('import_batch_school').columns(['school_id', 'import_batch_id']).execute();

  const schools = new Map<string, number>(
    ((await db.selectFrom('school').select(['id', 'code']).execute()) as { id: number; code: string }[]).map((s) => [s.code, s.id]),
  );
  const batches = (await db.selectFrom('import_batch').select(['id', 'files']).where('status', '=', 'committed').execute()) as { id: number; files: string }[];
  for (const batch of batches) {
    let files: { name?: unknown }[] = [];
    try {
      files = JSON.parse(batch.files) as { name?: unknown }[];
    } catch {
      continue; // never expected: written by the import as JSON
    }
    const ids = new Set<number>();
    for (const f of files) {
      const code = typeof f.name === 'string' ? f.name.split('/').at(-2) : undefined;
      const id = code === undefined ? undefined : schools.get(code);
      if (id !== undefined) ids.add(id);
    }
    if (ids.size > 0) await db.insertInto('import_batch_school').values([...ids].map((school_id) => ({ import_batch_id: batch.id, school_id }))).execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('import_batch_school').execute();
}
