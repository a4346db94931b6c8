/**
 * One thread of a regional recompute (recompute-pool.ts): its own connection to the database
 * file, and one school at a time as the pool hands them out.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openSqlite } from '../db/open-database';
import type { PoolJob, ThreadReply, ThreadRequest } from './recompute-pool';
import { recomputeSchoolConcurrently } from './school-recompute';

const job = workerData as PoolJob;
const db = openSqlite(job.dbPath);
const port = parentPort!;

port.on('message', (request: ThreadRequest) => {
  if (request === null) {
    void db.destroy().then(() => port.close());
    return;
  }
  recomputeSchoolConcurrently(db, request.schoolId, job).then(
    (counts) => port.postMessage({ schoolId: request.schoolId, counts } satisfies ThreadReply),
    (err: unknown) =>
      port.postMessage({
        schoolId: request.schoolId,
        error: err instanceof Error ? (err.stack ?? err.message) : String(err),
      } satisfies ThreadReply),
  );
});
