import { describe, expect, it, vi } from 'vitest';
import type { PoolJob } from './recompute-pool';

// Threads that play the recompute's part of the conversation, without a database: the pool is
// what is tested here (the real thread: recompute.test.ts, thread-script.test.ts).
const script = vi.hoisted(() => ({ text: '' }));
vi.mock('./thread-script', () => ({ threadSource: async () => ({ script: script.text }) }));
const { largestFirst, recomputeOnThreads } = await import('./recompute-pool');

const job = { dbPath: '/nowhere', year: { id: 1, label: '2026/27' }, settings: {}, stamp: 's' } as unknown as PoolJob;
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
