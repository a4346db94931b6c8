/**
 * One thread of a regional recompute (recompute-pool.ts): its own connection to the database
 * file, and one school at a time as the pool hands them out.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openSqlite } from '../db/open-database';
import type { ThreadData, ThreadReply, ThreadRequest } from './recompute-pool';
import { recomputeSchoolConcurrently } from './school-recompute';

const { dbPath } = workerData as ThreadData;
// A minute, not the server's 5 s: a thread's write waits for the other thread's commit, and a
// commit that checkpoints the WAL waits for the disk to take the file (fsync). Right after the
// bench copies a 330 MB database, that took more than 5 s (the start-up recompute failed "database
// is locked" 4 times in 4 with a CPU profile on; with a minute, the longest wait was 86 ms). A
// recompute is background work: it waits rather than fails.
const db = openSqlite(dbPath, { busyTimeoutMs: 60_000 });
const port = parentPort!;

port.on('message', (request: ThreadRequest) => {
  if (request === null) {
    void db.destroy().then(() => port.close());
    return;
  }
  recomputeSchoolConcurrently(db, request.schoolId, request.job).then(
    (counts) => port.postMessage({ schoolId: request.schoolId, counts } satisfies ThreadReply),
    (err: unknown) =>
      port.postMessage({
        schoolId: request.schoolId,
        error: err instanceof Error ? (err.stack ?? err.message) : String(err),
      } satisfies ThreadReply),
  );
});
