import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../dialect';

/** The tables an import writes by the million, and what each of their rows refers to. */
export const EVENT_TABLES = ['attendance_event', 'grade'] as const;
const REFERENCES = [
  { column: 'student_id', parent: 'student', onDelete: 'cascade' },
  { column: 'class_id', parent: 'class', onDelete: 'cascade' },
  { column: 'import_batch_id', parent: 'import_batch', onDelete: 'no action' },
] as const;

/** The refusal of a parent's delete or change of id outside READ COMMITTED (see up). */
const OUTSIDE_READ_COMMITTED = `raise exception 'delete or update of keys on table "%" that events may name needs READ COMMITTED isolation', tg_table_name
  using errcode = 'feature_not_supported', hint = 'A trigger of migration 0034 stands for the foreign keys of attendance_event and grade.';`;

/**
 * PostgreSQL: the foreign keys of attendance_event and grade checked once per statement instead
 * of once per row (issue 24 item 5, import speed). A foreign key runs a query per written row
 * (`select … for key share` of the parent, through an after-row trigger that reads the row again):
 * on the import of 20 000 students those checks were half of the server's CPU in the merges of
 * imports/bulk-upsert.ts (0.74 → 0.36 s a chunk of 29 670 grades, measured by the backend's CPU).
 * Only superusers may switch those triggers off, so the constraints give way to triggers of our
 * own that do the same work per statement, over its transition table:
 *
 * - a written row (insert or update) must name existing parents: they are locked `for key share`,
 *   as a foreign key locks them, so none can be deleted before the writing transaction ends, and
 *   a missing one fails the statement with the foreign key's SQLSTATE (23503) and message;
 * - deleting a student or a class deletes its events (`on delete cascade`); deleting an import
 *   batch, or changing a parent's id, that rows still name fails (`no action`);
 * - outside READ COMMITTED, deleting such a parent (or changing its id) is refused, whatever the
 *   events: there a foreign key's cascade and check read the rows committed after the transaction's
 *   snapshot too, and fail it (40001) if they changed; a trigger reads only its snapshot, and would
 *   leave events naming a parent that is gone (no code does it: the app's transactions are
 *   READ COMMITTED; the tests of this migration show both).
 *
 * - TRUNCATE of a parent (even with CASCADE, which follows only foreign keys) is refused while
 *   events name any row of it: truncate or delete them first.
 *
 * The tables are named through the trigger's schema, as in migration 0009. SQLite keeps its foreign keys: it
 * checks them by one index lookup inside the row's own write, no query and no trigger per row.
 */
export async function up(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) return;
  await sql.raw(`create function primm_check_references() returns trigger language plpgsql as $$
    declare
      i int := 0;
      ids bigint[];
      found bigint;
      missing bigint;
    begin
      -- tg_argv: column, parent table, column, parent table… One read of the written rows per
      -- column; the parents are then found by their key, whatever the size of their table.
      while i < tg_nargs loop
        execute format('select array_agg(distinct %I) from primm_new where %1$I is not null', tg_argv[i]) into ids;
        execute format('select count(*) from (select from %I.%I where id = any($1) for key share) locked',
          tg_table_schema, tg_argv[i + 1]) into found using ids;
        if found < coalesce(cardinality(ids), 0) then
          execute format('select k from unnest($1) k where not exists (select from %I.%I p where p.id = k) limit 1',
            tg_table_schema, tg_argv[i + 1]) into missing using ids;
          raise exception 'insert or update on table "%" violates foreign key constraint "%_%_fkey"', tg_table_name, tg_table_name, tg_argv[i]
            using errcode = 'foreign_key_violation', schema = tg_table_schema, table = tg_table_name, constraint = tg_table_name || '_' || tg_argv[i] || '_fkey',
              detail = format('Key (%s)=(%s) is not present in table "%s".', tg_argv[i], missing, tg_argv[i + 1]);
        end if;
        i := i + 2;
      end loop;
      return null;
    end $$`).execute(db);
  await sql.raw(`create function primm_delete_referencing() returns trigger language plpgsql as $$
    declare
      i int := 0;
    begin
      if current_setting('transaction_isolation') <> 'read committed' and exists (select from primm_old) then
        ${OUTSIDE_READ_COMMITTED}
      end if;
      -- tg_argv: child table, column, child table, column…
      while i < tg_nargs loop
        execute format('delete from %I.%I where %I in (select id from primm_old)', tg_table_schema, tg_argv[i], tg_argv[i + 1]);
        i := i + 2;
      end loop;
      return null;
    end $$`).execute(db);
  await sql.raw(`create function primm_refuse_referenced() returns trigger language plpgsql as $$
    declare
      i int := 0;
      gone text := 'select id from primm_old';
      named boolean;
      named_key bigint;
    begin
      if tg_op = 'UPDATE' then gone := gone || ' except select id from primm_new'; end if;
      if current_setting('transaction_isolation') <> 'read committed' then
        execute format('select exists (%s)', gone) into named;
        if named then ${OUTSIDE_READ_COMMITTED} end if;
      end if;
      -- tg_argv: child table, column, child table, column…
      while i < tg_nargs loop
        execute format('select exists (select from %I.%I where %I in (%s))', tg_table_schema, tg_argv[i], tg_argv[i + 1], gone) into named;
        if named then
          execute format('select g.id from (%s) g where exists (select from %I.%I c where c.%I = g.id) limit 1',
            gone, tg_table_schema, tg_argv[i], tg_argv[i + 1]) into named_key;
          raise exception 'update or delete on table "%" violates foreign key constraint "%_%_fkey" on table "%"', tg_table_name, tg_argv[i], tg_argv[i + 1], tg_argv[i]
            using errcode = 'foreign_key_violation', schema = tg_table_schema, table = tg_argv[i], constraint = tg_argv[i] || '_' || tg_argv[i + 1] || '_fkey',
              detail = format('Key (id)=(%s) is still referenced from table "%s".', named_key, tg_argv[i]);
        end if;
        i := i + 2;
      end loop;
      return null;
    end $$`).execute(db);
  await sql.raw(`create function primm_refuse_truncate() returns trigger language plpgsql as $$
    declare
      i int := 0;
      named boolean;
    begin
      -- tg_argv: child table, column, child table, column…
      while i < tg_nargs loop
        execute format('select exists (select from %I.%I where %I is not null)', tg_table_schema, tg_argv[i], tg_argv[i + 1]) into named;
        if named then
          raise exception 'cannot truncate a table referenced in a foreign key constraint'
            using errcode = 'feature_not_supported', detail = format('Table "%s" references "%s".', tg_argv[i], tg_table_name),
              hint = format('Truncate or delete the rows of table "%s" first, in a statement of their own.', tg_argv[i]);
        end if;
        i := i + 2;
      end loop;
      return null;
    end $$`).execute(db);

  for (const table of EVENT_TABLES) {
    for (const { column } of REFERENCES)
      await sql.raw(`alter table ${table} drop constraint ${table}_${column}_fkey`).execute(db);
    const args = REFERENCES.map(({ column, parent }) => `'${column}', '${parent}'`).join(', ');
    for (const event of ['insert', 'update'])
      await sql.raw(`create trigger ${table}_${event}_references after ${event} on ${table} referencing new table as primm_new
        for each statement execute function primm_check_references(${args})`).execute(db);
  }
  for (const { column, parent, onDelete } of REFERENCES) {
    const args = EVENT_TABLES.map((table) => `'${table}', '${column}'`).join(', ');
    const onDeleteFunction = onDelete === 'cascade' ? 'primm_delete_referencing' : 'primm_refuse_referenced';
    await sql.raw(`create trigger ${parent}_delete_events after delete on ${parent} referencing old table as primm_old
      for each statement execute function ${onDeleteFunction}(${args})`).execute(db);
    await sql.raw(`create trigger ${parent}_update_events after update on ${parent} referencing old table as primm_old new table as primm_new
      for each statement execute function primm_refuse_referenced(${args})`).execute(db);
    // TRUNCATE skips delete triggers: a foreign key refuses it, or empties the events too with CASCADE.
    await sql.raw(`create trigger ${parent}_truncate_events before truncate on ${parent}
      for each statement execute function primm_refuse_truncate(${args})`).execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) return;
  for (const { parent } of REFERENCES)
    for (const event of ['delete', 'update', 'truncate']) await sql.raw(`drop trigger ${parent}_${event}_events on ${parent}`).execute(db);
  for (const table of EVENT_TABLES) {
    for (const event of ['insert', 'update']) await sql.raw(`drop trigger ${table}_${event}_references on ${table}`).execute(db);
    for (const { column, parent, onDelete } of REFERENCES)
      await sql
        .raw(`alter table ${table} add constraint ${table}_${column}_fkey foreign key (${column}) references ${parent} (id) on delete ${onDelete}`)
        .execute(db);
  }
  for (const name of ['primm_check_references', 'primm_delete_referencing', 'primm_refuse_referenced', 'primm_refuse_truncate'])
    await sql.raw(`drop function ${name}()`).execute(db);
}
