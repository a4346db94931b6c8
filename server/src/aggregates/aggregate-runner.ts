import { Worker } from 'node:worker_threads';
import type { Db } from '../db/open-database';
import { HttpError } from '../http/http-error';
import { bundledThread, fromSource } from '../recompute/thread-script';
import {
  aggregatesHere,
  type AggregateBody,
  type AggregateComputer,
  type AggregateJob,
  type AggregateSettings,
} from './compute-aggregates';

/** Where the thread reads the data: the same SQLite file (read-only), or the same PostgreSQL. */
export type AggregateSource = { sqlite: string } | { postgres: string };

export interface AggregateThreadData {
  source: AggregateSource;
  settings: AggregateSettings;
}

export type AggregateRequest = { id: number; job: AggregateJob };
export type AggregateReply =
  { id: number; body: AggregateBody } | { id: number; error: { status?: number; code?: string; message: string } };

const threadModule = new URL('./aggregate-thread.ts', import.meta.url);
const fallbackUrl = fromSource
  ? new URL('./aggregate-thread-entry.mjs', import.meta.url)
  : new URL('./aggregate-thread.js', import.meta.url);

/** The thread's code (thread-script.ts: one bundled script, or the module through tsx). */
export const aggregateThreadCode = () => bundledThread(threadModule, fallbackUrl, 'aggregati');

/**
 * Where the aggregates of this app are computed: on a thread when it can open the database on its
 * own (a file, PostgreSQL), here for `:memory:` (tests, a demo in memory), which no other
 * connection can see.
 */
export function aggregateComputerFor(
  db: Db,
  deps: AggregateSettings & { dbPath?: string; databaseUrl?: string | null },
): AggregateComputer {
  const settings: AggregateSettings = {
    minCell: deps.minCell,
    pseudonymKey: deps.pseudonymKey,
    aggregateNoise: deps.aggregateNoise,
  };
  if (deps.databaseUrl) return new ThreadedAggregates({ source: { postgres: deps.databaseUrl }, settings });
  if (deps.dbPath && deps.dbPath !== ':memory:')
    return new ThreadedAggregates({ source: { sqlite: deps.dbPath }, settings });
  return aggregatesHere(db, settings);
}

/**
 * Aggregates computed on one worker thread with its own connection (aggregate-thread.ts): a
 * table's counting (SQLite runs it on the calling thread) and its audited suppression (up to ≈ 2 s
 * of CPU, compute-aggregates.ts) no longer hold the event loop, so every other request is answered
 * meanwhile. One thread, started at the first request and kept (warm: the raw counts of a data
 * version are memoised there, and its code is compiled once); it keeps no process alive. If it
 * dies, the requests waiting for it fail and the next one starts a new one.
 */
export class ThreadedAggregates implements AggregateComputer {
  private worker: Promise<Worker> | undefined;
  private readonly waiting = new Map<
    number,
    { resolve: (body: AggregateBody) => void; reject: (err: Error) => void }
  >();
  private next = 0;
  private closed = false;

  constructor(private readonly data: AggregateThreadData) {}

  async compute(job: AggregateJob): Promise<AggregateBody> {
    if (this.closed) throw new Error('aggregati: il servizio è in chiusura');
    const worker = await this.start();
    const id = ++this.next;
    return new Promise<AggregateBody>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      worker.postMessage({ id, job } satisfies AggregateRequest);
    });
  }

  /** Ends the thread for good (a test, a shutdown): what waits for it fails, what comes after too. */
  async close(): Promise<void> {
    this.closed = true;
    const worker = this.worker;
    this.worker = undefined;
    if (worker) await (await worker).terminate();
  }

  private start(): Promise<Worker> {
    this.worker ??= aggregateThreadCode().then((source) => {
      const worker = new Worker('script' in source ? source.script : source.url, {
        eval: 'script' in source,
        workerData: this.data,
      });
      worker.unref();
      worker.on('message', (reply: AggregateReply) => {
        const waiter = this.waiting.get(reply.id);
        this.waiting.delete(reply.id);
        if (!waiter) return;
        if ('body' in reply) waiter.resolve(reply.body);
        else {
          const { status, code, message } = reply.error;
          waiter.reject(
            status && code ? new HttpError(status, code as never, message) : new Error(`aggregati: ${message}`),
          );
        }
      });
      const failAll = (err: Error) => {
        this.worker = undefined;
        for (const waiter of this.waiting.values()) waiter.reject(err);
        this.waiting.clear();
      };
      worker.on('error', failAll);
      worker.on('exit', (code) => failAll(new Error(`thread degli aggregati terminato (codice ${code})`)));
      return worker;
    });
    return this.worker;
  }
}
