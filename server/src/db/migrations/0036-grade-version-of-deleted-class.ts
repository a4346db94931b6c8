import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../dialect';

/**
 * Deleting a class (or a school, whose classes go with it) that has grades failed on both engines:
 * the grades deleted with it moved the version of their class (migration 0012), in
 * `grade_class_version`, whose row names that class, gone or going, so the foreign key refused the
 * whole delete. A class deleted has no digests to keep current: only the versions of classes that
 * still exist move.
 */
const SQLITE_DELETE_BEFORE = `create trigger grade_delete_digest after delete on grade begin insert into grade_class_version (class_id, version) values (old.class_id, 1) on conflict (class_id) do update set version = version + 1; end`;
const SQLITE_DELETE_AFTER = `create trigger grade_delete_digest after delete on grade begin
  insert into grade_class_version (class_id, version) select old.class_id, 1 where exists (select 1 from class where id = old.class_id)
  on conflict (class_id) do update set version = version + 1; end`;

/** The deleted or moved grades' classes whose version moves: 0012 took them all, 0036 only those still there. */
const OLD_CLASSES_0012 = { from: 'changed_old', schemas: 'tg_table_schema' };
const OLD_CLASSES_EXISTING = {
  from: 'changed_old o where exists (select 1 from %I.class c where c.id = o.class_id)',
  schemas: 'tg_table_schema, tg_table_schema',
};

const pgFunction = (oldClasses: { from: string; schemas: string }) => `create or replace function primm_grade_classes_changed() returns trigger language plpgsql as $$
    begin
      if tg_op in ('INSERT', 'UPDATE') then
        execute format('insert into %I.grade_class_version (class_id, version) select distinct class_id, 1 from changed_new
          on conflict (class_id) do update set version = grade_class_version.version + 1', tg_table_schema);
      end if;
      if tg_op in ('DELETE', 'UPDATE') then
        execute format('insert into %I.grade_class_version (class_id, version) select distinct class_id, 1 from ${oldClasses.from}
          on conflict (class_id) do update set version = grade_class_version.version + 1', ${oldClasses.schemas});
      end if;
      return null;
    end $$`;

export async function up(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) {
    await sql.raw(pgFunction(OLD_CLASSES_EXISTING)).execute(db);
    return;
  }
  await sql.raw('drop trigger grade_delete_digest').execute(db);
  await sql.raw(SQLITE_DELETE_AFTER).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) {
    await sql.raw(pgFunction(OLD_CLASSES_0012)).execute(db);
    return;
  }
  await sql.raw('drop trigger grade_delete_digest').execute(db);
  await sql.raw(SQLITE_DELETE_BEFORE).execute(db);
}
