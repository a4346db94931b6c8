import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import request from 'supertest';
import yazl from 'yazl';
import { describe, expect, test } from 'vitest';
import { repoRoot } from '../config';
import { SAME_ORIGIN, aUser, authAs } from '../testing/auth-as';
import { aSchool } from '../testing/factories';
import { createTestDb } from '../testing/test-db';
import { anAppWithOwnUploads, uploadsLeft } from '../testing/uploads';

const school = resolve(repoRoot, 'fixtures/import/generator-format/ANPS03000E');
const files = readdirSync(school);

/** A multipart upload of the fixture school, each part named with its relative path (form-data's `filepath`). */
function uploadFixture(req: request.Test, folder = 'regione/ANPS03000E'): request.Test {
  for (const f of files)
    req.attach('files', join(school, f), { filepath: `${folder}/${f}`, contentType: 'text/csv' } as never);
  return req;
}

async function zipOfFixture(): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const f of files) zip.addFile(join(school, f), `ANPS03000E/${f}`);
  zip.end();
  const chunks: Buffer[] = [];
  for await (const c of zip.outputStream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

describe('POST /api/imports (preview) and /commit', () => {
  test('when the admin uploads a school folder, then the preview counts what would change and writes nothing; commit writes it', async () => {
    const db = await createTestDb();
    const admin = await aUser(db, 'admin');
    const app = anAppWithOwnUploads(db).app;
    const as = await authAs(db, admin);

    const preview = await uploadFixture(request(app).post('/api/imports').set(SAME_ORIGIN).set(as));

    expect(preview.status).toBe(201);
    expect(preview.body).toMatchObject({ inserted: 26, rejected: 0, schools: [{ code: 'ANPS03000E', known: false }] });
    expect(preview.body.files).toContainEqual({
      name: 'regione/ANPS03000E/voti.csv',
      bytes: expect.any(Number),
      encoding: 'utf-8',
      delimiter: ';',
      columns: ['codice fiscale', 'data', 'materia', 'tipo', 'voto'],
    });
    expect(await db.selectFrom('student').selectAll().execute()).toEqual([]);

    const commit = await request(app)
      .post(`/api/imports/${preview.body.uploadId}/commit`)
      .set(SAME_ORIGIN)
      .set(as)
      .send({});

    expect(commit.status).toBe(200);
    expect(commit.body).toMatchObject({ inserted: 26, rejected: 0 });
    expect(await db.selectFrom('student').select('last_name').orderBy('last_name').execute()).toHaveLength(3);
    expect(await db.selectFrom('import_batch').select(['source', 'status', 'user_id']).execute()).toEqual([
      { source: 'web', status: 'committed', user_id: admin.id },
    ]);
    expect(await db.selectFrom('audit_log').select(['action', 'outcome']).orderBy('id').execute()).toEqual([
      { action: 'import.preview', outcome: 'ok' },
      { action: 'import.commit', outcome: 'ok' },
    ]);
    const history = await request(app).get('/api/imports').set(as);
    expect(history.body.items).toEqual([
      expect.objectContaining({ source: 'web', status: 'committed', inserted: 26, userEmail: admin.email }),
    ]);
    // The upload is gone: committing twice is not possible.
    expect(
      (await request(app).post(`/api/imports/${preview.body.uploadId}/commit`).set(SAME_ORIGIN).set(as).send({}))
        .status,
    ).toBe(404);
  });

  test('when rows are rejected and the commit asks for all or nothing (allowPartial: false), then 409 and nothing is written', async () => {
    const db = await createTestDb();
    const as = await authAs(db, await aUser(db, 'admin'));
    const app = anAppWithOwnUploads(db).app;
    const req = request(app).post('/api/imports').set(SAME_ORIGIN).set(as);
    for (const f of files.filter((f) => f !== 'assenze.csv'))
      req.attach('files', join(school, f), { filepath: `ANPS03000E/${f}`, contentType: 'text/csv' } as never);
    req.attach('files', Buffer.from('Codice fiscale;Data;Tipo;Ore\nRSSGLI09C54A271A;03/10/2025;assenza;6\n'), {
      filepath: 'ANPS03000E/assenze.csv',
      contentType: 'text/csv',
    } as never);
    const preview = await req;
    expect(preview.body.rejected).toBe(1);

    const commit = await request(app)
      .post(`/api/imports/${preview.body.uploadId}/commit`)
      .set(SAME_ORIGIN)
      .set(as)
      .send({ allowPartial: false });

    expect(commit.status).toBe(409);
    expect(commit.body.error.message).toMatch(/nulla è stato importato/);
    expect(await db.selectFrom('student').selectAll().execute()).toEqual([]);
    expect(await db.selectFrom('import_batch').select('status').execute()).toEqual([{ status: 'failed' }]);
    // The upload stays: the referent may accept the partial import after all.
    expect(
      (
        await request(app)
          .post(`/api/imports/${preview.body.uploadId}/commit`)
          .set(SAME_ORIGIN)
          .set(as)
          .send({ allowPartial: true })
      ).status,
    ).toBe(200);
  });

  test('when a zip of the school is uploaded, then it is unpacked and previewed the same', async () => {
    const db = await createTestDb();
    const app = anAppWithOwnUploads(db).app;

    const res = await request(app)
      .post('/api/imports')
      .set(SAME_ORIGIN)
      .set(await authAs(db, await aUser(db, 'admin')))
      .attach('files', await zipOfFixture(), { filename: 'export.zip', contentType: 'application/zip' });

    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ inserted: 26, rejected: 0 });
  });

  test('when a referent uploads a school that is not theirs, then 403 and the upload is removed', async () => {
    const db = await createTestDb();
    const own = await aSchool(db, { code: 'PSPS01000A' });
    const referent = await aUser(db, 'referente', { schoolIds: [own.id] });

    const { app, uploadDir } = anAppWithOwnUploads(db);

    const res = await uploadFixture(
      request(app)
        .post('/api/imports')
        .set(SAME_ORIGIN)
        .set(await authAs(db, referent)),
    );

    expect(res.status).toBe(403);
    expect(res.body.error.message).toContain('ANPS03000E');
    expect(uploadsLeft(uploadDir)).toEqual([]);
  });

  test('when a referent uploads their own school, then the preview is allowed', async () => {
    const db = await createTestDb();
    const own = await aSchool(db, { code: 'ANPS03000E' });
    const referent = await aUser(db, 'referente', { schoolIds: [own.id] });

    const res = await uploadFixture(
      request(anAppWithOwnUploads(db).app)
        .post('/api/imports')
        .set(SAME_ORIGIN)
        .set(await authAs(db, referent)),
    );

    expect(res.status).toBe(201);
    expect(res.body.schools).toEqual([{ code: 'ANPS03000E', name: expect.any(String), known: true }]);
  });

  test.each([
    ['../../etc/passwd.csv', 400],
    ['/abs/scuola.csv', 400],
    ['ANPS03000E/foto.png', 400],
  ])('when a file is named %s, then %i and nothing is written outside the upload', async (filename, status) => {
    const db = await createTestDb();

    const res = await request(anAppWithOwnUploads(db).app)
      .post('/api/imports')
      .set(SAME_ORIGIN)
      .set(await authAs(db, await aUser(db, 'admin')))
      .attach('files', Buffer.from('a;b\n1;2\n'), { filepath: filename, contentType: 'text/csv' } as never);

    expect(res.status).toBe(status);
    expect(res.body.error.message).toMatch(/^(Nome|Tipo) di file non accettato/);
  });

  test('when the upload is not a school (an image renamed .csv), then one clear message', async () => {
    const db = await createTestDb();

    const res = await request(anAppWithOwnUploads(db).app)
      .post('/api/imports')
      .set(SAME_ORIGIN)
      .set(await authAs(db, await aUser(db, 'admin')))
      .attach('files', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), {
        filename: 'foto.csv',
        contentType: 'text/csv',
      });

    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/scuola\.csv/);
  });

  test.each(['docente', 'mediatore', 'analista'] as const)('when a %s tries to upload, then 403', async (role) => {
    const db = await createTestDb();

    // A small body: the refusal comes before the upload is read, and a large one still being
    // written when the server answers can end in EPIPE on the client's side.
    const res = await request(anAppWithOwnUploads(db).app)
      .post('/api/imports')
      .set(SAME_ORIGIN)
      .set(await authAs(db, await aUser(db, role)))
      .attach('files', Buffer.from('a;b\n'), { filepath: 'ANPS03000E/scuola.csv', contentType: 'text/csv' } as never);

    expect(res.status).toBe(403);
    expect(await db.selectFrom('import_batch').selectAll().execute()).toEqual([]);
  });

  test('when another user tries to commit my upload, then 404', async () => {
    const db = await createTestDb();
    const app = anAppWithOwnUploads(db).app;
    const preview = await uploadFixture(
      request(app)
        .post('/api/imports')
        .set(SAME_ORIGIN)
        .set(await authAs(db, await aUser(db, 'admin'))),
    );

    const res = await request(app)
      .post(`/api/imports/${preview.body.uploadId}/commit`)
      .set(SAME_ORIGIN)
      .set(await authAs(db, await aUser(db, 'admin')))
      .send({});

    expect(res.status).toBe(404);
    expect(await db.selectFrom('student').selectAll().execute()).toEqual([]);
  });
});

describe('POST /api/imports with other dialects', () => {
  const bundle = resolve(repoRoot, 'fixtures/import/oneroster/bundle');
  async function zipOfBundle(): Promise<Buffer> {
    const zip = new yazl.ZipFile();
    for (const f of readdirSync(bundle)) zip.addFile(join(bundle, f), f);
    zip.end();
    const chunks: Buffer[] = [];
    for await (const c of zip.outputStream) chunks.push(c as Buffer);
    return Buffer.concat(chunks);
  }

  test('when the admin uploads a OneRoster zip, then the preview counts it and says what OneRoster lacks', async () => {
    const db = await createTestDb();
    const app = anAppWithOwnUploads(db).app;
    const as = await authAs(db, await aUser(db, 'admin'));

    const res = await request(app)
      .post('/api/imports')
      .set(SAME_ORIGIN)
      .set(as)
      .attach('files', await zipOfBundle(), { filename: 'oneroster.zip', contentType: 'application/zip' });

    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      inserted: 11,
      rejected: 3,
      schools: [{ code: 'ANPS03000E', name: 'Liceo G. Galilei', known: false }],
      matches: [],
    });
    expect(res.body.warnings.map((w: { message: string }) => w.message)).toContain(
      'OneRoster non contiene le assenze: nessuna assenza importata da questo pacchetto',
    );
    expect(await db.selectFrom('student').selectAll().execute()).toEqual([]);
  });

  test('when a referent uploads a OneRoster zip, then 403 and nothing is written', async () => {
    const db = await createTestDb();
    const app = anAppWithOwnUploads(db).app;
    const own = await aSchool(db);
    const as = await authAs(db, await aUser(db, 'referente', { schoolIds: [own.id] }));

    const res = await request(app)
      .post('/api/imports')
      .set(SAME_ORIGIN)
      .set(as)
      .attach('files', await zipOfBundle(), { filename: 'oneroster.zip', contentType: 'application/zip' });

    expect(res.status).toBe(403);
    expect(await db.selectFrom('import_batch').selectAll().execute()).toEqual([]);
  });

  test.each([
    [
      'the paritarie registry',
      'fixtures/import/mim-registry-paritarie/SCUANAGRAFEPAR-ESTRATTO.csv',
      { inserted: 2, rejected: 0, nothingImported: null },
    ],
    [
      "the autonomous provinces' registry",
      'fixtures/import/mim-registry-autonome/SCUANAAUTSTAT-ESTRATTO.csv',
      {
        inserted: 0,
        rejected: 0,
        nothingImported:
          'Nessuna riga importata: 3 righe lette, 0 scartate, 3 lasciate da parte (SCUANAAUTSTAT-ESTRATTO.csv: 3 fuori dalle Marche)',
      },
    ],
  ])(
    'when the admin uploads %s, then the preview says what it would take or why nothing, and writes nothing',
    async (_case, path, expected) => {
      const db = await createTestDb();
      const app = anAppWithOwnUploads(db).app;
      const as = await authAs(db, await aUser(db, 'admin'));

      const res = await request(app)
        .post('/api/imports')
        .set(SAME_ORIGIN)
        .set(as)
        .attach('files', resolve(repoRoot, path));

      expect(res.status).toBe(201);
      expect(res.body).toMatchObject(expected);
      expect(await db.selectFrom('school').selectAll().execute()).toEqual([]);
      expect(await db.selectFrom('audit_log').select('action').execute()).toEqual([{ action: 'import.preview' }]);
    },
  );

  test.each([
    [
      'a OneRoster 1.0 bundle without manifest.csv',
      '1.0-no-manifest',
      { inserted: 5, rejected: 0, nothingImported: null },
    ],
    [
      'a OneRoster bundle whose only org is a department',
      'department-only',
      {
        inserted: 0,
        rejected: 1,
        nothingImported: expect.stringMatching(/^Nessuna riga importata: 7 righe lette, 1 scartata per errore/),
        errors: [
          expect.objectContaining({
            column: 'type',
            message: expect.stringMatching(
              /^nessuna organizzazione di tipo school in orgs.csv \(trovate: 1 di tipo department\)/,
            ),
          }),
        ],
      },
    ],
  ])(
    'when the admin uploads the files of %s, then the preview recognises it and says what it would take or why nothing',
    async (_case, dir, expected) => {
      const db = await createTestDb();
      const app = anAppWithOwnUploads(db).app;
      const as = await authAs(db, await aUser(db, 'admin'));
      const folder = resolve(repoRoot, 'fixtures/import/oneroster-wild', dir);
      let upload = request(app).post('/api/imports').set(SAME_ORIGIN).set(as);
      for (const f of readdirSync(folder)) upload = upload.attach('files', join(folder, f));

      const res = await upload;

      expect(res.status).toBe(201);
      expect(res.body).toMatchObject(expected);
      expect(await db.selectFrom('school').selectAll().execute()).toEqual([]);
    },
  );
});
