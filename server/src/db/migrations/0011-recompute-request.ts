import type { Kysely } from 'kysely';
import { idColumn } from '../dialect';

/**
 * A regional recompute asked for by an admin: every instance sharing the database follows these
 * rows and joins in (server/src/recompute/recompute-requests.ts), so that the schools are shared out
 * among instances instead of one instance doing them all (docs/deployment.md).
 */
export async function up(db: Kysely<any>): Promise<void> {
  const id = idColumn(db);
  await db.schema
    .createTable('recompute_request')
    .addColumn('id', id.type, id.build)
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('requested_by', 'integer', (c) => c.references('app_user.id').onDelete('set null'))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('recompute_request').execute();
}
