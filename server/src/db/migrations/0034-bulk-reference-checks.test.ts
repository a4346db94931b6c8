import { Migrator, sql } from 'kysely';
import { describe, expect, test } from 'vitest';
import { aClass, aSchool, aStudent } from '../../testing/factories';
import { createTestDb, onPostgres } from '../../testing/test-db';
import type { Db } from '../open-database';
import { migrationProvider } from './index';

async function parents(db: Db) {
  const school = await aSchool(db);
  const cls = await aClass(db, school.id);
  const student = await aStudent(db);
  const batch = await db
    .insertInto('import_batch')
    .values({ started_at: '2026-01-01T00:00:00Z', finished_at: null, user_id: null, source: 'cli', status: 'committed', files: '[]', errors: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { classId: cls.id, studentId: student.id, batchId: batch.id };
}

const absence = (p: { classId: number; studentId: number; batchId: number | null }, date: string) => ({
  student_id: p.studentId,
  class_id: p.classId,
  date,
  kind: 'assenza' as const,
  hours: 5,
  justified: 0,
  deroga: null,
  deroga_decided_on: null,
  import_batch_id: p.batchId,
});

const grade = (p: { classId: number; studentId: number; batchId: number | null }, date: string) => ({
  student_id: p.studentId,
  class_id: p.classId,
  date,
  subject: 'Matematica',
  kind: 'orale' as const,
  raw: '6',
  value: 6,
  is_conduct: 0,
  in_average: 1,
  judgement: null,
  import_batch_id: p.batchId,
});

const count = async (db: Db, table: 'attendance_event' | 'grade') =>
  Number((await db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

describe('migration 0034: the events\' references checked per statement', () => {
  test.each(['student_id', 'class_id', 'import_batch_id'] as const)(
    'when many events are written and one names a %s that does not exist, then the statement fails as a foreign key does and writes nothing',
    async (column) => {
      const db = await createTestDb();
      const p = await parents(db);
      const bad = { [column]: 999_999 };

      await expect(
        db.insertInto('attendance_event').values([absence(p, '2025-10-01'), { ...absence(p, '2025-10-02'), ...bad }]).execute(),
      ).rejects.toThrow(/foreign key/i);
      await expect(
        db.insertInto('grade').values([grade(p, '2025-10-01'), { ...grade(p, '2025-10-02'), ...bad }]).execute(),
      ).rejects.toThrow(/foreign key/i);
      await db.insertInto('grade').values(grade(p, '2025-10-01')).execute();
      await expect(db.updateTable('grade').set(bad).execute()).rejects.toThrow(/foreign key/i);

      expect([await count(db, 'attendance_event'), await count(db, 'grade')]).toEqual([0, 1]);
      await db.destroy();
    },
  );

  test('when events name existing parents (or no batch), then they are written', async () => {
    const db = await createTestDb();
    const p = await parents(db);

    await db.insertInto('attendance_event').values([absence(p, '2025-10-01'), absence({ ...p, batchId: null }, '2025-10-02')]).execute();
    await db.insertInto('grade').values([grade(p, '2025-10-01'), grade({ ...p, batchId: null }, '2025-10-02')]).execute();

    expect([await count(db, 'attendance_event'), await count(db, 'grade')]).toEqual([2, 2]);
    await db.destroy();
  });

  test('when a student or a class is deleted, then its events go with it; an import batch that events name cannot be deleted', async () => {
    const db = await createTestDb();
    const p = await parents(db);
    const other = { ...p, studentId: (await aStudent(db)).id };
    await db.insertInto('attendance_event').values([absence(p, '2025-10-01'), absence(other, '2025-10-01')]).execute();
    await db.insertInto('grade').values([grade(p, '2025-10-01'), grade(other, '2025-10-01')]).execute();

    await expect(db.deleteFrom('import_batch').where('id', '=', p.batchId).execute()).rejects.toThrow(/foreign key/i);
    await db.deleteFrom('student').where('id', '=', p.studentId).execute();
    expect([await count(db, 'attendance_event'), await count(db, 'grade')]).toEqual([1, 1]);
    await db.deleteFrom('grade').execute();
    await db.deleteFrom('class').where('id', '=', p.classId).execute();
    expect(await count(db, 'attendance_event')).toBe(0);
    await db.deleteFrom('import_batch').where('id', '=', p.batchId).execute();
    await db.destroy();
  });

  test.runIf(onPostgres)(
    'PostgreSQL: when a student\'s id that events name is changed, then refused; the migration undone, then the foreign keys are back',
    async () => {
      const db = await createTestDb();
      const p = await parents(db);
      await db.insertInto('attendance_event').values(absence(p, '2025-10-01')).execute();

      await expect(db.updateTable('student').set({ id: 999_999 }).where('id', '=', p.studentId).execute()).rejects.toThrow(
        /foreign key/i,
      );
      const foreignKeys = async () =>
        (
          await sql<{ name: string }>`select conname as name from pg_constraint
            where contype = 'f' and conrelid in ('attendance_event'::regclass, 'grade'::regclass) order by 1`.execute(db)
        ).rows.map((r) => r.name);
      expect(await foreignKeys()).toEqual([]);

      const migrator = new Migrator({ db, provider: migrationProvider });
      expect((await migrator.migrateTo('0033-attendance-natural-key')).error).toBeUndefined();
      expect(await foreignKeys()).toEqual([
        'attendance_event_class_id_fkey',
        'attendance_event_import_batch_id_fkey',
        'attendance_event_student_id_fkey',
        'grade_class_id_fkey',
        'grade_import_batch_id_fkey',
        'grade_student_id_fkey',
      ]);
      await expect(db.deleteFrom('import_batch').execute()).rejects.toThrow(/foreign key/i);
      expect((await migrator.migrateToLatest()).error).toBeUndefined();
      expect(await foreignKeys()).toEqual([]);
      await db.destroy();
    },
  );
});
