import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../dialect';

/**
 * Each student's grade digest (counts and sums per subject and term, the latest conduct grade:
 * `digestGrades` in shared/src/risk/grade-digest.ts), kept per school and year so that a regional
 * recompute reads ~20 numbers a subject instead of every grade (docs/performance.md).
 *
 * - `grade_class_version`: a counter per class that grows with every change to its grades, kept by
 *   triggers so that every writer counts (imports, retention, a manual fix). A class without a row
 *   is at version 0.
 * - `grade_digest_state`: per school and year, the class versions and calendar (`fingerprint`:
 *   terms, end of lessons, engine version) the stored digests were computed from, and the latest
 *   grade date (the data's "today" needs it). The recompute reads the digests only when both
 *   still match; otherwise it reads the grades and writes the digests again.
 *
 * SQLite: row triggers, ≈ 0.3 µs a grade row on import (measured with `pnpm bench import`).
 * PostgreSQL: one statement trigger per kind of change over its transition table, one upsert per
 * statement, the table named through the trigger's own schema as in migration 0009.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('grade_class_version')
    .addColumn('class_id', 'integer', (c) => c.primaryKey().references('class.id').onDelete('cascade'))
    .addColumn('version', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('grade_digest_state')
    .addColumn('school_id', 'integer', (c) => c.notNull().references('school.id').onDelete('cascade'))
    .addColumn('school_year_id', 'integer', (c) => c.notNull().references('school_year.id').onDelete('cascade'))
    .addColumn('fingerprint', 'text', (c) => c.notNull())
    .addColumn('class_versions', 'text', (c) => c.notNull())
    .addColumn('latest_grade', 'text')
    .addPrimaryKeyConstraint('grade_digest_state_pk', ['school_id', 'school_year_id'])
    .execute();
  await db.schema
    .createTable('grade_digest')
    .addColumn('school_id', 'integer', (c) => c.notNull().references('school.id').onDelete('cascade'))
    .addColumn('school_year_id', 'integer', (c) => c.notNull().references('school_year.id').onDelete('cascade'))
    .addColumn('student_id', 'integer', (c) => c.notNull().references('student.id').onDelete('cascade'))
    .addColumn('digest', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('grade_digest_pk', ['school_id', 'school_year_id', 'student_id'])
    .execute();
  await db.schema.createIndex('grade_digest_student_idx').on('grade_digest').column('student_id').execute();

  if (!isPostgres(db)) {
    const bump = (cls: string) =>
      `insert into grade_class_version (class_id, version) values (${cls}, 1) on conflict (class_id) do update set version = version + 1;`;
    await sql.raw(`create trigger grade_insert_digest after insert on grade begin ${bump('new.class_id')} end`).execute(db);
    await sql.raw(`create trigger grade_delete_digest after delete on grade begin ${bump('old.class_id')} end`).execute(db);
    // A grade moved to another class changes both.
    await sql.raw(`create trigger grade_update_digest after update on grade begin ${bump('old.class_id')}
      insert into grade_class_version (class_id, version) select new.class_id, 1 where new.class_id <> old.class_id
        on conflict (class_id) do update set version = version + 1; end`).execute(db);
    return;
  }

  await sql.raw(`create function primm_grade_classes_changed() returns trigger language plpgsql as $$
    begin
      if tg_op in ('INSERT', 'UPDATE') then
        execute format('insert into %I.grade_class_version (class_id, version) select distinct class_id, 1 from changed_new
          on conflict (class_id) do update set version = grade_class_version.version + 1', tg_table_schema);
      end if;
      if tg_op in ('DELETE', 'UPDATE') then
        execute format('insert into %I.grade_class_version (class_id, version) select distinct class_id, 1 from changed_old
          on conflict (class_id) do update set version = grade_class_version.version + 1', tg_table_schema);
      end if;
      return null;
    end $$`).execute(db);
  await sql.raw(`create trigger grade_insert_digest after insert on grade referencing new table as changed_new
    for each statement execute function primm_grade_classes_changed()`).execute(db);
  await sql.raw(`create trigger grade_update_digest after update on grade referencing old table as changed_old new table as changed_new
    for each statement execute function primm_grade_classes_changed()`).execute(db);
  await sql.raw(`create trigger grade_delete_digest after delete on grade referencing old table as changed_old
    for each statement execute function primm_grade_classes_changed()`).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const event of ['insert', 'update', 'delete']) await sql.raw(`drop trigger grade_${event}_digest${isPostgres(db) ? ' on grade' : ''}`).execute(db);
  if (isPostgres(db)) await sql.raw('drop function primm_grade_classes_changed()').execute(db);
  await db.schema.dropTable('grade_digest').execute();
  await db.schema.dropTable('grade_digest_state').execute();
  await db.schema.dropTable('grade_class_version').execute();
}
