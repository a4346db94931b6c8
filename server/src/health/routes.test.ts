import request from 'supertest';
import { expect, test, vi } from 'vitest';
import { createApp } from '../app';
import { createTestDb, testConfig } from '../testing/test-db';

test('GET /api/health: when the database answers, then ok with security headers and no caching', async () => {
  const db = await createTestDb();

  const res = await request(createApp({ db, config: testConfig })).get('/api/health');

  expect(res.status).toBe(200);
  expect(res.body).toEqual({ status: 'ok', version: 'test', database: 'ok', demo: false });
  expect(res.headers['cache-control']).toBe('no-store');
  expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(res.headers['x-content-type-options']).toBe('nosniff');
});

test('GET /api/unknown: when the path does not exist, then 404 in the error envelope', async () => {
  const db = await createTestDb();

  const res = await request(createApp({ db, config: testConfig })).get('/api/nope');

  expect(res.status).toBe(404);
  expect(res.body).toEqual({ error: { code: 'not_found', message: 'Percorso API inesistente' } });
});

test('GET /api/health: when the database is closed, then a generic 500 without internals', async () => {
  const db = await createTestDb();
  await db.selectFrom('province').select('code').execute(); // in use, then closed (a pool never used has nothing to close)
  await db.destroy();
  const log = vi.spyOn(console, 'error').mockImplementation(() => {});

  const res = await request(createApp({ db, config: testConfig })).get('/api/health');

  expect(res.status).toBe(500);
  expect(res.body).toEqual({ error: { code: 'internal', message: 'Errore interno del server' } });
  expect(log).toHaveBeenCalledOnce(); // the bug is logged on the server, with the request id
  log.mockRestore();
});
