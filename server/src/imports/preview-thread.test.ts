import { mkdtempSync, readdirSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { generateRegion } from '../../../scripts/gen/generate-region';
import { createApp } from '../app';
import { repoRoot } from '../config';
import { migrateToLatest } from '../db/migrate';
import { openSessionConnection, openSqlite, type Db } from '../db/open-database';
import { ensureReferenceData } from '../reference/load-reference';
import { SAME_ORIGIN, aUser, authAs } from '../testing/auth-as';
import { onPostgres, testConfig } from '../testing/test-db';
import { importPaths } from './import-paths';
import { threadCode } from './preview-runner';

/**
 * When the preview's work begins and ends, in the code before and after the change alike: in
 * place, the dry run's transaction on `db` (its advisory lock is the first statement in it) and
 * its end; on a copy, the thread's start and its reply. The events go to `events` in order.
 */
const preview = vi.hoisted(() => ({ events: [] as string[], waiting: [] as (() => void)[] }));
const started = () => preview.waiting.splice(0).forEach((resolve) => resolve());
vi.mock('../db/advisory-locks', async (original) => {
  const real = await original<typeof import('../db/advisory-locks')>();
  return {
    ...real,
    lockForImport: async (...args: Parameters<typeof real.lockForImport>) => {
      await real.lockForImport(...args);
      started();
    },
  };
});
vi.mock('./import-paths', async (original) => {
  const real = await original<typeof import('./import-paths')>();
  return {
    ...real,
    importPaths: (...args: Parameters<typeof real.importPaths>) =>
      real.importPaths(...args).finally(() => {
        if (args[2].dryRun) preview.events.push('preview work done');
      }),
  };
});
vi.mock('node:worker_threads', async (original) => {
  const real = await original<typeof import('node:worker_threads')>();
  class Worker extends real.Worker {
    constructor(...args: ConstructorParameters<typeof real.Worker>) {
      super(...args);
      this.once('online', started);
      this.once('message', () => preview.events.push('preview work done'));
    }
  }
  return { ...real, Worker, default: { ...real, Worker } };
});

const previewStarted = () => new Promise<void>((resolve) => preview.waiting.push(resolve));

/** A multipart upload of a school folder, each part named with its relative path. */
function attachFolder(req: request.Test, dir: string): request.Test {
  const name = dir.split('/').pop()!;
  for (const f of readdirSync(dir))
    req.attach('files', join(dir, f), { filepath: `${name}/${f}`, contentType: 'text/csv' } as never);
  return req;
}

describe.skipIf(onPostgres)('POST /api/imports on a SQLite file: the preview runs off the event loop', () => {
  let db: Db;
  let sessionDb: Db;
  let server: Server;
  let school: string;
  let studentId: number;
  let as: { Cookie: string };

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'primm-preview-thread-'));
    const dbPath = join(dir, 'primm.sqlite');
    db = openSqlite(dbPath);
    await migrateToLatest(db);
    await ensureReferenceData(db);
    await importPaths(db, [resolve(repoRoot, 'fixtures/import/generator-format')], {
      pseudonymKey: testConfig.pseudonymKey,
      source: 'cli',
      recompute: false,
    });
    studentId = (await db.selectFrom('student').select('id').orderBy('id').executeTakeFirstOrThrow()).id;
    as = await authAs(db, await aUser(db, 'admin'));
    // A school of some size: its dry run in place held the connection for a good part of a second.
    const region = join(dir, 'region');
    await generateRegion({ students: 60, schools: 1, seed: 5, asOf: '2026-01-31', outDir: region });
    school = join(
      region,
      readdirSync(region).find((d) => /^[A-Z]{2}[A-Z0-9]{8}$/.test(d))!,
    );
    const config = { ...testConfig, dbPath, uploadDir: join(dir, 'uploads') };
    sessionDb = openSessionConnection(config, db);
    server = createApp({ db, sessionDb, config }).listen(0);
    await threadCode(); // bundled once per process, as a running server has it after its first upload
  }, 30_000);

  afterAll(async () => {
    server.close();
    await sessionDb.destroy();
    await db.destroy();
  });

  test("when a student's record is read while a school is previewed, then the read (and its audit row) is answered before the preview's work ends, and the preview is whole", async () => {
    preview.events.length = 0;
    const underway = previewStarted();
    const previewed = attachFolder(request(server).post('/api/imports').set(SAME_ORIGIN).set(as), school).then(
      (res) => res,
    ); // sent now
    await underway;

    // Before: the dry run held `db` for its whole transaction, and this read (its audit row) waited for its end.
    const read = await request(server).get(`/api/students/${studentId}`).set(as);
    preview.events.push('student read answered');

    expect(read.status).toBe(200);
    const res = await previewed;
    expect(preview.events).toEqual(['student read answered', 'preview work done']);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ rejected: 0, schools: [{ known: false }] });
    expect(res.body.inserted).toBeGreaterThan(300);
    expect(
      await db
        .selectFrom('audit_log')
        .select('action')
        .where('action', 'in', ['student.read', 'import.preview'])
        .orderBy('id')
        .execute(),
    ).toEqual([{ action: 'student.read' }, { action: 'import.preview' }]);
    // The preview wrote nothing: the school is still unknown.
    expect(await db.selectFrom('school').select('code').execute()).toEqual([{ code: 'ANPS03000E' }]);
  }, 20_000);

  test('when a preview is refused for its scope in the thread, then 403 naming the school, audited, as in place', async () => {
    const own = (await db.selectFrom('school').select('id').executeTakeFirstOrThrow()).id;
    const referent = await authAs(db, await aUser(db, 'referente', { schoolIds: [own] }));

    const res = await attachFolder(request(server).post('/api/imports').set(SAME_ORIGIN).set(referent), school);

    expect(res.status).toBe(403);
    expect(res.body.error.message).toMatch(/Scuole non ancora registrate: [A-Z]{2}[A-Z0-9]{8}/);
    const denied = await db
      .selectFrom('audit_log')
      .select(['outcome', 'details'])
      .where('action', '=', 'import.preview')
      .where('outcome', '=', 'denied')
      .execute();
    expect(denied).toHaveLength(1);
  }, 20_000);
});
