import { mkdtempSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { endKeptThreads } from './kept-threads';
import type { PoolJob } from './recompute-pool';

// Threads that play the recompute's part of the conversation, without a database: the pool is
// what is tested here (the real thread: recompute.test.ts, thread-script.test.ts).
const script = vi.hoisted(() => ({ text: '' }));
vi.mock('./thread-script', () => ({ threadSource: async () => ({ script: script.text }) }));
const { largestFirst, recomputeOnThreads } = await import('./recompute-pool');

// The threads are kept per file (kept-threads.ts): each test has a file of its own, and ends them after.
const aFile = () => {
  const path = join(mkdtempSync(join(tmpdir(), 'primm-pool-')), 'primm.sqlite');
  writeFileSync(path, '');
  return path;
};
let job: PoolJob;
beforeEach(() => {
  job = { dbPath: aFile(), year: { id: 1, label: '2026/27' }, settings: {}, stamp: 's' } as unknown as PoolJob;
});
afterEach(() => endKeptThreads());
const schools = (...ids: number[]) => ids.map((id) => ({ id, students: 0 }));
const counts = (students: number) => ({ students, written: students, unchanged: 0, tierChanged: 0 });
const thread = (onSchool: string) => `
  const { parentPort } = require('node:worker_threads');
  parentPort.on('message', (request) => {
    if (request === null) return parentPort.close();
    ${onSchool}
  });`;

describe('recomputeOnThreads', () => {
  it('when every school is answered, then each is reported once and the run ends', async () => {
    script.text = thread(
      'parentPort.postMessage({ schoolId: request.schoolId, counts: { students: request.schoolId, written: request.schoolId, unchanged: 0, tierChanged: 0 } });',
    );
    const done = new Map<number, unknown>();
    await recomputeOnThreads(job, schools(1, 2, 3, 4, 5), 3, (id, c) => done.set(id, c));
    expect([...done.keys()].sort()).toEqual([1, 2, 3, 4, 5]);
    expect(done.get(4)).toEqual(counts(4));
  });

  it('when a thread ends while it holds a school, then the run fails and says so', async () => {
    script.text = thread(
      'if (request.schoolId === 3) process.exit(7); parentPort.postMessage({ schoolId: request.schoolId, counts: { students: 1, written: 1, unchanged: 0, tierChanged: 0 } });',
    );
    await expect(recomputeOnThreads(job, schools(1, 2, 3, 4), 2, () => {})).rejects.toThrow(
      /terminato con codice 7 durante una scuola/,
    );
  });

  it('when a school fails in its thread, then the run fails with the school and the error', async () => {
    script.text = thread("parentPort.postMessage({ schoolId: request.schoolId, error: 'disco pieno' });");
    await expect(recomputeOnThreads(job, schools(8), 1, () => {})).rejects.toThrow(/scuola 8: disco pieno/);
  });

  it('when schools differ in size, then they go out largest first, sizes known or not', async () => {
    script.text = thread(
      'parentPort.postMessage({ schoolId: request.schoolId, counts: { students: 1, written: 1, unchanged: 0, tierChanged: 0 } });',
    );
    const order: number[] = [];
    const sized = [
      { id: 1, students: 120 },
      { id: 2, students: 900 },
      { id: 3, students: 0 },
      { id: 4, students: 450 },
    ];
    await recomputeOnThreads(job, sized, 1, (id) => order.push(id));
    expect(order).toEqual([2, 4, 1, 3]);
  });
});

describe('recomputeOnThreads: threads kept between runs', () => {
  // Each school answers with the id of the thread that computed it.
  const byThread = thread(
    "parentPort.postMessage({ schoolId: request.schoolId, counts: { students: require('node:worker_threads').threadId, written: 0, unchanged: 0, tierChanged: 0 } });",
  );
  const threadsOf = async (file: PoolJob) => {
    const ids = new Set<number>();
    await recomputeOnThreads(file, schools(1, 2, 3, 4), 2, (_, c) => ids.add(c.students));
    return ids;
  };

  it('when a second run follows on the same file, then the same threads compute it, with its own job', async () => {
    script.text = byThread;
    const first = await threadsOf(job);
    const second = await threadsOf({ ...job, stamp: 'next' });
    expect(first.size).toBe(2);
    expect(second).toEqual(first);
  });

  it('when the file was replaced at the same path, then new threads compute the run', async () => {
    script.text = byThread;
    const first = await threadsOf(job);
    const restored = `${job.dbPath}.restored`;
    writeFileSync(restored, '');
    renameSync(restored, job.dbPath);
    const second = await threadsOf(job);
    expect([...second].filter((id) => first.has(id))).toEqual([]);
  });

  it('when a run fails, then its threads are not kept', async () => {
    script.text = thread("parentPort.postMessage({ schoolId: request.schoolId, error: 'disco pieno' });");
    await expect(recomputeOnThreads(job, schools(1, 2), 2, () => {})).rejects.toThrow(/disco pieno/);
    script.text = byThread;
    const after = await threadsOf(job);
    const again = await threadsOf(job);
    expect(again).toEqual(after); // kept from here on
    // (the failed run's threads were terminated: had they been kept, they would answer "disco pieno")
  });
});

describe('largestFirst', () => {
  it.each([
    { given: [], expected: [] },
    { given: [{ id: 5, students: 10 }], expected: [5] },
    {
      given: [
        { id: 1, students: 10 },
        { id: 2, students: 30 },
        { id: 3, students: 20 },
      ],
      expected: [2, 3, 1],
    },
    {
      // Equal sizes (a first run: none known) keep the given order.
      given: [
        { id: 9, students: 0 },
        { id: 4, students: 0 },
        { id: 7, students: 5 },
        { id: 1, students: 0 },
      ],
      expected: [7, 9, 4, 1],
    },
  ])('$given → $expected', ({ given, expected }) => {
    expect(largestFirst(given)).toEqual(expected);
  });
});
