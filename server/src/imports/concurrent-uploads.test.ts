import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { afterEach, expect, test } from 'vitest';
import { generateRegion } from '../../../scripts/gen/generate-region';
import { createApp } from '../app';
import { repoRoot } from '../config';
import { migrateToLatest } from '../db/migrate';
import { openSqlite, type Db } from '../db/open-database';
import { ensureReferenceData } from '../reference/load-reference';
import { SAME_ORIGIN, aUser, authAs } from '../testing/auth-as';
import { aSchool } from '../testing/factories';
import { createTestDb, onPostgres, testConfig } from '../testing/test-db';
import { importPaths } from './import-paths';

// What an import writes, compared by natural keys: surrogate ids, clocks and batch ids depend on
// the order the commits ran in, not on what was imported (input_hash too: it covers the ids).
const TABLES = [
  'school',
  'school_year',
  'school_calendar',
  'term',
  'school_closure',
  'class',
  'student',
  'enrolment',
  'attendance_event',
  'grade',
  'outcome',
  'risk_result',
  'risk_tier_change',
] as const;
const CLOCKS = new Set(['id', 'input_hash', 'created_at', 'updated_at', 'computed_at', 'import_batch_id']);

async function importedData(db: Db): Promise<Record<string, string[]>> {
  const keys = {
    school_id: new Map((await db.selectFrom('school').select(['id', 'code']).execute()).map((r) => [r.id, r.code])),
    school_year_id: new Map(
      (await db.selectFrom('school_year').select(['id', 'label']).execute()).map((r) => [r.id, r.label]),
    ),
    student_id: new Map(
      (await db.selectFrom('student').select(['id', 'pseudonym']).execute()).map((r) => [r.id, r.pseudonym]),
    ),
    class_id: new Map(
      (
        await db
          .selectFrom('class')
          .innerJoin('school', 'school.id', 'class.school_id')
          .innerJoin('school_year', 'school_year.id', 'class.school_year_id')
          .select(['class.id', 'school.code', 'school_year.label', 'class.name'])
          .execute()
      ).map((r) => [r.id, `${r.code} ${r.label} ${r.name}`]),
    ),
  };
  const out: Record<string, string[]> = {};
  for (const t of TABLES) {
    const rows = (await db
      .selectFrom(t as 'school')
      .selectAll()
      .execute()) as Record<string, unknown>[];
    out[t] = rows
      .map((row) =>
        JSON.stringify(
          Object.entries(row)
            .filter(([k]) => !CLOCKS.has(k))
            .map(([k, v]) => [k, k in keys ? keys[k as keyof typeof keys].get(v as number) : v]),
        ),
      )
      .sort();
  }
  return out;
}

/**
 * A migrated database with the schools (known, so that their referents may import them): a SQLite
 * FILE, as in production (not `:memory:`), or a fresh schema when the suite runs on PostgreSQL.
 */
async function databaseWithSchools(path: string, codes: string[]): Promise<Db> {
  let db: Db;
  if (onPostgres) db = await createTestDb();
  else {
    db = openSqlite(path);
    await migrateToLatest(db);
    await ensureReferenceData(db);
  }
  for (const code of codes) await aSchool(db, { code, name: code });
  return db;
}

const servers: Server[] = [];
afterEach(() => {
  for (const s of servers.splice(0)) s.close();
});

// On PostgreSQL importPaths serialises imports with an advisory lock taken before the batch row,
// so batch ids follow the order the imports were applied in; SQLite's one connection serialises
// them by itself. (The lock after the batch row made this test fail by luck: a transfer between
// two schools then depended on which commit won the lock, not on the batch order replayed here.)
test('imports: when 50 uploads and their commits arrive at once (several users, several of the same school), then each gets an answer, each commit is one batch, and the data is that of the same imports in a row', async () => {
  const work = mkdtempSync(join(tmpdir(), 'primm-concurrent-'));
  const region = join(work, 'region');
  await generateRegion({ students: 100, schools: 5, seed: 3, asOf: '2025-10-31', outDir: region });
  const codes = readdirSync(region, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
  const db = await databaseWithSchools(join(work, 'primm.sqlite'), codes);
  const schools = await db.selectFrom('school').select(['id', 'code']).orderBy('code').execute();
  const referents = await Promise.all(
    schools.map(async (s) => authAs(db, await aUser(db, 'referente', { schoolIds: [s.id] }))),
  );
  const secondReferent = await authAs(db, await aUser(db, 'referente', { schoolIds: [schools[0]!.id] }));
  const admin = await authAs(db, await aUser(db, 'admin'));
  // Every school 10 or 15 times (the first by two referents); every tenth upload is the admin's, with two schools at once.
  const uploads = Array.from({ length: 50 }, (_, i) => {
    if (i % 10 === 9) return { as: admin, schools: [codes[3]!, codes[4]!] };
    const s = i % 5;
    return { as: s === 0 && i % 2 === 1 ? secondReferent : referents[s]!, schools: [codes[s]!] };
  });
  const server = createApp({ db, config: { ...testConfig, uploadDir: join(work, 'uploads') } }).listen(0, '127.0.0.1');
  servers.push(server);

  const results = await Promise.all(
    uploads.map(async (u) => {
      const post = request(server).post('/api/imports').set(SAME_ORIGIN).set(u.as).timeout(90_000);
      for (const code of u.schools) {
        for (const f of readdirSync(join(region, code)))
          post.attach('files', join(region, code, f), {
            filepath: `regione/${code}/${f}`,
            contentType: 'text/csv',
          } as never);
      }
      const preview = await post;
      const commit =
        preview.status === 201
          ? await request(server)
              .post(`/api/imports/${preview.body.uploadId}/commit`)
              .set(SAME_ORIGIN)
              .set(u.as)
              .send({})
              .timeout(90_000)
          : undefined;
      return { preview, commit };
    }),
  );

  // Every answer is a success or an explicit refusal in the error envelope, never a bug (500).
  const refused = results
    .flatMap((r) => (r.commit ? [r.preview, r.commit] : [r.preview]))
    .filter((res) => res.status >= 300);
  for (const res of refused) {
    expect(res.status === 503 || res.status < 500, `${res.status} ${JSON.stringify(res.body)}`).toBe(true);
    expect(res.body).toEqual({ error: { code: expect.any(String), message: expect.any(String) } });
  }
  const committed = results.flatMap((r, i) =>
    r.commit?.status === 200 ? [{ batchId: r.commit.body.batchId as number, upload: uploads[i]! }] : [],
  );
  expect(results.map((r) => [r.preview.status, r.commit?.status])).toEqual(uploads.map(() => [201, 200])); // one connection: nothing to refuse
  // The history has one committed batch per committed upload, and nothing left running.
  const batches = await db.selectFrom('import_batch').select(['id', 'status']).orderBy('id').execute();
  expect(batches).toEqual(committed.map((c) => ({ id: c.batchId, status: 'committed' })).sort((a, b) => a.id - b.id));
  // The same uploads imported one after the other, in the order they were committed.
  const reference = await databaseWithSchools(':memory:', codes);
  for (const c of [...committed].sort((a, b) => a.batchId - b.batchId)) {
    // As the web does: a transfer another school still holds is never confirmed by default.
    await importPaths(
      reference,
      c.upload.schools.map((code) => join(region, code)),
      { pseudonymKey: testConfig.pseudonymKey, source: 'web', confirmTransfers: false },
    );
  }
  const [actual, expected] = [await importedData(db), await importedData(reference)];
  expect(expected.grade!.length).toBeGreaterThan(1000);
  expect(actual).toEqual(expected);
  await reference.destroy();
  await db.destroy();
  rmSync(work, { recursive: true, force: true });
}, 180_000);

test('imports: when the same upload is committed twice at once (a double click), then it is imported once, the other commit is refused in the envelope', async () => {
  const work = mkdtempSync(join(tmpdir(), 'primm-double-commit-'));
  const school = join(repoRoot, 'fixtures/import/generator-format/ANPS03000E');
  const db = await databaseWithSchools(join(work, 'primm.sqlite'), []);
  const as = await authAs(db, await aUser(db, 'admin'));
  const server = createApp({ db, config: { ...testConfig, uploadDir: join(work, 'uploads') } }).listen(0, '127.0.0.1');
  servers.push(server);
  const post = request(server).post('/api/imports').set(SAME_ORIGIN).set(as);
  for (const f of readdirSync(school))
    post.attach('files', join(school, f), { filepath: `ANPS03000E/${f}`, contentType: 'text/csv' } as never);
  const preview = await post;

  const commits = await Promise.all(
    [1, 2].map(() =>
      request(server)
        .post(`/api/imports/${preview.body.uploadId}/commit`)
        .set(SAME_ORIGIN)
        .set(as)
        .send({})
        .timeout(60_000),
    ),
  );

  const [done, other] = [...commits].sort((a, b) => a.status - b.status);
  expect(done!.status).toBe(200);
  // 409 while the first runs; 404 (upload gone) if a loaded machine let the first finish before.
  expect({ status: other!.status, body: other!.body }).toEqual(
    other!.status === 404
      ? { status: 404, body: { error: { code: 'not_found', message: expect.any(String) } } }
      : { status: 409, body: { error: { code: 'conflict', message: expect.any(String) } } },
  );
  expect(await db.selectFrom('import_batch').select('status').execute()).toEqual([{ status: 'committed' }]);
  await db.destroy();
  rmSync(work, { recursive: true, force: true });
}, 60_000);

test('imports: when two instances share the upload folder, then either answers the progress of an upload, and the same commit reaching both imports it once', async () => {
  const work = mkdtempSync(join(tmpdir(), 'primm-two-instances-'));
  const school = join(repoRoot, 'fixtures/import/generator-format/ANPS03000E');
  const db = await databaseWithSchools(join(work, 'primm.sqlite'), []);
  const as = await authAs(db, await aUser(db, 'admin'));
  // Two apps, as two instances behind a load balancer: one database, one upload folder, no memory in common.
  const config = { ...testConfig, uploadDir: join(work, 'uploads') };
  const [a, b] = [createApp({ db, config }).listen(0, '127.0.0.1'), createApp({ db, config }).listen(0, '127.0.0.1')];
  servers.push(a!, b!);
  const post = request(a).post('/api/imports').set(SAME_ORIGIN).set(as);
  for (const f of readdirSync(school))
    post.attach('files', join(school, f), { filepath: `ANPS03000E/${f}`, contentType: 'text/csv' } as never);
  const preview = await post;

  const progressOnB = await request(b).get(`/api/imports/${preview.body.uploadId}/progress`).set(as);
  const commits = await Promise.all(
    [a, b].map((server) =>
      request(server)
        .post(`/api/imports/${preview.body.uploadId}/commit`)
        .set(SAME_ORIGIN)
        .set(as)
        .send({})
        .timeout(60_000),
    ),
  );

  expect(progressOnB.body).toEqual({ status: 'uploaded', done: 0, total: 1, school: null });
  const [done, other] = [...commits].sort((x, y) => x.status - y.status);
  expect(done!.status).toBe(200);
  expect([404, 409]).toContain(other!.status); // 409 while the first runs; 404 if it had already finished
  expect(await db.selectFrom('import_batch').select('status').execute()).toEqual([{ status: 'committed' }]);
  await db.destroy();
  rmSync(work, { recursive: true, force: true });
}, 60_000);
