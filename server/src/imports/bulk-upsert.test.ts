import { afterEach, beforeEach, expect, test } from 'vitest';
import type { Db } from '../db/open-database';
import { createTestDb } from '../testing/test-db';
import { aClass, aSchool, aStudent } from '../testing/factories';
import { BulkUpsert } from './bulk-upsert';
import { createContext, type ImportContext } from './import-context';

let db: Db;
let classId: number;
let studentId: number;
beforeEach(async () => {
  db = await createTestDb();
  const school = await aSchool(db);
  classId = (await aClass(db, school.id)).id;
  studentId = (await aStudent(db)).id;
});
afterEach(async () => {
  await db.destroy();
});

const KEY = ['student_id', 'date', 'kind'];
const COMPARED = ['class_id', 'hours', 'justified', 'deroga', 'deroga_decided_on'];

function absence(date: string, hours: number) {
  return {
    student_id: studentId,
    class_id: classId,
    date,
    kind: 'assenza',
    hours,
    justified: 1,
    deroga: null,
    deroga_decided_on: null,
    import_batch_id: null as number | null,
  };
}

async function write(rows: ReturnType<typeof absence>[], chunkSize: number): Promise<ImportContext> {
  const ctx = createContext(db, 'k', null, '2026-01-01T00:00:00Z');
  const sync = new BulkUpsert(ctx, 'attendance_event', KEY, COMPARED, chunkSize);
  for (const r of rows) await sync.put(r);
  await sync.flush();
  return ctx;
}

async function stored() {
  return db.selectFrom('attendance_event').select(['date', 'hours']).orderBy('date').execute();
}

test.each([
  { chunk: 1000, label: 'one chunk' },
  { chunk: 2, label: 'chunks of two' },
])(
  'BulkUpsert ($label): when rows are new, then inserted; the same rows again, then all unchanged',
  async ({ chunk }) => {
    const rows = [absence('2025-10-01', 5), absence('2025-10-02', 6), absence('2025-10-03', 2)];

    expect((await write(rows, chunk)).counts).toEqual({ inserted: 3, updated: 0, unchanged: 0, rejected: 0 });
    expect((await write(rows, chunk)).counts).toEqual({ inserted: 0, updated: 0, unchanged: 3, rejected: 0 });
    expect(await stored()).toEqual([
      { date: '2025-10-01', hours: 5 },
      { date: '2025-10-02', hours: 6 },
      { date: '2025-10-03', hours: 2 },
    ]);
  },
);

test.each([1000, 2])(
  'BulkUpsert (chunk %i): when a corrected file comes, then only the changed row is updated and new ones inserted',
  async (chunk) => {
    await write([absence('2025-10-01', 5), absence('2025-10-02', 6)], chunk);

    const ctx = await write([absence('2025-10-01', 5), absence('2025-10-02', 3), absence('2025-10-05', 1)], chunk);

    expect(ctx.counts).toEqual({ inserted: 1, updated: 1, unchanged: 1, rejected: 0 });
    expect(await stored()).toEqual([
      { date: '2025-10-01', hours: 5 },
      { date: '2025-10-02', hours: 3 },
      { date: '2025-10-05', hours: 1 },
    ]);
  },
);

test.each([1000, 1])(
  'BulkUpsert (chunk %i): when a file repeats a key, then the later line wins and counts as an update of the earlier',
  async (chunk) => {
    const ctx = await write([absence('2025-10-01', 5), absence('2025-10-01', 5), absence('2025-10-01', 4)], chunk);

    expect(ctx.counts).toEqual({ inserted: 1, updated: 1, unchanged: 1, rejected: 0 });
    expect(await stored()).toEqual([{ date: '2025-10-01', hours: 4 }]);
  },
);

test('BulkUpsert: when rows were deleted before (ids not reused), then new rows still count as inserted', async () => {
  await write([absence('2025-10-01', 5), absence('2025-10-02', 6)], 1000);
  await db.deleteFrom('attendance_event').execute();

  const ctx = await write([absence('2025-10-01', 5)], 1000);

  expect(ctx.counts).toEqual({ inserted: 1, updated: 0, unchanged: 0, rejected: 0 });
});

test.each([1000, 2])(
  'BulkUpsert.putValues (chunk %i): when rows come as values in one reused array under numeric keys, then counted and stored as with put',
  async (chunk) => {
    const columns = Object.keys(absence('2025-10-01', 1));
    const send = async (rows: ReturnType<typeof absence>[]) => {
      const ctx = createContext(db, 'k', null, '2026-01-01T00:00:00Z');
      const sync = new BulkUpsert(ctx, 'attendance_event', KEY, COMPARED, chunk, columns);
      const values: unknown[] = [];
      for (const r of rows) {
        columns.forEach((c, i) => (values[i] = r[c as keyof typeof r]));
        await sync.putValues(Number(r.date.replaceAll('-', '')), values);
      }
      await sync.flush();
      return ctx.counts;
    };

    expect(await send([absence('2025-10-01', 5), absence('2025-10-02', 6), absence('2025-10-01', 4)])).toEqual({
      inserted: 2,
      updated: 1,
      unchanged: 0,
      rejected: 0,
    });
    expect(await send([absence('2025-10-01', 4), absence('2025-10-02', 2), absence('2025-10-03', 1)])).toEqual({
      inserted: 1,
      updated: 1,
      unchanged: 1,
      rejected: 0,
    });
    expect(await stored()).toEqual([
      { date: '2025-10-01', hours: 4 },
      { date: '2025-10-02', hours: 2 },
      { date: '2025-10-03', hours: 1 },
    ]);
  },
);

test('BulkUpsert: when values hold tabs, line breaks, backslashes and nulls (COPY text on PostgreSQL), then they are stored as given', async () => {
  const subjects = ['A\tB', 'riga\nnuova', 'C:\\dir\\N', '\\N', 'ritorno\r'];
  const ctx = createContext(db, 'k', null, '2026-01-01T00:00:00Z');
  const sync = new BulkUpsert(
    ctx,
    'grade',
    ['student_id', 'date', 'subject', 'kind'],
    ['class_id', 'raw', 'value', 'in_average', 'judgement'],
  );
  for (const subject of subjects)
    await sync.put({
      student_id: studentId,
      class_id: classId,
      date: '2025-10-01',
      subject,
      kind: 'orale',
      raw: '7½',
      value: 7.5,
      is_conduct: 0,
      in_average: 1,
      judgement: null,
      import_batch_id: null,
    });
  await sync.flush();

  expect(ctx.counts).toEqual({ inserted: 5, updated: 0, unchanged: 0, rejected: 0 });
  const rows = await db.selectFrom('grade').select(['subject', 'raw', 'value', 'judgement']).execute();
  // Sorted here: the database's collation may order tabs and backslashes otherwise.
  const bySubject = (a: { subject: string }, b: { subject: string }) => (a.subject < b.subject ? -1 : 1);
  expect(rows.sort(bySubject)).toEqual(
    subjects.map((subject) => ({ subject, raw: '7½', value: 7.5, judgement: null })).sort(bySubject),
  );
});

test.each([
  { column: 'student_id', value: { student_id: 999_999 } },
  { column: 'class_id', value: { class_id: 999_999 } },
  { column: 'import_batch_id', value: { import_batch_id: 999_999 } },
])(
  'BulkUpsert: when a row of a chunk names a $column that does not exist, then the write fails and no row of the chunk stays (on PostgreSQL checked per statement, migration 0034)',
  async ({ value }) => {
    const rows = [absence('2025-10-01', 5), { ...absence('2025-10-02', 6), ...value }, absence('2025-10-03', 2)];

    await expect(write(rows, 1000)).rejects.toThrow(/foreign key/i);
    expect(await stored()).toEqual([]);
  },
);

test('BulkUpsert: when an update moves a stored row to a class that does not exist, then the write fails and the row stays as it was', async () => {
  await write([absence('2025-10-01', 5)], 1000);

  await expect(write([{ ...absence('2025-10-01', 6), class_id: 999_999 }], 1000)).rejects.toThrow(/foreign key/i);
  expect(await stored()).toEqual([{ date: '2025-10-01', hours: 5 }]);
});
