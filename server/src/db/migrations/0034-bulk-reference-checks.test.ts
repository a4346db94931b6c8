import { Migrator, sql, type ControlledTransaction } from 'kysely';
import { describe, expect, test } from 'vitest';
import { aClass, aGradeRow, aSchool, aStudent } from '../../testing/factories';
import { createTestDb, onPostgres } from '../../testing/test-db';
import type { Db } from '../open-database';
import { purgeBefore } from '../../retention/purge';
import { copyRows } from '../bulk-insert';
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

const grade = (p: { classId: number; studentId: number; batchId: number | null }, date: string) =>
  aGradeRow(p.studentId, p.classId, date, { subject: 'Matematica', import_batch_id: p.batchId });

const count = async (db: Db, table: 'attendance_event' | 'grade') =>
  Number((await db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

/** Events whose student, class or batch is not there: none, ever, with a foreign key. */
const orphans = async (db: Db) =>
  (
    await sql<{ n: number | string }>`select count(*) as n from (
      select student_id, class_id, import_batch_id from attendance_event
      union all select student_id, class_id, import_batch_id from grade) e
      where not exists (select 1 from student s where s.id = e.student_id)
         or not exists (select 1 from class c where c.id = e.class_id)
         or (e.import_batch_id is not null and not exists (select 1 from import_batch b where b.id = e.import_batch_id))`.execute(db)
  ).rows.map((r) => Number(r.n))[0];

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
      expect(await count(db, 'attendance_event')).toBe(1);
      await db.deleteFrom('student').where('id', '=', p.studentId).execute();
      expect(await count(db, 'attendance_event')).toBe(0);
      await db.destroy();
    },
  );
});

test.runIf(onPostgres)('PostgreSQL: a missing or still named parent fails with the very error a foreign key raised (logs and error handler see no change)', async () => {
  const db = await createTestDb();
  const p = await parents(db);
  await db.insertInto('grade').values(grade(p, '2025-10-01')).execute();
  const fields = (err: Record<string, unknown>) =>
    Object.fromEntries(['code', 'message', 'detail', 'schema', 'table', 'constraint'].map((k) => [k, err[k]]));
  const failures = () =>
    Promise.all([
      db.insertInto('attendance_event').values({ ...absence(p, '2025-10-01'), student_id: 999_999 }).execute(),
      db.deleteFrom('import_batch').where('id', '=', p.batchId).execute(),
    ].map((write) => write.then(() => undefined, fields)));

  const byTriggers = await failures();
  expect((await new Migrator({ db, provider: migrationProvider }).migrateTo('0033-attendance-natural-key')).error).toBeUndefined();
  expect(byTriggers).toEqual(await failures());
  await db.destroy();
});

describe('migration 0034: every way of writing an event is checked', () => {
  test('when an upsert meets an existing event and moves it to a missing student or class, then it fails; to an existing class, it is written', async () => {
    const db = await createTestDb();
    const p = await parents(db);
    const otherClass = (await aClass(db, (await aSchool(db)).id)).id;
    await db.insertInto('attendance_event').values(absence(p, '2025-10-01')).execute();
    const upsert = (set: { student_id?: number; class_id?: number }) =>
      db
        .insertInto('attendance_event')
        .values(absence(p, '2025-10-01'))
        .onConflict((oc) => oc.columns(['student_id', 'date', 'kind']).doUpdateSet(set))
        .execute();

    await expect(upsert({ student_id: 999_999 })).rejects.toThrow(/foreign key/i);
    await expect(upsert({ class_id: 999_999 })).rejects.toThrow(/foreign key/i);
    await upsert({ class_id: otherClass });

    expect(await db.selectFrom('attendance_event').select(['student_id', 'class_id']).execute()).toEqual([
      { student_id: p.studentId, class_id: otherClass },
    ]);
    await db.destroy();
  });

  test('when events are inserted from a select and one names a missing student, then none is written', async () => {
    const db = await createTestDb();
    const p = await parents(db);
    await db.insertInto('grade').values(grade(p, '2025-10-01')).execute();

    await expect(
      sql`insert into grade (student_id, class_id, date, subject, kind, raw, value, is_conduct, in_average, import_batch_id)
        select student_id, class_id, '2025-10-02', subject, kind, raw, value, is_conduct, in_average, import_batch_id from grade
        union all select 999999, class_id, date, subject, kind, raw, value, is_conduct, in_average, import_batch_id from grade`.execute(db),
    ).rejects.toThrow(/foreign key/i);
    expect(await count(db, 'grade')).toBe(1);
    await db.destroy();
  });

  test.runIf(onPostgres)('PostgreSQL: when events arrive by COPY and one names a missing student, then the COPY fails and writes nothing', async () => {
    const db = await createTestDb();
    const p = await parents(db);
    const columns = ['student_id', 'class_id', 'date', 'kind', 'hours', 'justified', 'import_batch_id'];
    const row = (studentId: number, date: string) => [studentId, p.classId, date, 'assenza', 5, 0, p.batchId];

    await expect(
      copyRows(db, 'attendance_event', columns, [...row(p.studentId, '2025-10-01'), ...row(999_999, '2025-10-02')], 2),
    ).rejects.toMatchObject({ code: '23503', constraint: 'attendance_event_student_id_fkey' });
    await copyRows(db, 'attendance_event', columns, row(p.studentId, '2025-10-01'), 1);

    expect(await count(db, 'attendance_event')).toBe(1);
    await db.destroy();
  });

  test.runIf(onPostgres)('PostgreSQL: when one statement writes both tables, each is checked on its own rows', async () => {
    const db = await createTestDb();
    const p = await parents(db);
    const both = (gradeStudent: number) => sql`with a as (
        insert into attendance_event (student_id, class_id, date, kind, hours, justified)
        values (${p.studentId}, ${p.classId}, '2025-10-01', 'assenza', 5, 0) returning 1)
      insert into grade (student_id, class_id, date, subject, kind, raw, value, is_conduct, in_average)
      select ${gradeStudent}::int, ${p.classId}::int, '2025-10-01', 'Matematica', 'orale', '6', 6, 0, 1 from a`.execute(db);

    await expect(both(999_999)).rejects.toMatchObject({ code: '23503', constraint: 'grade_student_id_fkey' });
    await both(p.studentId);

    expect([await count(db, 'attendance_event'), await count(db, 'grade')]).toEqual([1, 1]);
    await db.destroy();
  });

  test.runIf(onPostgres)('PostgreSQL: when one statement deletes a student and writes an event of theirs, then no event is left without its student', async () => {
    const db = await createTestDb();
    const p = await parents(db);

    await sql`with d as (delete from student where id = ${p.studentId} returning id)
      insert into attendance_event (student_id, class_id, date, kind, hours, justified)
      values (${p.studentId}, ${p.classId}, '2025-10-01', 'assenza', 5, 0)`
      .execute(db)
      .catch((err: { code?: string }) => expect(err.code).toBe('23503'));

    expect(await orphans(db)).toBe(0);
    await db.destroy();
  });

  test.runIf(onPostgres)('PostgreSQL: when a parent that events name is truncated, even with cascade, then refused; once the events are gone, allowed', async () => {
    const db = await createTestDb();
    const p = await parents(db);
    await db.insertInto('attendance_event').values(absence(p, '2025-10-01')).execute();

    for (const parent of ['import_batch', 'student', 'class'])
      await expect(sql`truncate ${sql.table(parent)} cascade`.execute(db)).rejects.toMatchObject({ code: '0A000' });
    expect(await orphans(db)).toBe(0);
    await sql`truncate attendance_event`.execute(db);
    await sql`truncate import_batch cascade`.execute(db);
    await db.destroy();
  });

  test.runIf(onPostgres)('PostgreSQL: when the session\'s search_path does not name the tables\' schema, then the triggers still check and cascade there', async () => {
    const db = await createTestDb();
    const p = await parents(db);
    const trx: ControlledTransaction<any> = await db.startTransaction().execute();
    try {
      await sql`set local search_path = pg_catalog`.execute(trx);
      await sql`insert into public.attendance_event (student_id, class_id, date, kind, hours, justified)
        values (${p.studentId}, ${p.classId}, '2025-10-01', 'assenza', 5, 0)`.execute(trx);
      await sql`savepoint s`.execute(trx);
      await expect(sql`update public.attendance_event set class_id = 999999`.execute(trx)).rejects.toMatchObject({ code: '23503' });
      await sql`rollback to savepoint s`.execute(trx);
      await sql`delete from public.student where id = ${p.studentId}`.execute(trx);
      await trx.commit().execute();
    } finally {
      if (!trx.isCommitted) await trx.rollback().execute();
    }

    expect([await count(db, 'attendance_event'), await orphans(db)]).toEqual([0, 0]);
    await db.destroy();
  });

  test('when a school is deleted, then its classes go and their events with them', async () => {
    const db = await createTestDb();
    const p = await parents(db);
    // Attendance only: a class with grades cannot be deleted on either engine, with or without
    // this migration (the grades' delete trigger of 0012 counts a version for the class gone).
    await db.insertInto('attendance_event').values(absence(p, '2025-10-01')).execute();
    const { school_id } = await db.selectFrom('class').select('school_id').where('id', '=', p.classId).executeTakeFirstOrThrow();

    await db.deleteFrom('school').where('id', '=', school_id).execute();

    expect([await count(db, 'attendance_event'), await orphans(db)]).toEqual([0, 0]);
    await db.destroy();
  });
});

/** Resolves once another connection of this database waits for a lock (the statement blocked). */
async function someoneWaits(db: Db): Promise<void> {
  const waiting = sql<{ n: number }>`select count(*)::int as n from pg_stat_activity
    where datname = current_database() and wait_event_type = 'Lock'`;
  while ((await waiting.execute(db)).rows[0]!.n === 0) await new Promise((resolve) => setTimeout(resolve, 10));
}

const settled = <T>(promise: Promise<T>) => promise.then(() => 'done' as const, (err: Error) => err);

describe.runIf(onPostgres)('migration 0034 under concurrent transactions (PostgreSQL, READ COMMITTED)', () => {
  test('when events of a student are written but not committed, then deleting the student waits, and then deletes them too', async () => {
    const db = await createTestDb();
    const p = await parents(db);
    const writer: ControlledTransaction<any> = await db.startTransaction().execute();
    await writer.insertInto('attendance_event').values(absence(p, '2025-10-01')).execute();
    await writer.insertInto('grade').values(grade(p, '2025-10-01')).execute();

    const deleting = settled(db.deleteFrom('student').where('id', '=', p.studentId).execute());
    await someoneWaits(db);
    await writer.commit().execute();

    expect(await deleting).toBe('done');
    expect([await count(db, 'attendance_event'), await count(db, 'grade'), await orphans(db)]).toEqual([0, 0, 0]);
    await db.destroy();
  });

  test.each(['commit', 'rollback'] as const)(
    'when a student is deleted but not committed, then writing its events waits, and fails if the delete commits (%s)',
    async (end) => {
      const db = await createTestDb();
      const p = await parents(db);
      const deleter: ControlledTransaction<any> = await db.startTransaction().execute();
      await deleter.deleteFrom('student').where('id', '=', p.studentId).execute();

      const writing = settled(db.insertInto('attendance_event').values(absence(p, '2025-10-01')).execute());
      await someoneWaits(db);
      await (end === 'commit' ? deleter.commit() : deleter.rollback()).execute();

      const outcome = await writing;
      if (end === 'commit') expect(outcome).toMatchObject({ code: '23503' });
      else expect(outcome).toBe('done');
      expect([await count(db, 'attendance_event'), await orphans(db)]).toEqual([end === 'commit' ? 0 : 1, 0]);
      await db.destroy();
    },
  );

  test('when an import writes events of a student without enrolments while the retention purge runs, then the purge waits and takes them with the student', async () => {
    const db = await createTestDb();
    const p = await parents(db);
    const importing: ControlledTransaction<any> = await db.startTransaction().execute();
    await importing.insertInto('attendance_event').values(absence(p, '2025-10-01')).execute();

    const purging = settled(purgeBefore(db, '2000/01'));
    await someoneWaits(db);
    await importing.commit().execute();

    expect(await purging).toBe('done');
    expect([await count(db, 'attendance_event'), await orphans(db)]).toEqual([0, 0]);
    await db.destroy();
  });

  test('when a batch that uncommitted events name is deleted, then the delete waits and is refused once they commit', async () => {
    const db = await createTestDb();
    const p = await parents(db);
    const writer: ControlledTransaction<any> = await db.startTransaction().execute();
    await writer.insertInto('grade').values(grade(p, '2025-10-01')).execute(); // the batch's first event

    const deleting = settled(db.deleteFrom('import_batch').where('id', '=', p.batchId).execute());
    await someoneWaits(db);
    await writer.commit().execute();

    expect(await deleting).toMatchObject({ code: '23503' });
    expect(await orphans(db)).toBe(0);
    await db.destroy();
  });
});

describe.runIf(onPostgres)('migration 0034 under REPEATABLE READ (PostgreSQL)', () => {
  /**
   * A repeatable-read transaction deletes a parent while another commits events naming it after
   * the first took its snapshot: a foreign key fails the delete (40001), as its cascade or check
   * reads the rows committed meanwhile; the outcome here may be any failure, never an orphan.
   */
  async function deleteUnderRepeatableRead(db: Db, parent: 'student' | 'import_batch', id: number, write: (trx: ControlledTransaction<any>) => Promise<unknown>) {
    const writer: ControlledTransaction<any> = await db.startTransaction().execute();
    await write(writer);
    const deleter: ControlledTransaction<any> = await db.startTransaction().setIsolationLevel('repeatable read').execute();
    await sql`select 1`.execute(deleter); // its snapshot: before the events commit

    const deleting = settled(deleter.deleteFrom(parent).where('id', '=', id).execute());
    await someoneWaits(db).catch(() => undefined);
    await writer.commit().execute();
    const outcome = await deleting;
    const ended = await settled(outcome === 'done' ? deleter.commit().execute() : deleter.rollback().execute());
    // A commit that failed leaves kysely's connection taken until a rollback gives it back.
    if (ended !== 'done') await deleter.rollback().execute().catch(() => undefined);
  }

  test('when a student is deleted while events of theirs commit after its snapshot, then no event is left without its student', async () => {
    const db = await createTestDb();
    const p = await parents(db);

    await deleteUnderRepeatableRead(db, 'student', p.studentId, (trx) => trx.insertInto('attendance_event').values(absence(p, '2025-10-01')).execute());

    expect(await orphans(db)).toBe(0);
    await db.destroy();
  });

  test('when an import batch is deleted while events naming it commit after its snapshot, then no event is left without its batch', async () => {
    const db = await createTestDb();
    const p = await parents(db);

    await deleteUnderRepeatableRead(db, 'import_batch', p.batchId, (trx) => trx.insertInto('grade').values(grade(p, '2025-10-01')).execute());

    expect(await orphans(db)).toBe(0);
    await db.destroy();
  });

  test('when a repeatable-read transaction deletes a student, then refused (0A000); changing a name, or deleting nothing, is not', async () => {
    const db = await createTestDb();
    const p = await parents(db);
    const trx: ControlledTransaction<any> = await db.startTransaction().setIsolationLevel('repeatable read').execute();

    try {
      await trx.updateTable('student').set({ first_name: 'Altro' }).where('id', '=', p.studentId).execute();
      await trx.deleteFrom('student').where('id', '=', 999_999).execute();
      await expect(trx.deleteFrom('student').where('id', '=', p.studentId).execute()).rejects.toMatchObject({ code: '0A000' });
    } finally {
      await trx.rollback().execute();
      await db.destroy();
    }
  });
});
