import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { lastLine, primmInProcess } from './run-primm';

test('recompute --json: when the imported fixture is recomputed, then nothing is written (the import computed it) and the summary is the last line', async () => {
  const db = join(mkdtempSync(join(tmpdir(), 'primm-cli-')), 'cli.sqlite');
  await primmInProcess('import', '--db', db, 'fixtures/import/generator-format');

  const all = await primmInProcess('recompute', '--db', db, '--json');
  const one = await primmInProcess('recompute', '--db', db, '--school', 'anps03000e', '--json');
  const unknown = await primmInProcess('recompute', '--db', db, '--school', 'XX00000000');

  expect(all.code).toBe(0);
  expect(JSON.parse(lastLine(all.stdout))).toEqual({
    students: 2,
    written: 0,
    unchanged: 2,
    tierChanged: 0,
    ms: expect.any(Number),
  });
  expect(JSON.parse(lastLine(one.stdout))).toMatchObject({ students: 2, written: 0, unchanged: 2 });
  expect(unknown.code).toBe(2);
  expect(unknown.stderr).toMatch(/Nessuna scuola con codice XX00000000/);
}, 30_000);
