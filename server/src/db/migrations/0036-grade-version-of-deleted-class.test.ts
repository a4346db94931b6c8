import { CompiledQuery, Migrator, sql } from 'kysely';
import { expect, test } from 'vitest';
import { aClass, aGradeRow, aSchool, aStudent, anEnrolment } from '../../testing/factories';
import { createTestDb, onPostgres } from '../../testing/test-db';
import type { Db } from '../open-database';
import { openSqlite } from '../open-database';
import { migrationProvider } from './index';

const aGrade = (db: Db, studentId: number, classId: number, date: string) =>
  db
    .insertInto('grade')
    .values(aGradeRow(studentId, classId, date, { subject: 'ITALIANO' }))
    .execute();

const versionOf = async (db: Db, classId: number) =>
  (await db.selectFrom('grade_class_version').select('version').where('class_id', '=', classId).executeTakeFirst())
    ?.version;

test('migration 0036: when a class with grades is deleted, then it goes with its grades and version row; another class keeps its version, and a grade deleted there still moves it', async () => {
  const db = await createTestDb();
  const school = await aSchool(db);
  const [gone, kept] = [await aClass(db, school.id), await aClass(db, school.id)];
  const student = await aStudent(db);
  await anEnrolment(db, student.id, gone.id);
  await aGrade(db, student.id, gone.id, '2026-01-10');
  await aGrade(db, student.id, kept.id, '2026-01-11');
  await aGrade(db, student.id, kept.id, '2026-01-12');
  const keptBefore = Number(await versionOf(db, kept.id));

  await db.deleteFrom('class').where('id', '=', gone.id).execute();

  expect(await db.selectFrom('grade').select('class_id').where('class_id', '=', gone.id).execute()).toEqual([]);
  expect(await versionOf(db, gone.id)).toBeUndefined();
  expect(Number(await versionOf(db, kept.id))).toBe(keptBefore);
  await db.deleteFrom('grade').where('class_id', '=', kept.id).where('date', '=', '2026-01-12').execute();
  expect(Number(await versionOf(db, kept.id))).toBe(keptBefore + 1);
});

test('migration 0036: when a school whose classes have grades is deleted, then its classes and grades go too', async () => {
  const db = await createTestDb();
  const school = await aSchool(db);
  const cls = await aClass(db, school.id);
  const student = await aStudent(db);
  await aGrade(db, student.id, cls.id, '2026-01-10');

  await db.deleteFrom('school').where('id', '=', school.id).execute();

  expect(await db.selectFrom('class').select('id').where('school_id', '=', school.id).execute()).toEqual([]);
  expect(await db.selectFrom('grade').select('id').where('class_id', '=', cls.id).execute()).toEqual([]);
});

test.runIf(!onPostgres)(
  'migration 0036: when undone, then the trigger of 0012 is back as it was; redone, then a class with grades deletes again',
  async () => {
    const db = openSqlite(':memory:');
    const migrator = new Migrator({ db, provider: migrationProvider });
    const trigger = async () =>
      (
        await db.executeQuery<{ sql: string }>(
          CompiledQuery.raw(`select sql from sqlite_master where type = 'trigger' and name = 'grade_delete_digest'`),
        )
      ).rows[0]!.sql;
    await migrator.migrateTo('0035-risk-result-counted-by-writer');
    const before = await trigger();

    await migrator.migrateTo('0036-grade-version-of-deleted-class');
    const after = await trigger();
    await migrator.migrateTo('0035-risk-result-counted-by-writer');

    expect(after).toContain('where exists (select 1 from class');
    expect(await trigger()).toBe(before);
    expect((await migrator.migrateTo('0036-grade-version-of-deleted-class')).error).toBeUndefined();
    await db.destroy();
  },
);

test.runIf(onPostgres)(
  'migration 0036 on PostgreSQL: when undone, then the function of 0012 is back (a class with grades cannot be deleted again); redone, then it can',
  async () => {
    const db = await createTestDb();
    const migrator = new Migrator({ db, provider: migrationProvider });
    const functionText = async () =>
      (
        await sql<{ src: string }>`select prosrc as src from pg_proc p join pg_namespace n on n.oid = p.pronamespace
          where p.proname = 'primm_grade_classes_changed' and n.nspname = current_schema()`.execute(db)
      ).rows.map((r) => r.src);
    const aClassWithAGrade = async () => {
      const cls = await aClass(db, (await aSchool(db)).id);
      await aGrade(db, (await aStudent(db)).id, cls.id, '2026-01-10');
      return cls.id;
    };
    const [latest] = await functionText();
    expect(latest).toContain('where exists');

    expect((await migrator.migrateTo('0035-risk-result-counted-by-writer')).error).toBeUndefined();
    const [undone] = await functionText();
    expect(undone).not.toContain('where exists');
    expect(undone).toContain('from changed_old');
    const refused = await aClassWithAGrade();
    await expect(db.deleteFrom('class').where('id', '=', refused).execute()).rejects.toThrow(/foreign key/i);

    expect((await migrator.migrateToLatest()).error).toBeUndefined();
    expect(await functionText()).toEqual([latest]);
    await db.deleteFrom('class').where('id', '=', refused).execute();
    expect(await versionOf(db, refused)).toBeUndefined();
    await db.destroy();
  },
);
