import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { generateRegion } from '../../../scripts/gen/generate-region';
import type { Db } from '../db/open-database';
import { importPaths } from '../imports/import-paths';
import { createTestDb } from '../testing/test-db';
import { readClassVersions } from '../school-data/grade-versions';
import { parseGradeDigest } from './grade-digest-store';
import { recomputeAll, recomputeSchool } from './recompute';
import { countingGradeReads } from '../testing/stale-region';
import { findDataAsOf } from '../school-data/load-school-data';
import { importFixtureSchool } from '../testing/fixture-school';
import { parseIndicators } from '../risk/stored-indicators';

const storedResults = (db: Db) =>
  db
    .selectFrom('risk_result')
    .select(['student_id', 'tier', 'score', 'as_of', 'indicators', 'input_hash'])
    .orderBy('student_id')
    .execute();
const digestOf = async (db: Db, studentId: number) =>
  parseGradeDigest(
    (await db.selectFrom('grade_digest').select('digest').where('student_id', '=', studentId).executeTakeFirstOrThrow())
      .digest,
  );

test("import: the school's grade digests are stored with its class versions; the next recompute reads them, not the grades, and rewrites nothing", async () => {
  const db = await createTestDb();
  const { schoolId, classId, rossi, hoxha } = await importFixtureSchool(db);
  const { plugin, reads } = countingGradeReads();

  const summary = await recomputeSchool(db.withPlugin(plugin), schoolId);

  expect(summary).toMatchObject({ students: 2, written: 0, unchanged: 2 });
  expect(reads).toMatchObject({ grades: 0, digests: 1 });
  const state = await db
    .selectFrom('grade_digest_state')
    .selectAll()
    .where('school_id', '=', schoolId)
    .executeTakeFirstOrThrow();
  // All the school's classes, with the versions their grades are at; 30/01/2026: Hoxha's conduct grade.
  expect(state).toMatchObject({
    class_versions: await readClassVersions(
      db,
      (await db.selectFrom('class').select('id').where('school_id', '=', schoolId).orderBy('id').execute()).map(
        (c) => c.id,
      ),
    ),
    latest_grade: '2026-01-30',
  });
  expect(state.class_versions).toContain(`${classId}:`);
  expect((await digestOf(db, hoxha)).conduct).toMatchObject({ date: '2026-01-30' });
  expect((await digestOf(db, rossi)).subject.length).toBeGreaterThan(0);
});

test('a grade changed outside an import (a manual fix): the next recompute reads the grades again, rewrites the class (its average moved) and stores the new digest', async () => {
  const db = await createTestDb();
  const { schoolId, rossi } = await importFixtureSchool(db);
  const before = await digestOf(db, rossi);
  await db
    .updateTable('grade')
    .set({ value: 2 })
    .where('student_id', '=', rossi)
    .where('is_conduct', '=', 0)
    .where('in_average', '=', 1)
    .execute();
  const { plugin, reads } = countingGradeReads();

  const summary = await recomputeSchool(db.withPlugin(plugin), schoolId);

  expect(reads).toMatchObject({ grades: 1, digests: 0 });
  expect(summary).toMatchObject({ students: 2, written: 2 }); // Hoxha too: the class average is an input
  const after = await digestOf(db, rossi);
  expect(after.subject.every((_s, i) => after.sum[i] === 2 * after.n[i]! && after.ssum[i] === 2 * after.sn[i]!)).toBe(
    true,
  );
  expect(after).not.toEqual(before);
  const failing = parseIndicators(
    (await db.selectFrom('risk_result').select('indicators').where('student_id', '=', rossi).executeTakeFirstOrThrow())
      .indicators,
  ).find((i) => i.key === 'failing_subjects')!;
  expect(failing.value).toBe(
    after.subject.length > 0 ? new Set(after.subject.map((s) => s.trim().toUpperCase())).size : null,
  );
  // And the one after reads the new digests.
  const again = countingGradeReads();
  await recomputeSchool(db.withPlugin(again.plugin), schoolId);
  expect(again.reads).toMatchObject({ grades: 0, digests: 1 });
});

test("the school's terms changed (a grade may now fall in another term): the grades are read again", async () => {
  const db = await createTestDb();
  const { schoolId } = await importFixtureSchool(db);
  await db
    .updateTable('term')
    .set({ starts_on: '2026-01-10' })
    .where('school_id', '=', schoolId)
    .where('seq', '=', 2)
    .execute();
  const { plugin, reads } = countingGradeReads();

  await recomputeSchool(db.withPlugin(plugin), schoolId);

  expect(reads).toMatchObject({ grades: 1, digests: 0 });
});

test('a generated region: the results computed from the stored digests equal those computed from the grades, input hashes included', async () => {
  const work = mkdtempSync(join(tmpdir(), 'primm-digests-'));
  await generateRegion({ students: 150, schools: 5, seed: 23, asOf: '2026-03-20', outDir: join(work, 'region') });
  const db = await createTestDb();
  await importPaths(db, [join(work, 'region')], { pseudonymKey: 'test-key', source: 'cli', recompute: false });
  const fromGrades = countingGradeReads();
  const first = await recomputeAll(db.withPlugin(fromGrades.plugin), { threads: 1 });
  const expected = await storedResults(db);
  const digests = Number(
    (
      await db
        .selectFrom('grade_digest')
        .select(({ fn }) => fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
  await db.deleteFrom('risk_result').execute();
  await db.deleteFrom('risk_school_state').execute();
  const fromDigests = countingGradeReads();

  const second = await recomputeAll(db.withPlugin(fromDigests.plugin), { threads: 1 });

  expect(expected.length).toBeGreaterThan(100);
  expect(digests).toBeGreaterThanOrEqual(expected.length);
  expect(fromGrades.reads).toMatchObject({ grades: 5, digests: 0 });
  expect(fromDigests.reads).toMatchObject({ grades: 0, digests: 5 });
  expect(second).toMatchObject({ students: first.students, written: first.written });
  expect(await storedResults(db)).toEqual(expected);
}, 60_000);

test("findDataAsOf: while the digests are current, the grades' latest date comes from their state (no scan of the grades); a grade added since is seen", async () => {
  const db = await createTestDb();
  const { schoolId, classId, rossi } = await importFixtureSchool(db);
  const year = await db
    .selectFrom('class')
    .select('school_year_id')
    .where('id', '=', classId)
    .executeTakeFirstOrThrow();
  const classIds = (
    await db.selectFrom('class').select('id').where('school_id', '=', schoolId).orderBy('id').execute()
  ).map((c) => c.id);
  const school = { schoolId, schoolYearId: year.school_year_id, classIds };
  const scans = { n: 0 };
  const watched = db.withPlugin({
    transformQuery: ({ node }) => {
      if (node.kind === 'SelectQueryNode' && JSON.stringify(node).includes('"name":"grade"}')) scans.n++;
      return node;
    },
    transformResult: async ({ result }) => result,
  });

  expect(await findDataAsOf(watched, school, '2025-09-15', '2026-06-06')).toBe('2026-01-30');
  expect(scans.n).toBe(0);
  await db
    .insertInto('grade')
    .values({
      student_id: rossi,
      class_id: classId,
      date: '2026-02-03',
      subject: 'STORIA',
      kind: 'orale',
      raw: '7',
      value: 7,
      in_average: 1,
      is_conduct: 0,
      judgement: null,
      import_batch_id: null,
    })
    .execute();
  expect(await findDataAsOf(watched, school, '2025-09-15', '2026-06-06')).toBe('2026-02-03');
  expect(scans.n).toBe(1);
});
