import { mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

/**
 * Each test file gets a temporary folder of its own, removed when the file ends (issue 23: runs
 * had left ≈ 12 000 `primm-*` folders in /tmp — upload roots, SQLite files, generated regions,
 * unpacked zips). TMPDIR points at it while the file runs, so every `mkdtempSync(tmpdir())` of a
 * test, of the code under test and of the processes a test spawns lands inside it, and nothing
 * needs a cleanup of its own to stop leaking. The first setup file of the server and scripts
 * projects (vitest.config.ts): vitest runs a setup file again for each test file even where the
 * files of a worker share their modules (isolate: false), so each file gets its own folder; a
 * module that keeps a folder must make it when first used in a file, not when loaded (see
 * testConfig.uploadDir).
 */
const systemTmp = (process.env.PRIMM_TEST_SYSTEM_TMPDIR ??= tmpdir());
const fileTmp = mkdtempSync(join(systemTmp, `primm-test-file-${process.pid}-`));
process.env.TMPDIR = fileTmp;

// tsx keeps its compile cache in tmpdir()/tsx-<uid>: a spawned `tsx` shares the machine's warm
// cache instead of compiling the scripts' graph again for each file. rmSync leaves the target of a
// link alone.
const uid = process.geteuid?.() ?? 0;
try {
  symlinkSync(join(systemTmp, `tsx-${uid}`), join(fileTmp, `tsx-${uid}`));
} catch {
  // Without the link tsx makes its own cache here; slower, still removed below.
}

const remove = () => rmSync(fileTmp, { recursive: true, force: true, maxRetries: 3 });
afterAll(() => {
  process.env.TMPDIR = systemTmp;
  remove();
});

// A file whose tests are all skipped runs no afterAll (and its worker may end without 'exit'), and
// a test that timed out may still write after it: the folders of test processes that are gone are
// removed when the next file starts (the process id is in the name).
for (const entry of readdirSync(systemTmp)) {
  const pid = /^primm-test-file-(\d+)-/.exec(entry)?.[1];
  if (pid && !isRunning(Number(pid))) rmSync(join(systemTmp, entry), { recursive: true, force: true });
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
