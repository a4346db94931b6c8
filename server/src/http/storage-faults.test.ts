import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import request from 'supertest';
import { expect, test, vi } from 'vitest';
import { createApp } from '../app';
import type { Database } from '../db/database';
import { migrateToLatest } from '../db/migrate';
import { openSqlite } from '../db/open-database';
import { ensureReferenceData } from '../reference/load-reference';
import { SAME_ORIGIN, aUser, authAs } from '../testing/auth-as';
import { aClass, aSchool, aStudent, anEnrolment } from '../testing/factories';
import { onPostgres, testConfig } from '../testing/test-db';

/** A SQLite file with a teacher of one class and one student in it, closed again: the app opens it its own way. */
async function fileWithTeacher(prefix: string) {
  const path = join(mkdtempSync(join(tmpdir(), prefix)), 'primm.sqlite');
  const setup = openSqlite(path);
  await migrateToLatest(setup);
  await ensureReferenceData(setup);
  const school = await aSchool(setup);
  const cls = await aClass(setup, school.id);
  const student = await aStudent(setup);
  await anEnrolment(setup, student.id, cls.id);
  const session = await authAs(setup, await aUser(setup, 'docente', { classIds: [cls.id] }));
  await setup.destroy();
  return { path, student, session };
}

test.skipIf(onPostgres)(
  'storage faults: when the database file becomes read-only, then writes answer 503 with a clear message and the server stays up',
  async () => {
    const { path, student, session } = await fileWithTeacher('primm-ro-');
    const readOnly = new Kysely<Database>({
      dialect: new SqliteDialect({ database: new SQLite(path, { readonly: true }) }),
    });
    const app = createApp({ db: readOnly, config: testConfig });
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});

    const write = await request(app)
      .post(`/api/students/${student.id}/flags`)
      .set(SAME_ORIGIN)
      .set(session)
      .send({ reasonCode: 'assenze', reason: 'assenze ripetute' });
    const health = await request(app).get('/api/health');

    expect(write.status).toBe(503);
    expect(write.body).toEqual({ error: { code: 'unavailable', message: expect.stringMatching(/sola lettura/) } });
    expect(health.status).toBe(200);
    log.mockRestore();
  },
);

test.skipIf(onPostgres)(
  'storage faults: when another process holds the write lock beyond the busy timeout, then writes answer 503 "occupato", not 500',
  async () => {
    const { path, student, session } = await fileWithTeacher('primm-busy-');
    const importer = new SQLite(path); // e.g. `pnpm primm import` of a whole region, one transaction
    importer.pragma('journal_mode = WAL');
    importer.exec('begin immediate');
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: new SQLite(path, { timeout: 50 }) }) });
    const app = createApp({ db, config: testConfig });
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});

    const write = await request(app)
      .post(`/api/students/${student.id}/flags`)
      .set(SAME_ORIGIN)
      .set(session)
      .send({ reasonCode: 'assenze', reason: 'assenze ripetute' });
    importer.exec('rollback');
    const again = await request(app)
      .post(`/api/students/${student.id}/flags`)
      .set(SAME_ORIGIN)
      .set(session)
      .send({ reasonCode: 'assenze', reason: 'assenze ripetute' });

    expect(write.status).toBe(503);
    expect(write.body).toEqual({ error: { code: 'unavailable', message: expect.stringMatching(/occupato/) } });
    expect(again.status).toBe(201);
    log.mockRestore();
    importer.close();
    await db.destroy();
  },
);
