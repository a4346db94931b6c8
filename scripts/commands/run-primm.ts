import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { inspect, promisify } from 'node:util';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '../..');

/** Test helper: runs `pnpm primm …` as a user would (through tsx), returning exit code and output. */
export async function primm(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'scripts/primm.ts', ...args], {
      cwd: root,
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** The last line of a command's output: where `--json` puts its one object. */
export const lastLine = (s: string) => s.trim().split('\n').pop()!;

/**
 * Test helper: runs `pnpm primm …` inside the test's process, returning the same as `primm`.
 * Starting tsx costs seconds per command on a loaded machine; use this unless the test is about
 * the process itself (its exit code, that the last line of stdout is the JSON, the entry point).
 * Output is captured from console and from the standard streams; the working directory is the
 * repository's, as for `pnpm primm`.
 */
export async function primmInProcess(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  // One command at a time: the capture replaces process-wide console and streams, and a command
  // left running by a test that timed out must finish before the next one's output is read.
  const previous = running;
  let done = () => {};
  running = new Promise<void>((ok) => (done = ok));
  await previous;
  try {
    return await captured(args);
  } finally {
    done();
  }
}

let running: Promise<void> = Promise.resolve();

async function captured(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const { runPrimm } = await import('./primm-commands');
  const out: string[] = [];
  const err: string[] = [];
  const line =
    (to: string[]) =>
    (...parts: unknown[]) => {
      to.push(`${parts.map((p) => (typeof p === 'string' ? p : inspect(p))).join(' ')}\n`);
    };
  const write = (to: string[]) => (chunk: string | Uint8Array) => {
    to.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    return true;
  };
  const saved = {
    log: console.log,
    info: console.info,
    warn: console.warn,
    error: console.error,
    stdout: process.stdout.write,
    stderr: process.stderr.write,
    cwd: process.cwd(),
  };
  console.log = console.info = line(out);
  console.warn = console.error = line(err);
  process.stdout.write = write(out) as typeof process.stdout.write;
  process.stderr.write = write(err) as typeof process.stderr.write;
  process.chdir(root);
  try {
    const code = await runPrimm(args);
    return { code, stdout: out.join(''), stderr: err.join('') };
  } finally {
    Object.assign(console, { log: saved.log, info: saved.info, warn: saved.warn, error: saved.error });
    process.stdout.write = saved.stdout;
    process.stderr.write = saved.stderr;
    process.chdir(saved.cwd);
  }
}
