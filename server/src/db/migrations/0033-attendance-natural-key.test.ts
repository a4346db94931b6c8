import { CompiledQuery, Migrator } from 'kysely';
import { expect, test } from 'vitest';
import { openSqlite } from '../open-database';
import { migrationProvider } from './index';
import { earlyRows } from './testing/early-rows';

const event = (studentId: number, classId: number, date: string, kind: string, hours: number) => ({
  student_id: studentId,
  class_id: classId,
  date,
  kind: kind as 'assenza',
  hours,
  justified: 0,
  deroga: null,
  deroga_decided_on: null,
  import_batch_id: null,
});

const rowsByKey = (db: ReturnType<typeof openSqlite>) =>
  db
    .selectFrom('attendance_event')
    .select(['student_id', 'class_id', 'date', 'kind', 'hours'])
    .orderBy('student_id')
    .orderBy('date')
    .orderBy('kind')
    .execute();

const raw = async <T>(db: ReturnType<typeof openSqlite>, text: string) =>
  (await db.executeQuery<T>(CompiledQuery.raw(text))).rows;

test('migration 0033: when applied over stored attendance, then every row stays, keyed by (student, date, kind) without rowid or class index, its data_version triggers back; undone, then the id is back', async () => {
  const db = openSqlite(':memory:');
  const migrator = new Migrator({ db, provider: migrationProvider });
  await migrator.migrateTo('0028-import-inbox-folder');
  const early = await earlyRows(db);
  const cls = { id: early.classId };
  const a = { id: early.studentId };
  const b = await db
    .insertInto('student')
    .values({ pseudonym: 'q', last_name: 'B', first_name: 'L', sex: 'M', birth_date: '2009-02-02', citizenship: 'Italia', born_in_italy: 1, created_at: early.now, updated_at: early.now })
    .returning('id')
    .executeTakeFirstOrThrow();
  // Written out of key order: the copy must not depend on the old ids.
  await db
    .insertInto('attendance_event')
    .values([
      event(b.id, cls.id, '2025-10-02', 'assenza', 5),
      event(a.id, cls.id, '2025-10-03', 'uscita_anticipata', 1),
      event(a.id, cls.id, '2025-10-03', 'assenza', 6),
    ] as never)
    .execute();
  const before = await rowsByKey(db);

  expect((await migrator.migrateTo('0033-attendance-natural-key')).error).toBeUndefined();

  expect(await rowsByKey(db)).toEqual(before);
  expect(before).toHaveLength(3);
  const [table] = await raw<{ sql: string }>(db, `select sql from sqlite_master where name = 'attendance_event'`);
  expect(table!.sql).toMatch(/primary key \(student_id, date, kind\)\s*\) without rowid$/i);
  expect(await raw(db, `select name from sqlite_master where type = 'index' and tbl_name = 'attendance_event' and sql is not null`)).toEqual([]);
  expect(await raw(db, `select name from sqlite_master where type = 'trigger' and tbl_name = 'attendance_event' order by name`)).toEqual([
    { name: 'attendance_event_delete_data_version' },
    { name: 'attendance_event_insert_data_version' },
    { name: 'attendance_event_update_data_version' },
  ]);
  const version = async () => (await raw<{ version: number }>(db, 'select version from data_version'))[0]!.version;
  const v = await version();
  await db.insertInto('attendance_event').values(event(b.id, cls.id, '2025-10-06', 'assenza', 2)).execute();
  expect(await version()).toBe(v + 1);
  // Foreign keys still hold on the rebuilt table.
  await expect(
    db.insertInto('attendance_event').values(event(9999, cls.id, '2025-10-06', 'assenza', 2)).execute(),
  ).rejects.toThrow(/FOREIGN KEY/);

  expect((await migrator.migrateDown()).error).toBeUndefined();
  expect(await raw(db, `select id, date from attendance_event where student_id = ${b.id} order by date`)).toEqual([
    { id: expect.any(Number), date: '2025-10-02' },
    { id: expect.any(Number), date: '2025-10-06' },
  ]);
  await db.destroy();
});
