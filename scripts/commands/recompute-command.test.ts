import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from 'vitest';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '../..');

async function primm(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'scripts/primm.ts', ...args], { cwd: root });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}
const lastLine = (s: string) => s.trim().split('\n').pop()!;

test('recompute --json: when the imported fixture is recomputed, then nothing is written (the import computed it) and the summary is the last line', async () => {
  const db = join(mkdtempSync(join(tmpdir(), 'primm-cli-')), 'cli.sqlite');
  await primm('import', '--db', db, 'fixtures/import/generator-format');

  const all = await primm('recompute', '--db', db, '--json');
  const one = await primm('recompute', '--db', db, '--school', 'anps03000e', '--json');
  const unknown = await primm('recompute', '--db', db, '--school', 'XX00000000');

  expect(all.code).toBe(0);
  expect(JSON.parse(lastLine(all.stdout))).toEqual({ students: 2, written: 0, unchanged: 2, ms: expect.any(Number) });
  expect(JSON.parse(lastLine(one.stdout))).toMatchObject({ students: 2, written: 0, unchanged: 2 });
  expect(unknown.code).toBe(2);
  expect(unknown.stderr).toMatch(/Nessuna scuola con codice XX00000000/);
}, 30_000);
