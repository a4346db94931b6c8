import type { Kysely } from 'kysely';
import { idColumn } from '../dialect';

/**
 * Service accounts for machines (issue 24): a register's server or a school's nightly script
 * pushes imports with a bearer token, scoped to some schools and to importing only.
 *
 * Only the SHA-256 of a token is kept (a token is 32 random bytes: no slow hash is needed, and a
 * copy of the database gives nobody a working token). A token is revoked, never deleted, so the
 * audit log and the import history keep naming it. An `Idempotency-Key` and the first answer
 * given to it are kept per token, so that a retried push replays that answer instead of
 * importing again; `status` is null while the first request runs.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const id = idColumn(db);
  await db.schema
    .createTable('service_token')
    .addColumn('id', id.type, id.build)
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_by', 'integer', (c) => c.references('app_user.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_used_at', 'text')
    .addColumn('revoked_at', 'text')
    .execute();
  await db.schema
    .createTable('service_token_school')
    .addColumn('service_token_id', 'integer', (c) => c.notNull().references('service_token.id').onDelete('cascade'))
    .addColumn('school_id', 'integer', (c) => c.notNull().references('school.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('service_token_school_pk', ['service_token_id', 'school_id'])
    .execute();
  await db.schema
    .createTable('service_token_request')
    .addColumn('service_token_id', 'integer', (c) => c.notNull().references('service_token.id').onDelete('cascade'))
    .addColumn('idempotency_key', 'text', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('status', 'integer')
    .addColumn('body', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('service_token_request_pk', ['service_token_id', 'idempotency_key'])
    .execute();
  // Which token made an import: its history names the machine as it names a user.
  await db.schema.alterTable('import_batch').addColumn('service_token_id', 'integer', (c) => c.references('service_token.id')).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('import_batch').dropColumn('service_token_id').execute();
  await db.schema.dropTable('service_token_request').execute();
  await db.schema.dropTable('service_token_school').execute();
  await db.schema.dropTable('service_token').execute();
}
