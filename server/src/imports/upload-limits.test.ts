import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { request as httpRequest, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import request from 'supertest';
import yazl from 'yazl';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { createApp } from '../app';
import { repoRoot } from '../config';
import type { Db } from '../db/open-database';
import { SAME_ORIGIN, aUser, authAs } from '../testing/auth-as';
import { createTestDb, testConfig } from '../testing/test-db';

const school = resolve(repoRoot, 'fixtures/import/generator-format/ANPS03000E');
const files = readdirSync(school);

/** An app with an upload folder of its own, so that what each test leaves behind is its own. */
async function anApp(): Promise<{ db: Db; app: ReturnType<typeof createApp>; root: string; as: { Cookie: string } }> {
  const db = await createTestDb();
  const root = mkdtempSync(join(tmpdir(), 'primm-upload-limits-'));
  const app = createApp({ db, config: { ...testConfig, uploadDir: root } });
  return { db, app, root, as: await authAs(db, await aUser(db, 'admin')) };
}

/** Upload folders left in the upload root (none after a refusal). */
function leftovers(root: string): string[] {
  return existsSync(root) ? readdirSync(root).filter((d) => /^[0-9a-f]{32}$/.test(d)) : [];
}

async function zipOf(entries: [name: string, data: Buffer][]): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const [name, data] of entries) zip.addBuffer(data, name, { compress: true });
  zip.end();
  const chunks: Buffer[] = [];
  for await (const c of zip.outputStream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

/** The school's fixture files as zip entries, `replace` standing in for some of them. */
async function schoolZip(replace: Record<string, Buffer>): Promise<Buffer> {
  return zipOf([
    ...files
      .filter((f) => !(f in replace))
      .map((f): [string, Buffer] => [`ANPS03000E/${f}`, readFileSync(join(school, f))]),
    ...Object.entries(replace).map(([f, data]): [string, Buffer] => [`ANPS03000E/${f}`, data]),
  ]);
}

/**
 * Makes the zip's central directory (what yauzl reads) claim `size` bytes for the entry named
 * `name`, whatever it really holds: the lying header of a crafted bomb.
 */
function claimSize(zip: Buffer, name: string, size: number): Buffer {
  const out = Buffer.from(zip);
  const central = Buffer.from([0x50, 0x4b, 0x01, 0x02]); // PK\1\2, a central directory entry
  for (let at = out.indexOf(central); at !== -1; at = out.indexOf(central, at + 4)) {
    const nameLength = out.readUInt16LE(at + 28);
    if (out.toString('utf8', at + 46, at + 46 + nameLength) === name) {
      out.writeUInt32LE(size, at + 24); // uncompressed size
      return out;
    }
  }
  throw new Error(`no entry ${name}`);
}

describe('POST /api/imports: zip bombs and sizes', () => {
  test('imports: when a zip entry expands more than the ratio allows (5 MB of one byte in a few KB), then 413, nothing written, the upload removed', async () => {
    const { db, app, root, as } = await anApp();
    const bomb = await schoolZip({ 'assenze.csv': Buffer.alloc(5 * 1024 * 1024, 'a') });
    expect(bomb.length).toBeLessThan(50 * 1024); // 5 MB: within the per-file limit, far past the ratio

    const res = await request(app)
      .post('/api/imports')
      .set(SAME_ORIGIN)
      .set(as)
      .attach('files', bomb, { filename: 'export.zip', contentType: 'application/zip' });

    expect(res.status).toBe(413);
    expect(res.body).toEqual({
      error: { code: 'payload_too_large', message: expect.stringContaining('ANPS03000E/assenze.csv') },
    });
    expect(res.body.error.message).toMatch(/si espande troppo/);
    expect(leftovers(root)).toEqual([]);
    expect(await db.selectFrom('import_batch').selectAll().execute()).toEqual([]);
  });

  test("imports: when a zip entry's header claims fewer bytes than it holds, then the bytes that come out are what counts: refused, nothing left on disk", async () => {
    const { app, root, as } = await anApp();
    const zip = await schoolZip({ 'assenze.csv': Buffer.alloc(8 * 1024 * 1024, 'a') });
    const lying = claimSize(zip, 'ANPS03000E/assenze.csv', 1000);

    const res = await request(app)
      .post('/api/imports')
      .set(SAME_ORIGIN)
      .set(as)
      .attach('files', lying, { filename: 'export.zip', contentType: 'application/zip' });

    expect([400, 413]).toContain(res.status);
    expect(res.body).toEqual({
      error: {
        code: expect.stringMatching(/^(validation_failed|payload_too_large)$/),
        message: expect.stringMatching(/ZIP/),
      },
    });
    expect(leftovers(root)).toEqual([]);
  });

  test('imports: when a zip is still being unpacked as a later part is refused, then nothing of it is left once the refusal is answered', async () => {
    const { app, root, as } = await anApp();
    const { client, response } = await openUpload(app, as);
    // Many entries, so that unpacking goes on for a while.
    const zip = await zipOf(
      Array.from({ length: 40 }, (_, i): [string, Buffer] => [
        `ANPS03000E/extra-${i}.csv`,
        Buffer.alloc(256 * 1024, 'b'),
      ]),
    );
    // The zip and the boundary after it (the end of its part: unpacking starts), not the next part yet.
    client.write(Buffer.concat([filePart('export.zip', zip), Buffer.from('--XYZ')]));

    // Once the first entries are on disk, a part the server must refuse.
    await vi.waitFor(
      () =>
        expect(
          leftovers(root).flatMap((d) =>
            existsSync(join(root, d, 'ANPS03000E')) ? readdirSync(join(root, d, 'ANPS03000E')) : [],
          ),
        ).toContain('extra-0.csv'),
      { timeout: 3000, interval: 5 },
    );
    client.end(
      Buffer.concat([
        filePart('../fuori.csv', Buffer.from('a;b\n')).subarray('--XYZ'.length),
        Buffer.from('--XYZ--\r\n'),
      ]),
    );
    const res = await response;
    // Before the fix the refusal was answered at once and the unpacking went on writing into the
    // folder, made again by it: give it the time to do so before looking.
    await new Promise((r) => setTimeout(r, 300));

    expect(res.status).toBe(400);
    expect(JSON.parse(res.body).error.message).toMatch(/^Nome di file non accettato/);
    expect(leftovers(root)).toEqual([]);
  });
});

const servers: Server[] = [];
afterEach(() => {
  for (const s of servers.splice(0)) s.close();
});

/** A multipart part of field `files` (boundary XYZ). */
function filePart(filename: string, data: Buffer): Buffer {
  return Buffer.concat([
    Buffer.from(
      `--XYZ\r\nContent-Disposition: form-data; name="files"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    data,
    Buffer.from('\r\n'),
  ]);
}

/** An upload whose body the test writes piece by piece (chunked), on a listening server. */
async function openUpload(
  app: ReturnType<typeof createApp>,
  as: { Cookie: string },
  headers: Record<string, string> = {},
) {
  const server = app.listen(0, '127.0.0.1');
  servers.push(server);
  await new Promise((r) => server.once('listening', r));
  const { port } = server.address() as { port: number };
  const client = httpRequest({
    host: '127.0.0.1',
    port,
    method: 'POST',
    path: '/api/imports',
    headers: { ...SAME_ORIGIN, ...as, 'Content-Type': 'multipart/form-data; boundary=XYZ', ...headers },
  });
  client.on('error', () => {}); // some tests destroy the socket on purpose
  const response = new Promise<{ status: number; body: string }>((resolve) => {
    client.on('response', (res) => {
      let body = '';
      res.on('data', (c: Buffer) => {
        body += c.toString();
      });
      res.on('end', () => resolve({ status: res.statusCode!, body }));
    });
  });
  return { client, response };
}

describe('POST /api/imports: files that are not CSV', () => {
  test('imports: when a school file is a few MB without a line break, then 400 naming the file and the line, nothing imported, the upload removed', async () => {
    const { db, app, root, as } = await anApp();
    const req = request(app).post('/api/imports').set(SAME_ORIGIN).set(as);
    for (const f of files.filter((f) => f !== 'studenti.csv'))
      req.attach('files', join(school, f), { filepath: `ANPS03000E/${f}`, contentType: 'text/csv' } as never);
    req.attach('files', Buffer.alloc(3 * 1024 * 1024, 'x'), {
      filepath: 'ANPS03000E/studenti.csv',
      contentType: 'text/csv',
    } as never);

    const res = await req;

    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      error: {
        code: 'validation_failed',
        message: expect.stringMatching(/^ANPS03000E\/studenti\.csv: Riga 1 troppo lunga \(oltre 65\.536 caratteri\)/),
      },
    });
    expect(leftovers(root)).toEqual([]);
    expect(await db.selectFrom('student').selectAll().execute()).toEqual([]);
  });

  test('imports: when a quoted field is never closed, then 400 (not 500) naming the file', async () => {
    const { app, root, as } = await anApp();
    const req = request(app).post('/api/imports').set(SAME_ORIGIN).set(as);
    for (const f of files.filter((f) => f !== 'voti.csv'))
      req.attach('files', join(school, f), { filepath: `ANPS03000E/${f}`, contentType: 'text/csv' } as never);
    req.attach(
      'files',
      Buffer.from('Codice fiscale;Data;Materia;Tipo;Voto\nRSSGLI09C54A271A;03/10/2025;"Italiano;scritto;7\n'),
      { filepath: 'ANPS03000E/voti.csv', contentType: 'text/csv' } as never,
    );

    const res = await req;

    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/^ANPS03000E\/voti\.csv: CSV non leggibile/);
    expect(leftovers(root)).toEqual([]);
  });
});

describe('POST /api/imports: malformed multipart', () => {
  const part = (headers: string, body: string) => `--XYZ\r\n${headers}\r\n\r\n${body}\r\n`;
  test.each([
    [
      'no boundary in the Content-Type',
      'multipart/form-data',
      part('Content-Disposition: form-data; name="files"; filename="a.csv"', 'a;b') + '--XYZ--\r\n',
      /boundary/,
    ],
    [
      'a body cut before its closing boundary',
      'multipart/form-data; boundary=XYZ',
      '--XYZ\r\nContent-Disposition: form-data; name="files"; filename="ANPS03000E/scuola.csv"\r\n\r\na;b\n1;2\n',
      /^Caricamento non leggibile/,
    ],
    [
      'a part without a file name',
      'multipart/form-data; boundary=XYZ',
      part('Content-Disposition: form-data; name="files"', 'a;b') + '--XYZ--\r\n',
      /^Nessun file ricevuto/,
    ],
    [
      'a part with an empty file name',
      'multipart/form-data; boundary=XYZ',
      part('Content-Disposition: form-data; name="files"; filename=""', 'a;b') + '--XYZ--\r\n',
      /^Nessun file ricevuto/,
    ],
    [
      'a body that is not multipart at all',
      'multipart/form-data; boundary=XYZ',
      'just some text',
      /^(Caricamento non leggibile|Nessun file ricevuto)/,
    ],
  ])(
    'imports: when the upload has %s, then 400 in the envelope, in Italian, nothing left on disk',
    async (_name, contentType, body, message) => {
      const { app, root, as } = await anApp();

      const res = await request(app)
        .post('/api/imports')
        .set(SAME_ORIGIN)
        .set(as)
        .set('Content-Type', contentType)
        .send(body);

      expect(res.status).toBe(400);
      expect(res.body).toEqual({ error: { code: 'validation_failed', message: expect.stringMatching(message) } });
      expect(leftovers(root)).toEqual([]);
    },
  );

  test('imports: when the client goes away in the middle of a file, then the upload is removed (the request does not wait forever)', async () => {
    const { app, root, as } = await anApp();
    const { client } = await openUpload(app, as, { 'Content-Length': String(10 * 1024 * 1024) });
    client.write(filePart('ANPS03000E/scuola.csv', Buffer.alloc(64 * 1024, 'x')).subarray(0, 60 * 1024));

    // Once the server holds part of the file, the client disappears.
    await vi.waitFor(() => expect(leftovers(root).flatMap((d) => readdirSync(join(root, d)))).toContain('ANPS03000E'), {
      timeout: 3000,
    });
    client.destroy();

    await vi.waitFor(() => expect(leftovers(root)).toEqual([]), { timeout: 3000 });
  });
});
