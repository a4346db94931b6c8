import express from 'express';
import request from 'supertest';
import { afterEach, expect, test, vi } from 'vitest';
import { aClass, aSchool } from '../testing/factories';
import { createTestDb } from '../testing/test-db';
import { createAnonymousDenialAudit } from './audit';
import { createErrorHandler } from './error-handler';

afterEach(() => vi.restoreAllMocks());

test('error envelope: when a write names a row that is gone (a student deleted meanwhile), then 409 in Italian, logged, nothing saved', async () => {
  const db = await createTestDb();
  const cls = await aClass(db, (await aSchool(db)).id);
  const app = express();
  // The database's own error, as a write racing the retention purge gets it (on PostgreSQL from
  // migration 0034's trigger).
  app.post('/api/events', async (_req, _res, next) => {
    try {
      await db
        .insertInto('attendance_event')
        .values({
          student_id: 999_999,
          class_id: cls.id,
          date: '2025-10-06',
          kind: 'assenza',
          hours: 2,
          justified: 0,
          deroga: null,
          deroga_decided_on: null,
          import_batch_id: null,
        })
        .execute();
    } catch (err) {
      next(err);
    }
  });
  app.use(
    createErrorHandler(
      db,
      createAnonymousDenialAudit(() => new Date()),
    ),
  );
  const log = vi.spyOn(console, 'error').mockImplementation(() => {});

  const res = await request(app).post('/api/events');

  expect(res.status).toBe(409);
  expect(res.body).toEqual({
    error: {
      code: 'conflict',
      message: expect.stringMatching(/^Alcuni dati collegati sono cambiati.*nulla è stato salvato/),
    },
  });
  expect(JSON.stringify(res.body)).not.toMatch(/foreign|FOREIGN|attendance_event/);
  expect(log).toHaveBeenCalledOnce();
  expect(await db.selectFrom('attendance_event').select('student_id').execute()).toEqual([]);
  await db.destroy();
});
