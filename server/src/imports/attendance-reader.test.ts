import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import { generateRegion } from '../../../scripts/gen/generate-region';
import type { Db } from '../db/open-database';
import { createTestDb } from '../testing/test-db';
import { CHUNKS_AHEAD, closeReaderThread, readAttendanceInThread } from './attendance-reader';
import { attendanceWriter, readAttendance } from './attendance-rows';
import { CsvSyntaxError } from './csv-parser';
import { createContext, type ImportContext } from './import-context';
import { loadClasses } from './load-classes';
import { loadCalendar, loadSchool } from './load-school';
import { loadStudents } from './load-students';

/** Chunks the reader thread has sent, counted as the import's thread receives them. */
const sent = vi.hoisted(() => ({ chunks: 0 }));
vi.mock('node:worker_threads', async (original) => {
  const real = await original<typeof import('node:worker_threads')>();
  class Worker extends real.Worker {
    constructor(...args: ConstructorParameters<typeof real.Worker>) {
      super(...args);
      this.on('message', (m: object) => {
        if ('chunk' in m) sent.chunks++;
      });
    }
  }
  return { ...real, Worker, default: { ...real, Worker } };
});

// Small chunks, so that a file of a few thousand rows crosses many of them.
const CHUNK_ROWS = 30;
let region: string;
let school: string;
let clean: string;
let lines: string[];

beforeAll(async () => {
  region = mkdtempSync(join(tmpdir(), 'primm-reader-'));
  await generateRegion({ students: 40, schools: 1, seed: 5, asOf: '2026-02-28', outDir: region });
  school = join(region, readdirSync(region, { withFileTypes: true }).find((d) => d.isDirectory())!.name);
  clean = join(region, 'clean', school.split(/[\\/]/).pop()!);
  cpSync(school, clean, { recursive: true });
  lines = readFileSync(join(school, 'assenze.csv'), 'utf8').trimEnd().split('\n');
  // A key repeated in a later chunk with other hours (an update of the earlier line: the
  // later line wins), and rows the rule rejects, in chunks far apart.
  const repeated = lines[60]!.split(';');
  repeated[3] = repeated[3] === '1' ? '2' : '1';
  lines.splice(100, 0, repeated.join(';'));
  const bad = (line: number, edit: (fields: string[]) => void) => {
    const fields = lines[line - 1]!.split(';');
    edit(fields);
    lines[line - 1] = fields.join(';');
  };
  bad(3, (f) => (f[0] = 'RSSMRA80A01H501X'));
  bad(120, (f) => (f[2] = 'gita'));
  bad(222, (f) => (f[3] = '99'));
  bad(lines.length, (f) => (f[4] = 'forse'));
  writeFileSync(join(school, 'assenze.csv'), `${lines.join('\n')}\n`);
});

afterAll(() => rmSync(region, { recursive: true, force: true }));

type Reader = typeof readAttendance;
const inThread: Reader = readAttendanceInThread;

/** One school's files up to studenti.csv in a transaction of `db`, then its attendance through `read`. */
async function readSchool(
  db: Db,
  read: Reader,
  dir = school,
  onSync?: (sync: ReturnType<typeof attendanceWriter>) => void,
) {
  return db.transaction().execute(async (trx) => {
    const ctx = createContext(trx, 'test-key', null, '2026-03-01T00:00:00Z');
    const state = (await loadSchool(ctx, dir))!;
    await loadCalendar(ctx, dir, state);
    await loadClasses(ctx, dir, state);
    await loadStudents(ctx, dir, state);
    const before = { ...ctx.counts };
    const sync = attendanceWriter(ctx, CHUNK_ROWS);
    onSync?.(sync);
    const ok = await read(ctx, dir, state, sync).finally(() => closeReaderThread(ctx));
    await sync.flush();
    return { ok, ...attendanceOutcome(ctx, before) };
  });
}

function attendanceOutcome(ctx: ImportContext, before: ImportContext['counts']) {
  const stats = [...ctx.files.values()].find((s) => s.kind === 'assenze')!;
  return {
    counts: Object.fromEntries(Object.entries(ctx.counts).map(([k, n]) => [k, n - before[k as keyof typeof before]])),
    issues: ctx.issues.filter((i) => i.file.endsWith('assenze.csv')),
    file: { counts: stats.counts, read: stats.read, dateFrom: stats.dateFrom, dateTo: stats.dateTo },
  };
}

const storedRows = (db: Db) =>
  db
    .selectFrom('attendance_event')
    .select(['student_id', 'date', 'kind', 'class_id', 'hours', 'justified', 'deroga', 'deroga_decided_on'])
    .orderBy('student_id')
    .orderBy('date')
    .orderBy('kind')
    .execute();

test('readAttendanceInThread: when a file spans many chunks with rejected rows and a repeated key, then counts, errors (line and column) and rows are those of reading it here', async () => {
  const here = await createTestDb();
  const thread = await createTestDb();

  const expected = await readSchool(here, readAttendance);
  const actual = await readSchool(thread, inThread);

  expect(expected.issues.map((i) => [i.line, i.column])).toEqual([
    [3, 'Codice fiscale'],
    [120, 'Tipo'],
    [222, 'Ore'],
    [lines.length, 'Giustificata'],
  ]);
  expect(expected.counts).toMatchObject({ inserted: lines.length - 1 - 4 - 1, updated: 1, rejected: 4 });
  expect(actual).toEqual(expected);
  expect(await storedRows(thread)).toEqual(await storedRows(here));
  await here.destroy();
  await thread.destroy();
});

test('readAttendanceInThread: when the same file is read again, then nothing is inserted or updated', async () => {
  const db = await createTestDb();
  const first = await readSchool(db, inThread, clean);
  const rows = await storedRows(db);

  const again = await readSchool(db, inThread, clean);

  expect(again.counts).toMatchObject({ inserted: 0, updated: 0, rejected: 0, unchanged: first.counts.inserted });
  expect(rows.length).toBe(first.counts.inserted);
  expect(await storedRows(db)).toEqual(rows);
  await db.destroy();
});

test('readAttendanceInThread: when the writer holds its first chunk, then the reader sends CHUNKS_AHEAD chunks and waits', async () => {
  const db = await createTestDb();
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  let sentWhileHeld = 0;
  let written = 0;
  sent.chunks = 0;

  await readSchool(db, inThread, school, (sync) => {
    const put = sync.putDistinct.bind(sync);
    sync.putDistinct = async (fill) => {
      if (written === 0) {
        while (sent.chunks < CHUNKS_AHEAD) await sleep(5);
        await sleep(200); // time enough for a reader that did not wait to send more
        sentWhileHeld = sent.chunks;
      }
      await put(fill);
      written++;
    };
  });

  expect(sentWhileHeld).toBe(CHUNKS_AHEAD);
  expect(written).toBeGreaterThan(CHUNKS_AHEAD * 2);
  await db.destroy();
});

test('readAttendanceInThread: when the file breaks after chunks were written, then the error is the one read here gives and the transaction leaves no row', async () => {
  const dir = join(region, 'broken', school.split(/[\\/]/).pop()!);
  cpSync(school, dir, { recursive: true });
  writeFileSync(join(dir, 'assenze.csv'), `${lines.join('\n')}\n${lines[5]!.replace(';', ';"')}\n`);
  const here = await createTestDb();
  const thread = await createTestDb();

  const expected = await readSchool(here, readAttendance, dir).catch((err: unknown) => err);
  const actual = await readSchool(thread, inThread, dir).catch((err: unknown) => err);

  expect(expected).toBeInstanceOf(CsvSyntaxError);
  expect(actual).toBeInstanceOf(CsvSyntaxError);
  expect((actual as Error).message).toBe((expected as Error).message);
  expect(await thread.selectFrom('attendance_event').select('date').execute()).toEqual([]);
  expect(await thread.selectFrom('student').select('id').execute()).toEqual([]);
  await here.destroy();
  await thread.destroy();
});
