import { setFlagsFromString } from 'node:v8';
import { Worker } from 'node:worker_threads';
import type { RiskSettings } from '@primm/shared/risk/settings';
import { fileKey, forgetListeners, keep, takeKept } from './kept-threads';
import type { Counts } from './school-recompute';
import { threadSource } from './thread-script';

/** What every thread of one regional recompute shares. */
export interface PoolJob {
  dbPath: string;
  year: { id: number; label: string };
  settings: RiskSettings;
  stamp: string;
}

/** A school to compute with the run's job, or null: close the connection and end. */
export type ThreadRequest = { schoolId: number; job: PoolJob } | null;
/** What a thread is started with: the file it connects to (it serves every run on that file). */
export type ThreadData = { dbPath: string };
export type ThreadReply = { schoolId: number; counts: Counts } | { schoolId: number; error: string };

/**
 * Recomputes the schools on `threads` worker threads, each with its own SQLite connection to the
 * same file: the schools are independent and the computation is most of the time, so two cores
 * do nearly twice the work (writes still take turns, SQLite has one writer). Calls `onDone` as
 * each school finishes; rejects on the first error, after stopping the threads. The schools go
 * out largest first (`largestFirst`). The threads of the last run on the same file are used again,
 * and these are kept for the next (kept-threads.ts).
 */
export async function recomputeOnThreads(
  job: PoolJob,
  schools: SchoolToDo[],
  threads: number,
  onDone: (schoolId: number, counts: Counts) => void,
): Promise<void> {
  const schoolIds = largestFirst(schools);
  const queue = [...schoolIds];
  const key = fileKey(job.dbPath);
  const workers = takeKept(key);
  const source = await threadSource();
  tuneV8();
  let unanswered = schoolIds.length;
  try {
    await new Promise<void>((resolve, reject) => {
      const busy = new Set<Worker>();
      const next = (worker: Worker) => {
        const schoolId = queue.shift();
        if (schoolId === undefined) return; // idle until the run ends
        busy.add(worker);
        worker.postMessage({ schoolId, job } satisfies ThreadRequest);
      };
      for (let i = 0; i < Math.min(threads, schoolIds.length); i++) {
        const worker =
          workers[i] ??
          new Worker('script' in source ? source.script : source.url, {
            eval: 'script' in source,
            workerData: { dbPath: job.dbPath } satisfies ThreadData,
            // A larger young generation: the assessment makes many short-lived strings and objects,
            // and the default one is collected (copying what is alive) several times per school.
            // 128 MB against 64: −0.9 s of 12.3 at 200 000 students, +60 MB of peak memory; 256 gave
            // no more (docs/performance-history.md §12).
            resourceLimits: { maxYoungGenerationSizeMb: 128 },
          });
        if (i === workers.length) workers.push(worker);
        worker.on('message', (reply: ThreadReply) => {
          busy.delete(worker);
          if ('error' in reply) return reject(new Error(`ricalcolo della scuola ${reply.schoolId}: ${reply.error}`));
          try {
            onDone(reply.schoolId, reply.counts);
          } catch (err) {
            return reject(err);
          }
          next(worker);
          // Every school committed: done, and the threads wait for the next run.
          if (--unanswered === 0) resolve();
        });
        worker.on('error', reject);
        worker.on('exit', (code) => {
          // One that ends while it holds a school (a crash, an out-of-memory) fails the run.
          if (busy.has(worker))
            reject(new Error(`thread di ricalcolo terminato con codice ${code} durante una scuola`));
        });
        next(worker);
      }
      if (unanswered === 0) resolve();
    });
  } catch (err) {
    // After an error the others stop where they are: a write not committed is rolled back.
    await Promise.all(workers.map((w) => w.terminate()));
    throw err;
  }
  for (const w of workers) forgetListeners(w);
  keep(key, workers);
}

/** A school to recompute and how many students it had at its last recompute (0 if never). */
export interface SchoolToDo {
  id: number;
  students: number;
}

/**
 * The schools' ids, those with the most students first (ties in the given order). The run ends
 * when the last school is written, and one thread has nothing to do meanwhile: in school-code
 * order, at 200 000 students, 35–90 ms from one thread's last school to the other's; largest
 * first, 11–24 ms (docs/performance-history.md §16). The sizes are those of the last recompute,
 * a good guess of this one's.
 */
export function largestFirst(schools: readonly SchoolToDo[]): number[] {
  return schools
    .map((s, at) => ({ ...s, at }))
    .sort((a, b) => b.students - a.students || a.at - b.at)
    .map((s) => s.id);
}

let tuned = false;

/**
 * Two V8 flags for the recompute's threads; flags are the process's, so the server's own code
 * runs with them too.
 * - V8 runs a function first in its interpreter and compiles it only once it is hot: each new
 *   thread warms the whole assessment up from scratch (≈ 1 CPU-s a thread). With
 *   `--always-sparkplug` a function is compiled at once to its non-optimizing machine code
 *   (Sparkplug, fast to make): −0.65 s of 11.6 at 200 000 students (docs/performance-history.md §12).
 * - V8 learns, per place in the code that allocates, whether what it makes lives long, and then
 *   makes it straight in the old generation (allocation-site pretenuring). Reading a school makes
 *   big texts and rows that live for the whole school: the sites get marked, and the short-lived
 *   objects made there later go to the old generation too, whose collections cost far more. A
 *   thread kept from a cold recompute (every grade read) ran the next full one no faster than a
 *   new thread. Without pretenuring, at 200 000 students, the full recompute after a cold one took
 *   15–18 CPU-s instead of 19–21 (docs/performance-history.md §16).
 */
function tuneV8(): void {
  if (tuned) return;
  setFlagsFromString('--always-sparkplug');
  setFlagsFromString('--no-allocation-site-pretenuring');
  tuned = true;
}
