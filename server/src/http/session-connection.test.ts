import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import request from 'supertest';
import { describe, expect, test } from 'vitest';
import { createApp } from '../app';
import { repoRoot } from '../config';
import { migrateToLatest } from '../db/migrate';
import { openSessionConnection, openSqlite, type Db } from '../db/open-database';
import { ensureReferenceData } from '../reference/load-reference';
import { SAME_ORIGIN, aUser, authAs } from '../testing/auth-as';
import { onPostgres, testConfig } from '../testing/test-db';

const school = resolve(repoRoot, 'fixtures/import/generator-format/ANPS03000E');

/** An SQLite file (not memory: two connections must share it), an admin, an upload waiting. */
async function setUp(clock: { now: Date }, withSessionConnection: boolean) {
  const dbPath = join(mkdtempSync(join(tmpdir(), 'primm-session-conn-')), 'primm.sqlite');
  const db = openSqlite(dbPath);
  await migrateToLatest(db);
  await ensureReferenceData(db);
  const sessionDb = withSessionConnection ? openSessionConnection({ dbPath }, db) : db;
  const app = createApp({ db, sessionDb, config: testConfig, now: () => clock.now });
  const admin = await aUser(db, 'admin');
  const as = await authAs(db, admin, clock.now);
  const upload = request(app).post('/api/imports').set(SAME_ORIGIN).set(as);
  for (const f of readdirSync(school))
    upload.attach('files', join(school, f), { filepath: `ANPS03000E/${f}`, contentType: 'text/csv' } as never);
  const { body } = await upload;
  return { db, sessionDb, app, as, progressUrl: `/api/imports/${body.uploadId as string}/progress` };
}

/** Holds `db`'s connection and SQLite's write lock, as an import commit does, while `work` runs. */
async function whileWriting<T>(db: Db, work: () => Promise<T>): Promise<T> {
  return db.transaction().execute(async (trx) => {
    await trx
      .insertInto('school_year')
      .values({ label: '2030/31', starts_on: '2030-09-01', ends_on: '2031-08-31' })
      .execute();
    return work();
  });
}

const lastSeen = async (db: Db) =>
  (await db.selectFrom('user_session').select('last_seen_at').executeTakeFirstOrThrow()).last_seen_at;

describe.skipIf(onPostgres)('session connection (SQLite file)', () => {
  test('when an import holds the app connection, then the progress poll and the health probe still answer', async () => {
    const clock = { now: new Date('2026-03-02T08:00:00Z') };
    const { db, sessionDb, app, as, progressUrl } = await setUp(clock, true);

    const [progress, health] = await whileWriting(db, () =>
      Promise.all([request(app).get(progressUrl).set(as), request(app).get('/api/health')]),
    );

    expect(progress.status).toBe(200);
    expect(progress.body).toMatchObject({ status: 'uploaded' });
    expect(health.body).toMatchObject({ database: 'ok' });
    await sessionDb.destroy();
    await db.destroy();
  });

  test('when the session is due a touch while the write lock is taken, then the answer is the same and the touch waits for a later request', async () => {
    const clock = { now: new Date('2026-03-02T08:00:00Z') };
    const { db, sessionDb, app, as, progressUrl } = await setUp(clock, true);
    clock.now = new Date('2026-03-02T08:05:00Z');

    const during = await whileWriting(db, () => request(app).get(progressUrl).set(as));
    const touchedDuring = await lastSeen(db);
    const after = await request(app).get(progressUrl).set(as);

    expect(during.status).toBe(200);
    expect(touchedDuring).toBe('2026-03-02T08:00:00.000Z');
    expect(after.status).toBe(200);
    expect(await lastSeen(db)).toBe('2026-03-02T08:05:00.000Z');
    await sessionDb.destroy();
    await db.destroy();
  });

  test('why: with the one connection, the same poll waits until the import ends', async () => {
    const clock = { now: new Date('2026-03-02T08:00:00Z') };
    const { db, app, as, progressUrl } = await setUp(clock, false);

    let poll: Promise<request.Response> | undefined;
    const during = await whileWriting(db, async () => {
      poll = request(app)
        .get(progressUrl)
        .set(as)
        .then((r) => r);
      return Promise.race([poll.then(() => 'answered'), delay(300).then(() => 'still waiting')]);
    });

    expect(during).toBe('still waiting');
    expect((await poll!).status).toBe(200);
    await db.destroy();
  });
});
