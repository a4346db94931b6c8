import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import express, { type ErrorRequestHandler } from 'express';
import request from 'supertest';
import yazl from 'yazl';
import { describe, expect, test } from 'vitest';
import { UPLOAD_LIMITS } from '@primm/shared/contracts/imports';
import { HttpError } from '../http/http-error';
import { receiveUpload } from './receive-upload';
import { UploadBudget, type UploadLimits } from './upload-store';

const KB = 1024;

describe('UploadBudget.write', () => {
  test('UploadBudget: when a stream holds more than its file may (a zip header that lied), then the write fails at the limit and what it wrote is removed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'primm-budget-'));
    const budget = new UploadBudget();
    let produced = 0;
    const endless = new Readable({
      read() {
        produced += 16 * KB;
        this.push(Buffer.alloc(16 * KB, 'a'));
      },
    });

    const write = budget.write(
      endless,
      join(dir, 'a.csv'),
      50 * KB,
      () => new HttpError(413, 'payload_too_large', 'troppo'),
    );

    await expect(write).rejects.toThrow('troppo');
    expect(produced).toBeLessThan(50 * KB + 16 * KB * 20); // stopped near the limit, whatever readahead
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('receiveUpload: the budget of one upload', () => {
  const small: UploadLimits = { ...UPLOAD_LIMITS, maxUploadBytes: 100 * KB, maxFiles: 10 };

  function anEndpoint(limits: UploadLimits) {
    const dir = mkdtempSync(join(tmpdir(), 'primm-receive-'));
    const app = express();
    app.post('/up', async (req, res) => {
      res.json(await receiveUpload(req, dir, limits));
    });
    const onError: ErrorRequestHandler = (err: HttpError, _req, res, _next) => {
      res.status(err.status ?? 500).json({ error: { code: err.code, message: err.message } });
    };
    app.use(onError);
    return { app, dir };
  }

  async function zipOf(entries: [string, Buffer][], compress = true): Promise<Buffer> {
    const zip = new yazl.ZipFile();
    for (const [name, data] of entries) zip.addBuffer(data, name, { compress });
    zip.end();
    const chunks: Buffer[] = [];
    for await (const c of zip.outputStream) chunks.push(c as Buffer);
    return Buffer.concat(chunks);
  }

  test.each([
    [
      'three CSV files of 40 KB',
      413,
      async () =>
        [
          ['a/1.csv', Buffer.alloc(40 * KB, 'a')],
          ['a/2.csv', Buffer.alloc(40 * KB, 'b')],
          ['a/3.csv', Buffer.alloc(40 * KB, 'c')],
        ] as [string, Buffer][],
    ],
    [
      'two zips of three 20 KB entries each',
      413,
      async () =>
        [
          [
            'a.zip',
            await zipOf([
              ['a/1.csv', Buffer.alloc(20 * KB, 'a')],
              ['a/2.csv', Buffer.alloc(20 * KB, 'b')],
              ['a/3.csv', Buffer.alloc(20 * KB, 'c')],
            ]),
          ],
          [
            'b.zip',
            await zipOf([
              ['b/1.csv', Buffer.alloc(20 * KB, 'a')],
              ['b/2.csv', Buffer.alloc(20 * KB, 'b')],
              ['b/3.csv', Buffer.alloc(19 * KB, 'c')],
            ]),
          ],
        ] as [string, Buffer][],
    ],
    [
      'a zip of 60 KB of entries and a CSV of 50 KB',
      413,
      async () =>
        [
          [
            'a.zip',
            await zipOf([
              ['a/1.csv', Buffer.alloc(30 * KB, 'a')],
              ['a/2.csv', Buffer.alloc(30 * KB, 'b')],
            ]),
          ],
          ['b/1.csv', Buffer.alloc(50 * KB, 'z')],
        ] as [string, Buffer][],
    ],
    [
      'two zips of six small entries each (twelve files, ten allowed)',
      400,
      async () =>
        [
          ['a.zip', await zipOf([1, 2, 3, 4, 5, 6].map((n): [string, Buffer] => [`a/${n}.csv`, Buffer.from('x')]))],
          ['b.zip', await zipOf([1, 2, 3, 4, 5, 6].map((n): [string, Buffer] => [`b/${n}.csv`, Buffer.from('x')]))],
        ] as [string, Buffer][],
    ],
    [
      'an uncompressed zip of 40 KB of entries (80 KB on disk while it is unpacked)',
      200,
      async () =>
        [
          [
            'a.zip',
            await zipOf(
              [
                ['a/1.csv', Buffer.alloc(20 * KB, 'a')],
                ['a/2.csv', Buffer.alloc(20 * KB, 'b')],
              ],
              false,
            ),
          ],
          ['b/1.csv', Buffer.alloc(15 * KB, 'z')],
        ] as [string, Buffer][],
    ],
  ] as const)('receiveUpload: when an upload of 100 KB at most holds %s, then %i', async (_name, status, make) => {
    const { app } = anEndpoint(small);
    const req = request(app).post('/up');
    for (const [name, data] of await make()) req.attach('files', data, { filepath: name } as never);

    const res = await req;

    expect(res.status).toBe(status);
    if (status === 413)
      expect(res.body).toEqual({
        error: { code: 'payload_too_large', message: expect.stringMatching(/^Caricamento troppo grande/) },
      });
    if (status === 400)
      expect(res.body).toEqual({
        error: { code: 'validation_failed', message: expect.stringMatching(/^Troppi file \(massimo 10/) },
      });
  });
});
