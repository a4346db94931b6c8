import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import yazl from 'yazl';
import { describe, expect, test } from 'vitest';
import { UPLOAD_LIMITS } from '@primm/shared/contracts/imports';
import { createTestDb } from '../testing/test-db';
import { ImportInputError } from './import-inputs';
import { importPaths } from './import-paths';
import { UploadBudget, extractZip, type UploadLimits } from './upload-store';

const KB = 1024;
const MB = 1024 * KB;

async function aZip(path: string, entries: [string, Buffer][]): Promise<string> {
  const zip = new yazl.ZipFile();
  for (const [name, data] of entries) zip.addBuffer(data, name);
  zip.end();
  const chunks: Buffer[] = [];
  for await (const c of zip.outputStream) chunks.push(c as Buffer);
  writeFileSync(path, Buffer.concat(chunks));
  return path;
}

/** What `pnpm primm import` unpacks a zip into: a folder of its own under the system's tmpdir. */
const unpacked = () => readdirSync(tmpdir()).filter((d) => d.startsWith('primm-zip-'));

describe('pnpm primm import with a zip: the limits of an upload', () => {
  test('importPaths: when a zip given on the command line expands a hundred times over (a zip bomb), then it is refused at the limit and nothing of it stays on disk', async () => {
    const db = await createTestDb();
    const zip = await aZip(join(mkdtempSync(join(tmpdir(), 'primm-cli-zip-')), 'bundle.zip'), [
      ['manifest.csv', Buffer.from('propertyName,value\n')],
      ['orgs.csv', Buffer.alloc(4 * MB, '0')], // ≈ 4 KB compressed: a ratio of a thousand
    ]);
    const before = unpacked();

    const run = importPaths(db, [zip], { pseudonymKey: 'test-key', source: 'cli' });

    await expect(run).rejects.toThrow(ImportInputError);
    await expect(run).rejects.toThrow(/bundle\.zip: File dello ZIP che si espande troppo: orgs\.csv/);
    expect(unpacked()).toEqual(before);
    expect(existsSync(zip)).toBe(true); // the operator's own file is never removed
    expect(await db.selectFrom('import_batch').selectAll().execute()).toEqual([]);
  });

  test('extractZip: when the entries of a zip kept by the caller add up past the total budget, then 413 at the limit, and the zip stays', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'primm-cli-zip-'));
    const limits: UploadLimits = { ...UPLOAD_LIMITS, maxUploadBytes: 300 * KB, zipRatioFromBytes: 1 * MB };
    const zip = await aZip(
      join(dir, 'bundle.zip'),
      [1, 2, 3, 4].map((i) => [`b/users${i}.csv`, Buffer.alloc(100 * KB, 'a')]),
    );

    const run = extractZip(zip, join(dir, 'out'), new UploadBudget(limits), { keepZip: true });

    await expect(run).rejects.toMatchObject({
      status: 413,
      message: expect.stringMatching(/^Caricamento troppo grande/),
    });
    expect(existsSync(zip)).toBe(true);
  });

  test('extractZip: when the caller keeps the zip (the command line), then it is unpacked and stays where it was', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'primm-cli-zip-'));
    const zip = await aZip(join(dir, 'bundle.zip'), [['b/users.csv', Buffer.from('sourcedId,role\n')]]);

    await extractZip(zip, join(dir, 'out'), new UploadBudget(), { keepZip: true });

    expect(readdirSync(join(dir, 'out', 'b'))).toEqual(['users.csv']);
    expect(existsSync(zip)).toBe(true);
  });
});
