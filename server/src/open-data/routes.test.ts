import request from 'supertest';
import { describe, expect, test } from 'vitest';
import { OpenDataPreview, OpenDataRelease, OpenDataReleaseList } from '@primm/shared/contracts/open-data';
import { createApp } from '../app';
import type { Db } from '../db/open-database';
import { SAME_ORIGIN, aUser, authAs } from '../testing/auth-as';
import { createTestDb, testConfig } from '../testing/test-db';
import { aSmallRegion, addStudents } from './testing/a-small-region';

const NOW = new Date('2026-03-02T10:00:00.000Z');
const appOn = (db: Db) => createApp({ db, config: testConfig, now: () => NOW });

async function aRegionWithAdmin() {
  const db = await createTestDb();
  const region = await aSmallRegion(db);
  const admin = await aUser(db, 'admin');
  return { db, region, admin, app: appOn(db) };
}

async function preview(db: Db, app: ReturnType<typeof appOn>, admin: { id: number }) {
  const res = await request(app)
    .get('/api/open-data/preview?year=2025/26')
    .set(await authAs(db, admin));
  expect(res.status).toBe(200);
  return OpenDataPreview.parse(res.body);
}

async function publish(db: Db, app: ReturnType<typeof appOn>, admin: { id: number }) {
  const { dataVersion } = await preview(db, app, admin);
  return request(app)
    .post('/api/open-data/releases')
    .set(SAME_ORIGIN)
    .set(await authAs(db, admin))
    .send({ year: '2025/26', dataVersion });
}

const releaseRows = (db: Db) =>
  db.selectFrom('open_data_release').select(['id', 'school_year', 'published_by']).execute();
const auditActions = (db: Db) =>
  db.selectFrom('audit_log').select(['action', 'outcome', 'user_id']).orderBy('id').execute();

describe('open data, admin', () => {
  test('GET /open-data/preview: when the admin asks, then the province table as it would be published, suppressed, and audited', async () => {
    const { db, app, admin } = await aRegionWithAdmin();

    const body = await preview(db, app, admin);

    expect(body.data.schoolYear).toBe('2025/26');
    expect(body.data.rows.map((r) => [r.province, r.values.students])).toEqual([
      ['AN', 25],
      ['PU', 30],
    ]);
    expect(body.data.total.students).toBe(55);
    expect(body.data.rows[0]!.values.tier3).toBe('<10');
    expect(body.comparedWith).toEqual([]);
    expect(body.years).toEqual(['2025/26']);
    expect(await releaseRows(db)).toEqual([]);
    expect(await auditActions(db)).toEqual([{ action: 'open_data.preview', outcome: 'ok', user_id: admin.id }]);
  });

  test('POST /open-data/releases: when the admin publishes the previewed version, then 201, one immutable row as previewed, audited', async () => {
    const { db, app, admin } = await aRegionWithAdmin();
    const seen = await preview(db, app, admin);

    const res = await request(app)
      .post('/api/open-data/releases')
      .set(SAME_ORIGIN)
      .set(await authAs(db, admin))
      .send({ year: '2025/26', dataVersion: seen.dataVersion });

    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ schoolYear: '2025/26', publishedAt: NOW.toISOString() });
    const rows = await db.selectFrom('open_data_release').selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(JSON.parse(rows[0]!.body)).toEqual(seen.data);
    expect(rows[0]).toMatchObject({ id: res.body.id, published_by: admin.id, data_version: seen.dataVersion });
    const audits = await auditActions(db);
    expect(audits.at(-1)).toEqual({ action: 'open_data.publish', outcome: 'ok', user_id: admin.id });
  });

  test.each(['analista', 'referente', 'mediatore', 'docente'] as const)(
    'POST /open-data/releases: when a %s tries to publish, then 403, nothing written, the refusal audited',
    async (role) => {
      const { db, app, admin, region } = await aRegionWithAdmin();
      const { dataVersion } = await preview(db, app, admin);
      const user = await aUser(
        db,
        role,
        role === 'docente' ? { classIds: [region.classA.id] } : { schoolIds: [region.ancona.id] },
      );

      const res = await request(app)
        .post('/api/open-data/releases')
        .set(SAME_ORIGIN)
        .set(await authAs(db, user))
        .send({ year: '2025/26', dataVersion });

      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('forbidden');
      expect(await releaseRows(db)).toEqual([]);
      expect((await auditActions(db)).filter((a) => a.user_id === user.id)).toEqual([
        { action: 'access.denied', outcome: 'denied', user_id: user.id },
      ]);
    },
  );

  test('POST /open-data/releases: when nobody is signed in, then 401 and nothing written', async () => {
    const { db, app } = await aRegionWithAdmin();

    const res = await request(app)
      .post('/api/open-data/releases')
      .set(SAME_ORIGIN)
      .send({ year: '2025/26', dataVersion: 0 });

    expect(res.status).toBe(401);
    expect(await releaseRows(db)).toEqual([]);
  });

  test('GET /open-data/preview: when an analyst asks, then 403 (the preview is not published data)', async () => {
    const { db, app } = await aRegionWithAdmin();
    const analyst = await aUser(db, 'analista');

    const res = await request(app)
      .get('/api/open-data/preview')
      .set(await authAs(db, analyst));

    expect(res.status).toBe(403);
  });

  test('POST /open-data/releases: when the data changed after the preview, then 409 and nothing written', async () => {
    const { db, app, admin, region } = await aRegionWithAdmin();
    const { dataVersion } = await preview(db, app, admin);
    await addStudents(db, region.classP, [1]);

    const res = await request(app)
      .post('/api/open-data/releases')
      .set(SAME_ORIGIN)
      .set(await authAs(db, admin))
      .send({ year: '2025/26', dataVersion });

    expect(res.status).toBe(409);
    expect(res.body.error.message).toMatch(/anteprima/);
    expect(await releaseRows(db)).toEqual([]);
  });

  test('POST /open-data/releases: when a few students changed since the last release of the year, then their columns are withheld, and the reason says so without the number', async () => {
    const { db, app, admin, region } = await aRegionWithAdmin();
    expect((await publish(db, app, admin)).status).toBe(201);
    // 40 new students of Pesaro at Livello 1 (a difference of 40 is no small group), and 3 at Livello 2.
    await addStudents(db, region.classP, [...Array(40).fill(1), 2, 2, 2]);

    const seen = await preview(db, app, admin);
    const res = await request(app)
      .post('/api/open-data/releases')
      .set(SAME_ORIGIN)
      .set(await authAs(db, admin))
      .send({ year: '2025/26', dataVersion: seen.dataVersion });

    expect(res.status).toBe(201);
    expect(seen.conflicts).toContainEqual(
      expect.objectContaining({ releaseId: 1, provinces: ['PU'], measures: ['tier2'], difference: 3 }),
    );
    const published = OpenDataRelease.parse(
      (await request(appOn(db)).get(`/api/open-data/releases/${res.body.id}`)).body,
    );
    expect(published.data.rows.map((r) => r.values.tier2)).toEqual(['n.d.', 'n.d.']);
    expect(published.data.total.tier2).toBe('n.d.');
    expect(published.data.withheld[0]).toMatchObject({
      releaseIds: [1],
      measures: expect.arrayContaining(['tier1', 'tier2', 'tier3']),
    });
    expect(JSON.stringify(published)).not.toContain('"difference"');
  });
});

describe('open data, public (no session)', () => {
  test('GET /open-data/releases: when nothing is published, then an empty list, even after a preview', async () => {
    const { db, app, admin } = await aRegionWithAdmin();
    await preview(db, app, admin);

    const res = await request(app).get('/api/open-data/releases');

    expect(res.status).toBe(200);
    expect(res.body).toEqual({ releases: [] });
  });

  test('GET /open-data/releases/*: when a release is published, then the list, its JSON, CSV and DCAT-AP_IT metadata without a session', async () => {
    const { db, app, admin } = await aRegionWithAdmin();
    const { body: made } = await publish(db, app, admin);
    const anonymous = request(appOn(db));

    const list = await anonymous.get('/api/open-data/releases');
    const json = await request(appOn(db)).get(`/api/open-data/releases/${made.id}`);
    const csv = await request(appOn(db)).get(`/api/open-data/releases/${made.id}/csv`);
    const metadata = await request(appOn(db)).get(`/api/open-data/releases/${made.id}/metadata`);

    expect(OpenDataReleaseList.parse(list.body).releases).toEqual([
      expect.objectContaining({ id: made.id, schoolYear: '2025/26', publishedAt: NOW.toISOString() }),
    ]);
    const release = OpenDataRelease.parse(json.body);
    expect(release.data.total.students).toBe(55);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.headers['content-disposition']).toMatch(/attachment; filename="primm-indicatori-\d+\.csv"/);
    const lines = csv.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toMatch(/^anno_scolastico;provincia;denominazione;studenti;livello_1;livello_2;livello_3;/);
    expect(lines.slice(1).map((l) => l.split(';').slice(0, 4))).toEqual([
      ['2025/26', 'AN', 'Ancona', '25'],
      ['2025/26', 'PU', 'Pesaro e Urbino', '30'],
      ['2025/26', '', 'Marche', '55'],
    ]);
    expect(lines[1]!.split(';')[6]).toBe('<10');
    expect(metadata.body).toMatchObject({
      '@type': 'dcatapit:Dataset',
      publisher: { name: 'Regione Marche' },
      license: { name: 'CC BY 4.0', uri: 'https://creativecommons.org/licenses/by/4.0/' },
      temporal: { startDate: '2025-09-01', endDate: '2026-08-31' },
      modified: NOW.toISOString(),
      accrualPeriodicity: expect.stringMatching(/frequency\/IRREG$/),
    });
    expect(metadata.body.distribution.map((d: { format: string }) => d.format)).toEqual(['CSV', 'JSON']);
    expect(release.metadata).toEqual(metadata.body);
    for (const res of [list, json, csv, metadata]) {
      expect(res.headers['set-cookie']).toBeUndefined();
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['content-security-policy']).toContain("default-src 'self'");
      expect(res.headers['access-control-allow-origin']).toBe('*');
    }
  });

  test.each([
    '/api/open-data/releases/999',
    '/api/open-data/releases/999/csv',
    '/api/open-data/releases/999/metadata',
    '/api/open-data/releases/abc',
  ])('GET %s: when no such release is published, then 404 with the error envelope', async (path) => {
    const { db } = await aRegionWithAdmin();

    const res = await request(appOn(db)).get(path);

    expect(res.status).toBe(404);
    expect(res.body).toEqual({ error: { code: 'not_found', message: 'Pubblicazione non trovata' } });
    expect(res.headers['cache-control']).toBe('no-store');
  });

  test('GET /open-data/schema: when anyone asks, then the JSON Schema of a release, which a published release satisfies', async () => {
    const { db } = await aRegionWithAdmin();

    const res = await request(appOn(db)).get('/api/open-data/schema');

    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/schema\+json/);
    const schema = JSON.parse(res.text);
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.required).toEqual(expect.arrayContaining(['id', 'schoolYear', 'publishedAt', 'metadata', 'data']));
  });

  test('open_data_release: when anything tries to change or delete a published release, then the database refuses', async () => {
    const { db, app, admin } = await aRegionWithAdmin();
    await publish(db, app, admin);

    await expect(db.updateTable('open_data_release').set({ body: '{}' }).execute()).rejects.toThrow(/immutable/);
    await expect(db.deleteFrom('open_data_release').execute()).rejects.toThrow(/immutable/);
    expect(await releaseRows(db)).toHaveLength(1);
  });
});
