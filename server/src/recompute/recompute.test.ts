import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import type { KyselyPlugin } from 'kysely';
import { expect, test } from 'vitest';
import { lockForImport, lockForSchoolRecompute } from '../db/advisory-locks';
import { generateRegion } from '../../../scripts/gen/generate-region';
import { migrateToLatest } from '../db/migrate';
import { importPaths } from '../imports/import-paths';
import { openSqlite, type Db } from '../db/open-database';
import { ensureReferenceData } from '../reference/load-reference';
import { aClass, aSchool } from '../testing/factories';
import { anotherInstanceOf, createTestDb, onPostgres } from '../testing/test-db';
import { recomputeAll, recomputeSchool } from './recompute';
import { insertRiskSettingsVersion, findLatestRiskSettings } from '../risk-settings/repository';
import { importFixtureSchool } from '../testing/fixture-school';
import { aStaleRegion, countingGradeReads, tierChangesLoggedOnce } from '../testing/stale-region';
import { parseIndicators } from '../risk/stored-indicators';

const results = (db: Awaited<ReturnType<typeof createTestDb>>) =>
  db
    .selectFrom('risk_result')
    .select(['student_id', 'tier', 'settings_version', 'as_of', 'input_hash', 'computed_at'])
    .orderBy('student_id')
    .execute();

test('import: when the fixture school is imported, then its enrolled students have results, version 1, as of the latest event', async () => {
  const db = await createTestDb();

  const { rossi, hoxha } = await importFixtureSchool(db);

  // Bianchi left on 20/02/2026: not enrolled now, no result. 30/01/2026: Hoxha's conduct grade, the latest event.
  expect(await results(db)).toMatchObject([
    { student_id: rossi, tier: 1, settings_version: 1, as_of: '2026-01-30' },
    { student_id: hoxha, tier: 2, settings_version: 1, as_of: '2026-01-30' },
  ]);
  expect(await db.selectFrom('settings_version').select('version').execute()).toEqual([{ version: 1 }]);
});

test('recomputeAll: when nothing changed since the last computation, then nothing is written and computed_at stays', async () => {
  const db = await createTestDb();
  await importFixtureSchool(db);
  const before = await results(db);

  const summary = await recomputeAll(db);

  expect(summary).toMatchObject({ students: 2, written: 0, unchanged: 2 });
  expect(await results(db)).toEqual(before);
});

test('recomputeSchool: when an absence is added, then only that student is rewritten', async () => {
  const db = await createTestDb();
  const { schoolId, classId, rossi } = await importFixtureSchool(db);
  await db
    .insertInto('attendance_event')
    .values({
      student_id: rossi,
      class_id: classId,
      date: '2026-01-29',
      kind: 'assenza',
      hours: 6,
      justified: 0,
      deroga: null,
      deroga_decided_on: null,
      import_batch_id: null,
    })
    .execute();

  const summary = await recomputeSchool(db, schoolId);

  expect(summary).toMatchObject({ students: 2, written: 1, unchanged: 1 });
  const row = await db
    .selectFrom('risk_result')
    .select('indicators')
    .where('student_id', '=', rossi)
    .executeTakeFirstOrThrow();
  expect(parseIndicators(row.indicators)[0]).toMatchObject({
    key: 'attendance_rate',
    details: { hoursAbsent: 12, hoursHeld: 528 },
  });
});

test('recomputeSchool: when a student leaves the class, then their result is removed', async () => {
  const db = await createTestDb();
  const { schoolId, hoxha } = await importFixtureSchool(db);
  await db
    .updateTable('enrolment')
    .set({ left_on: '2026-01-20', exit_reason: 'ritirato' })
    .where('student_id', '=', hoxha)
    .execute();

  const summary = await recomputeSchool(db, schoolId);

  // Removed: Hoxha; rewritten: Rossi, whose class average comparison no longer includes Hoxha.
  expect(summary).toMatchObject({ students: 1, written: 2, unchanged: 0 });
  expect((await results(db)).map((r) => r.student_id)).not.toContain(hoxha);
});

test('recomputeAll: when a settings version 2 exists, then every result is rewritten with version 2', async () => {
  const db = await createTestDb();
  await importFixtureSchool(db);
  const { data } = await findLatestRiskSettings(db);
  const { version: _v, ...rest } = data;
  await insertRiskSettingsVersion(
    db,
    { ...rest, grades: { ...rest.grades, passMark: 5 } },
    (
      await db
        .insertInto('app_user')
        .values({
          email: 'a@b.it',
          display_name: 'Admin',
          role: 'admin',
          password_hash: null,
          created_at: '2025-01-01',
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id,
  );

  const summary = await recomputeAll(db);

  expect(summary).toMatchObject({ students: 2, written: 2, unchanged: 0 });
  expect((await results(db)).map((r) => r.settings_version)).toEqual([2, 2]);
});

test('recomputeSchool: when the current year has no calendar for the school, then nothing is computed', async () => {
  const db = await createTestDb();
  const { schoolId } = await importFixtureSchool(db);
  await aClass(db, schoolId, { name: '5Z', year: '2026/27' }); // a newer year without a calendar becomes "current"

  const summary = await recomputeSchool(db, schoolId);

  expect(summary).toMatchObject({ students: 0, written: 0 });
});

/** `db` seen through a plugin that notes whether any query reads a student's grades or events. */
function watchingReads(db: Db) {
  const seen = { rows: false };
  const plugin: KyselyPlugin = {
    transformQuery: ({ node }) => {
      // Table identifiers, and the recompute's own SQL text (school-streams.ts).
      if (/"name":"(grade|attendance_event)"|from (grade|attendance_event)\b/.test(JSON.stringify(node)))
        seen.rows = true;
      return node;
    },
    transformResult: async ({ result }) => result,
  };
  return { db: db.withPlugin(plugin), seen };
}
const stamps = (db: Db) => db.selectFrom('risk_school_state').select(['school_id', 'stamp', 'results']).execute();

test('recomputeAll: when nothing changed since the import, then the school is skipped without reading its grades or events', async () => {
  const db = await createTestDb();
  await importFixtureSchool(db);
  const watched = watchingReads(db);

  const summary = await recomputeAll(watched.db);

  expect(summary).toMatchObject({ students: 2, written: 0, unchanged: 2 });
  expect(watched.seen.rows).toBe(false);
});

test('recomputeAll: when another import was committed since, then the school is read again, nothing is rewritten, and the next run skips it', async () => {
  const db = await createTestDb();
  await importFixtureSchool(db);
  await db
    .insertInto('import_batch')
    .values({ started_at: '2026-02-01T08:00:00Z', source: 'cli', status: 'committed', files: '[]' })
    .execute();
  const first = watchingReads(db);

  const summary = await recomputeAll(first.db);

  expect(first.seen.rows).toBe(true);
  expect(summary).toMatchObject({ students: 2, written: 0, unchanged: 2 });
  const again = watchingReads(db);
  await recomputeAll(again.db);
  expect(again.seen.rows).toBe(false);
});

test('import: when the school is imported again, then its stamp names the new batch and recomputeAll has nothing to read', async () => {
  const db = await createTestDb();
  await importFixtureSchool(db);
  const before = await stamps(db);

  await importFixtureSchool(db);

  const after = await stamps(db);
  expect(after).toHaveLength(1);
  expect(after[0]!.stamp).not.toBe(before[0]!.stamp);
  expect(after[0]!.results).toBe(2);
  const watched = watchingReads(db);
  await recomputeAll(watched.db);
  expect(watched.seen.rows).toBe(false);
});

test('recomputeAll: when the stored results were deleted, then the school is recomputed though its stamp is current', async () => {
  const db = await createTestDb();
  await importFixtureSchool(db);
  await db.deleteFrom('risk_result').execute();

  const summary = await recomputeAll(db);

  expect(summary).toMatchObject({ students: 2, written: 2, unchanged: 0 });
});

test('recomputeAll: when past outcomes were purged, then the school is read again and the student whose history changed is rewritten', async () => {
  const db = await createTestDb();
  const { hoxha } = await importFixtureSchool(db);
  await db.deleteFrom('outcome').where('student_id', '=', hoxha).execute(); // as the retention purge does, outside any import

  const summary = await recomputeAll(db);

  expect(summary).toMatchObject({ students: 2, written: 1, unchanged: 1 });
});

test.skipIf(onPostgres)(
  'recomputeAll: when threads compute the schools of a SQLite file, then the results are those of one thread',
  async () => {
    const db = openSqlite(join(mkdtempSync(join(tmpdir(), 'primm-recompute-')), 'primm.sqlite'));
    await migrateToLatest(db);
    await ensureReferenceData(db);
    await importFixtureSchool(db);
    const rows = () =>
      db
        .selectFrom('risk_result')
        .select(['student_id', 'tier', 'score', 'indicators', 'input_hash'])
        .orderBy('student_id')
        .execute();
    const expected = await rows();
    await db.deleteFrom('risk_result').execute();

    const summary = await recomputeAll(db, { threads: 2 });

    expect(summary).toMatchObject({ students: 2, written: 2, unchanged: 0 });
    expect(await rows()).toEqual(expected);
    await db.destroy();
  },
  // The thread's bundle built (esbuild) and two threads started: 2.2 s alone, ≈ 5 s at load 10–12.
  30_000,
);

test.runIf(onPostgres)(
  'PostgreSQL: when an import holds its lock, then a school recompute waits for its data instead of reading what is about to change',
  async () => {
    const db = await createTestDb();
    const { schoolId } = await importFixtureSchool(db);
    let finishImport!: () => void;
    const importDone = new Promise<void>((resolve) => (finishImport = resolve));
    let locked!: () => void;
    const lockTaken = new Promise<void>((resolve) => (locked = resolve));
    const importing = db.transaction().execute(async (trx) => {
      await lockForImport(trx);
      locked();
      await importDone;
    });
    await lockTaken;

    const recompute = recomputeSchool(db, schoolId).then(() => 'done');
    const during = await Promise.race([recompute, delay(400).then(() => 'waiting')]);
    finishImport();
    await importing;

    expect(during).toBe('waiting');
    expect(await recompute).toBe('done');
  },
);

test.runIf(onPostgres)(
  'PostgreSQL: when a school is being recomputed, then a second recompute of it waits (no tier change logged twice), one of another school does not',
  async () => {
    const db = await createTestDb();
    const { schoolId } = await importFixtureSchool(db);
    const other = await aSchool(db, { code: 'MCIS00100A' });
    let finish!: () => void;
    const firstDone = new Promise<void>((resolve) => (finish = resolve));
    let locked!: () => void;
    const lockTaken = new Promise<void>((resolve) => (locked = resolve));
    const first = db.transaction().execute(async (trx) => {
      await lockForSchoolRecompute(trx, schoolId);
      locked();
      await firstDone;
    });
    await lockTaken;

    const same = recomputeSchool(db, schoolId).then(() => 'done');
    const otherSchool = await Promise.race([
      recomputeSchool(db, other.id).then(() => 'done'),
      delay(2000).then(() => 'waiting'),
    ]);
    const sameDuring = await Promise.race([same, delay(400).then(() => 'waiting')]);
    finish();
    await first;

    expect(otherSchool).toBe('done');
    expect(sameDuring).toBe('waiting');
    expect(await same).toBe('done');
  },
);

test('recomputeAll: when called twice at once (the start-up recompute and the admin, on threads), then they run one after the other and each tier change is logged once', async () => {
  const db = onPostgres
    ? await createTestDb()
    : openSqlite(join(mkdtempSync(join(tmpdir(), 'primm-recompute-twice-')), 'primm.sqlite'));
  if (!onPostgres) {
    await migrateToLatest(db);
    await ensureReferenceData(db);
  }
  await importFixtureSchool(db);
  await db.updateTable('risk_result').set({ tier: 3, input_hash: 'stale' }).execute();
  await db.deleteFrom('risk_school_state').execute();

  const [first, second] = await Promise.all([recomputeAll(db, { threads: 2 }), recomputeAll(db, { threads: 2 })]);

  expect(first).toMatchObject({ students: 2, written: 2, tierChanged: 2 });
  expect(second).toMatchObject({ students: 2, written: 0, unchanged: 2, tierChanged: 0 });
  const changes = await db.selectFrom('risk_tier_change').select(['student_id', 'from_tier']).execute();
  expect(changes).toHaveLength(2);
  expect(changes.every((c) => c.from_tier === 3)).toBe(true);
  await db.destroy();
});

test('recomputeAll: when schools are recomputed several at once (threads on SQLite, connections on PostgreSQL), then the results are those of one at a time', async () => {
  const work = mkdtempSync(join(tmpdir(), 'primm-recompute-parallel-'));
  await generateRegion({ students: 120, schools: 4, seed: 11, asOf: '2026-01-31', outDir: join(work, 'region') });
  const db = onPostgres ? await createTestDb() : openSqlite(join(work, 'primm.sqlite'));
  if (!onPostgres) {
    await migrateToLatest(db);
    await ensureReferenceData(db);
  }
  await importPaths(db, [join(work, 'region')], { pseudonymKey: 'test-key', source: 'cli', recompute: false });
  const stored = () =>
    db
      .selectFrom('risk_result')
      .select(['student_id', 'tier', 'score', 'indicators', 'input_hash'])
      .orderBy('student_id')
      .execute();

  const oneByOne = await recomputeAll(db, { threads: 1 });
  const expected = await stored();
  await db.deleteFrom('risk_result').execute();
  await db.deleteFrom('risk_school_state').execute();
  const together = await recomputeAll(db, { threads: 3 });

  expect(expected.length).toBeGreaterThan(100);
  expect(together).toMatchObject({ students: oneByOne.students, written: oneByOne.written });
  expect(await stored()).toEqual(expected);
  await db.destroy();
}, 60_000);

test.runIf(onPostgres)(
  'PostgreSQL: when two instances recompute the region at once (as when they start together), then they share the schools: each is computed and written once',
  async () => {
    const { db: a, students, schools } = await aStaleRegion(5);
    const b = await anotherInstanceOf(a);
    // How many times a school's grades are read, by either instance: once per school when shared.
    const { plugin, reads } = countingGradeReads();

    const [onA, onB] = await Promise.all([recomputeAll(a.withPlugin(plugin)), recomputeAll(b.withPlugin(plugin))]);

    expect(students).toBeGreaterThan(100);
    expect(onA.written + onB.written).toBe(students); // every result written by one of the two
    expect(onA.students).toBe(students);
    expect(onB.students).toBe(students);
    expect(await tierChangesLoggedOnce(a)).toBe(true);
    expect(reads.n).toBe(schools);
    await b.destroy();
    await a.destroy();
  },
  60_000,
);
