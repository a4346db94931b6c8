import { sql, type Kysely } from 'kysely';
import { idColumn, isPostgres } from '../dialect';

/**
 * Open data releases (issue 22 item 4): what the admin published, stored exactly as published
 * (the table as JSON text) and never recomputed, so that a release's numbers stay what re-users
 * downloaded. Immutable in the database itself, like the audit log: no update, no delete.
 *
 * `published_by` is a plain integer, not a foreign key: a key's `on delete set null` would be an
 * update, which the trigger refuses, and deleting a user must not fail because they published.
 * `data_version` is the counter of migration 0009 when the release was computed.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const id = idColumn(db);
  await db.schema
    .createTable('open_data_release')
    .addColumn('id', id.type, id.build)
    .addColumn('school_year', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addColumn('published_by', 'integer')
    .addColumn('data_version', 'integer', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('open_data_release_year_idx').on('open_data_release').column('school_year').execute();

  if (!isPostgres(db)) {
    await sql`create trigger open_data_release_no_update before update on open_data_release
      begin select raise(abort, 'open_data_release is immutable'); end`.execute(db);
    await sql`create trigger open_data_release_no_delete before delete on open_data_release
      begin select raise(abort, 'open_data_release is immutable'); end`.execute(db);
  } else {
    await sql`create function open_data_release_immutable() returns trigger language plpgsql as
      $$ begin raise exception 'open_data_release is immutable'; end $$`.execute(db);
    await sql`create trigger open_data_release_no_change before update or delete on open_data_release
      for each row execute function open_data_release_immutable()`.execute(db);
    // A row trigger does not see TRUNCATE: refuse it with a statement trigger.
    await sql`create trigger open_data_release_no_truncate before truncate on open_data_release
      for each statement execute function open_data_release_immutable()`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('open_data_release').execute();
  if (isPostgres(db)) await sql`drop function if exists open_data_release_immutable`.execute(db);
}
