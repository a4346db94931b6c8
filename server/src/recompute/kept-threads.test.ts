import { mkdtempSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { endKeptThreads, fileKey, IDLE_MS, keep, takeKept } from './kept-threads';

// Threads that end when told to (null), as recompute-thread.ts does, or at once when asked to fail.
const idleThread = () =>
  new Worker(
    `const { parentPort } = require('node:worker_threads');
     parentPort.on('message', (m) => { if (m === null) parentPort.close(); if (m === 'fail') process.exit(3); });`,
    { eval: true },
  );
const ended = (w: Worker) => new Promise<number>((resolve) => w.once('exit', resolve));
const aFile = () => {
  const path = join(mkdtempSync(join(tmpdir(), 'primm-kept-')), 'primm.sqlite');
  writeFileSync(path, '');
  return path;
};

afterEach(() => {
  endKeptThreads();
  vi.useRealTimers();
});

describe('kept threads', () => {
  it('when threads are kept for a file, then the next run on it takes the same ones, once', async () => {
    const key = fileKey(aFile());
    const workers = [idleThread(), idleThread()];
    keep(key, workers);
    expect(takeKept(key)).toEqual(workers);
    expect(takeKept(key)).toEqual([]);
    await Promise.all(workers.map((w) => w.terminate()));
  });

  it('when the file at the path is replaced, then its key changes (threads of the old file are not used on it)', () => {
    const path = aFile();
    const before = fileKey(path);
    expect(fileKey(path)).toBe(before);
    const other = join(path, '..', 'restored.sqlite');
    writeFileSync(other, '');
    renameSync(other, path);
    expect(fileKey(path)).not.toBe(before);
  });

  it('when threads are already kept for the file, then the new ones end (one set is enough)', async () => {
    const key = fileKey(aFile());
    const first = [idleThread()];
    const second = [idleThread()];
    keep(key, first);
    const exit = ended(second[0]!);
    keep(key, second);
    expect(await exit).toBe(0);
    expect(takeKept(key)).toEqual(first);
    await first[0]!.terminate();
  });

  it('when no run comes for the idle time, then the threads end and none is kept', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const key = fileKey(aFile());
    const workers = [idleThread(), idleThread()];
    keep(key, workers);
    vi.advanceTimersByTime(IDLE_MS - 1);
    expect(takeKept(key)).toEqual(workers); // still there just before (taking them drops their listeners)
    keep(key, workers);
    const exits = workers.map(ended);
    vi.advanceTimersByTime(IDLE_MS);
    expect(await Promise.all(exits)).toEqual([0, 0]);
    expect(takeKept(key)).toEqual([]);
  });

  it('when a kept thread ends on its own, then it is not handed out again', async () => {
    const key = fileKey(aFile());
    const [dying, healthy] = [idleThread(), idleThread()];
    keep(key, [dying, healthy]);
    const exit = ended(dying);
    dying.postMessage('fail');
    expect(await exit).toBe(3);
    expect(takeKept(key)).toEqual([healthy]);
    await healthy.terminate();
  });
});
