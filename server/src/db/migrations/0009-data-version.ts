import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../dialect';

/**
 * Tables whose rows the regional aggregates (counts, monthly trend, fairness) are computed from.
 * Sessions, audit, users and settings are not here: an analyst reading a page must not make the
 * next page slow again.
 */
export const VERSIONED_TABLES = [
  'province', 'school', 'school_year', 'school_calendar', 'school_closure', 'class', 'student', 'enrolment',
  'attendance_event', 'grade', 'outcome', 'risk_result', 'risk_review', 'flag', 'support_case', 'case_action',
] as const;

/**
 * One counter that grows with every committed change to those tables, written by triggers so that
 * every writer counts (imports, recompute, other instances, the command line, a manual fix): the
 * aggregate cache compares it on each request (docs/performance.md "API sotto carico").
 *
 * SQLite: row triggers (it has no others); one writer at a time, and an update of one cached page
 * costs ≈ 0.25 µs a row, under 1 % of an import.
 * PostgreSQL: a statement trigger only notes the transaction; a deferred trigger bumps the counter
 * once, at commit. A bump at the first write would lock the counter row until commit, so a teacher's
 * flag would wait for a whole import; a sequence instead would move before the data is visible,
 * and a reader could cache old counts under the new number.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createTable('data_version')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('version', 'bigint', (c) => c.notNull())
    .execute();
  await db.insertInto('data_version').values({ id: 1, version: 1 }).execute();

  if (!isPostgres(db)) {
    for (const table of VERSIONED_TABLES) {
      for (const event of ['insert', 'update', 'delete']) {
        await sql.raw(`create trigger ${table}_${event}_data_version after ${event} on ${table}
          begin update data_version set version = version + 1 where id = 1; end`).execute(db);
      }
    }
    return;
  }

  await db.schema.createTable('data_version_pending').addColumn('txid', 'bigint', (c) => c.primaryKey()).execute();
  // Tables named through the trigger's own schema: right whatever the caller's search_path.
  await sql.raw(`create function primm_data_changed() returns trigger language plpgsql as $$
    begin
      execute format('insert into %I.data_version_pending (txid) values (txid_current()) on conflict do nothing', tg_table_schema);
      return null;
    end $$`).execute(db);
  await sql.raw(`create function primm_data_version_bump() returns trigger language plpgsql as $$
    begin
      execute format('update %I.data_version set version = version + 1 where id = 1', tg_table_schema);
      execute format('delete from %I.data_version_pending where txid = $1', tg_table_schema) using new.txid;
      return null;
    end $$`).execute(db);
  await sql.raw(`create constraint trigger data_version_bump after insert on data_version_pending
    deferrable initially deferred for each row execute function primm_data_version_bump()`).execute(db);
  for (const table of VERSIONED_TABLES) {
    await sql.raw(`create trigger ${table}_data_version after insert or update or delete or truncate on ${table}
      for each statement execute function primm_data_changed()`).execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) {
    for (const table of VERSIONED_TABLES) await sql.raw(`drop trigger ${table}_data_version on ${table}`).execute(db);
    await db.schema.dropTable('data_version_pending').execute();
    await sql.raw('drop function primm_data_version_bump()').execute(db);
    await sql.raw('drop function primm_data_changed()').execute(db);
  } else {
    for (const table of VERSIONED_TABLES) {
      for (const event of ['insert', 'update', 'delete']) await sql.raw(`drop trigger ${table}_${event}_data_version`).execute(db);
    }
  }
  await db.schema.dropTable('data_version').execute();
}
