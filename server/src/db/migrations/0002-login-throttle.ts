import type { Kysely } from 'kysely';
import { idColumn } from '../dialect';

/**
 * Failed logins, per account and per address, so that throttling holds across restarts and
 * across several app instances (no in-memory state).
 */
export async function up(db: Kysely<any>): Promise<void> {
  const id = idColumn(db);
  await db.schema
    .createTable('login_failure')
    .addColumn('id', id.type, id.build)
    .addColumn('key', 'text', (c) => c.notNull()) // `email:<address>` or `ip:<address>`
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('login_failure_key_at_idx').on('login_failure').columns(['key', 'at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('login_failure').execute();
}
