import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { threadSource } from './thread-script';

describe('threadSource', () => {
  it('when bundled, then kysely and the engine are inside the script and only the native addons are required, by their installed path', async () => {
    const source = await threadSource();
    if (!('script' in source)) throw new Error('atteso il codice del thread in un solo script');
    const required = [...source.script.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]!);
    const betterSqlite = createRequire(import.meta.url).resolve('better-sqlite3');
    expect(required).toContain(betterSqlite);
    // Node's own modules aside, nothing left to resolve at start: that is the slow part.
    expect(required.filter((r) => !r.startsWith('node:') && r !== betterSqlite)).toEqual([]);
    expect(source.script).toContain('function measureStudent(');
    expect(await threadSource()).toBe(source); // once per process
  });

  it('when a thread runs the script on a database it cannot open, then the pool sees the error', async () => {
    const source = await threadSource();
    if (!('script' in source)) throw new Error('atteso il codice del thread in un solo script');
    const worker = new Worker(source.script, { eval: true, workerData: { dbPath: '/etc/passwd/primm.sqlite' } });
    const error = await new Promise<Error>((resolve) => worker.once('error', resolve));
    expect(error.message).toMatch(/EEXIST.*mkdir/);
    await worker.terminate();
  });
});
