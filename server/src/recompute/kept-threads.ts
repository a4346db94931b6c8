import { statSync } from 'node:fs';
import type { Worker } from 'node:worker_threads';

/**
 * The recompute's threads, kept a while after a regional run for the next one on the same file.
 * A new thread starts cold: its code is evaluated again and V8 learns the whole assessment from
 * scratch, ≈ 1.2 CPU-s a thread (at 20 000 students a run took 4.5–4.9 CPU-s with new threads,
 * 2.0–2.8 with kept ones; docs/performance-history.md §16). The server runs several (at start, the
 * admin's button, a new version of the settings), and so does the bench.
 *
 * A thread holds a connection to the file it was started for: threads are kept per file, by path
 * and by the file's identity, so a database replaced at the same path (a test's, a restored
 * backup moved into place) gets threads of its own. Kept threads do not keep the process alive
 * and end after `IDLE_MS` without a run, closing their connection.
 */
export const IDLE_MS = 60_000;

interface Kept {
  workers: Worker[];
  timer: NodeJS.Timeout;
}
const kept = new Map<string, Kept>();

/** The key of the database file at `path`: a new file at the same path has another. */
export function fileKey(path: string): string {
  const { dev, ino } = statSync(path);
  return `${path}|${dev}|${ino}`;
}

/** The idle threads kept for `key` (none if none), which are the caller's until it gives them back. */
export function takeKept(key: string): Worker[] {
  const entry = kept.get(key);
  if (!entry) return [];
  kept.delete(key);
  clearTimeout(entry.timer);
  for (const w of entry.workers) {
    forgetListeners(w);
    w.ref(); // a run in progress keeps the process alive (a CLI would otherwise exit mid-run)
  }
  return entry.workers;
}

/**
 * Keeps `workers`, idle and healthy, for the next run on `key`. If threads are already kept for it
 * (two runs on the same file at once), these end now: one set is enough.
 */
export function keep(key: string, workers: Worker[]): void {
  if (kept.has(key)) return endAll(workers);
  const entry: Kept = {
    workers,
    timer: setTimeout(() => {
      kept.delete(key);
      endAll(workers);
    }, IDLE_MS).unref(),
  };
  for (const w of workers) {
    w.unref();
    // An idle thread that fails or ends leaves the set: the next run starts a new one.
    const drop = () => {
      const at = entry.workers.indexOf(w);
      if (at >= 0) entry.workers.splice(at, 1);
    };
    w.on('error', drop);
    w.on('exit', drop);
  }
  kept.set(key, entry);
}

/** Ends every kept thread now (a test's or a shutdown's cleanup). */
export function endKeptThreads(): void {
  for (const [key, entry] of kept) {
    kept.delete(key);
    clearTimeout(entry.timer);
    endAll(entry.workers);
  }
}

/**
 * Removes what a run or the keeper listens to on a thread. By name: `removeAllListeners()` would
 * also remove the listeners through which Node delivers a thread's messages, and the next run
 * would wait for answers forever.
 */
export function forgetListeners(worker: Worker): void {
  for (const event of ['message', 'error', 'exit'] as const) worker.removeAllListeners(event);
}

/** Asks each thread to close its connection and end (`null`, recompute-thread.ts). */
function endAll(workers: Worker[]): void {
  for (const w of workers) w.postMessage(null);
}
