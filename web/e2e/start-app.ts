import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const repoRoot = resolve(import.meta.dirname, '../..');

export interface RunningApp {
  url: string;
  /** The folder of its database (`primm.sqlite`, its key file, uploads). */
  dataDir: string;
  /** Stops the server; its folder is removed unless `keep`. */
  stop: (options?: { keep?: boolean }) => Promise<void>;
}

/**
 * Starts `pnpm primm serve --demo` as `pnpm start` does, on a free port (PORT=0) with a temporary
 * database — a copy of `from` (a folder made by an earlier start) or a fresh one, on which the
 * server loads the demo region — and waits for the line that announces the URL. `entry`: the same
 * command built into JavaScript once (server-bundle.ts), run by plain node instead of tsx.
 */
export async function startApp(env: Record<string, string> = {}, from?: string, entry?: string): Promise<RunningApp> {
  const dir = mkdtempSync(join(tmpdir(), 'primm-e2e-'));
  if (from) cpSync(from, dir, { recursive: true });
  const command = entry ? [entry] : ['--import', 'tsx', 'scripts/primm.ts'];
  const child = spawn(process.execPath, [...command, 'serve', '--demo'], {
    cwd: repoRoot,
    // No precomputing of the regional tables after every write (aggregate-service.ts): the journeys
    // write far more than they read those pages, which compute what they open (issue 23).
    env: { ...process.env, PORT: '0', PRIMM_DB: join(dir, 'primm.sqlite'), PRIMM_AGGREGATE_PRECOMPUTE: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await waitForUrl(child);
  return {
    url,
    dataDir: dir,
    stop: async ({ keep = false } = {}) => {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await new Promise((r) => child.once('exit', r));
      }
      if (!keep) rmSync(dir, { recursive: true, force: true });
    },
  };
}

function waitForUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /in ascolto su (http:\/\/\S+)/.exec(output);
      if (m) resolvePromise(m[1]!);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`the server exited (${code}) before listening:\n${output}`)));
  });
}
