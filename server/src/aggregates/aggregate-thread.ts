/**
 * The aggregates thread (aggregate-runner.ts): its own connection to the database the server
 * uses, read-only for SQLite, and the computations of compute-aggregates.ts, off the event loop.
 */
import { parentPort, workerData } from 'node:worker_threads';
import SQLite from 'better-sqlite3';
import { wrapSqlite } from '../db/open-database';
import { openPostgres } from '../db/open-postgres';
import { HttpError } from '../http/http-error';
import type { AggregateReply, AggregateRequest, AggregateThreadData } from './aggregate-runner';
import { aggregatesHere } from './compute-aggregates';

const { source, settings } = workerData as AggregateThreadData;
// Read-only: this connection never writes (a WAL reader runs beside the server's writes).
const db =
  'sqlite' in source
    ? wrapSqlite(new SQLite(source.sqlite, { readonly: true, fileMustExist: true }))
    : openPostgres(source.postgres, { max: 2 });
const computer = aggregatesHere(db, settings);
const port = parentPort!;

port.on('message', ({ id, job }: AggregateRequest) => {
  computer.compute(job).then(
    (body) => port.postMessage({ id, body } satisfies AggregateReply),
    (err: unknown) =>
      port.postMessage({
        id,
        error:
          err instanceof HttpError
            ? { status: err.status, code: err.code, message: err.message }
            : { message: err instanceof Error ? (err.stack ?? err.message) : String(err) },
      } satisfies AggregateReply),
  );
});
