import { Worker } from 'node:worker_threads';
import { bundledThread, fromSource } from '../recompute/thread-script';
import { unpackAttendance } from './attendance-rows';
import type { BulkUpsert } from './bulk-upsert';
import { CsvSyntaxError } from './csv-parser';
import { openFileStats, noteDate } from './file-stats';
import { MAX_ISSUES, tally, type ImportContext, type ImportIssue, type RowChange } from './import-context';
import type { SchoolState } from './school-state';

/** What a reader thread is given: one school's assenze.csv and what its rows are checked against. */
export interface ReaderJob {
  dir: string;
  state: SchoolState;
  pseudonymKey: string;
  batchId: number | null;
  now: string;
  /** Rows of a chunk, the writer's own (`BulkUpsert.chunkSize`). */
  chunkSize: number;
  /** Chunks sent and not yet written beyond which the reader waits. */
  chunksAhead: number;
}

/** What the import's thread says: a school to read, or that a chunk was written. */
export type WriterMessage = { read: ReaderJob } | 'written';

/** What the reader thread says: a chunk (packed, `packAttendance`), the end, or its failure. */
export type ReaderMessage =
  | { chunk: Float64Array }
  | {
      done: {
        ok: boolean;
        counts: Record<RowChange | 'rejected', number>;
        issues: ImportIssue[];
        read: number;
        dateFrom: string | null;
        dateTo: string | null;
      };
    }
  | { failed: { csv: boolean; message: string; stack?: string } };

/**
 * Two chunks read ahead of the one being written: the reader never waits for a chunk to be
 * taken, and at most three chunks of packed rows (≈ 1 MB on SQLite) are between the threads.
 */
export const CHUNKS_AHEAD = 3;

const threadModule = new URL('./attendance-reader-thread.ts', import.meta.url);
const fallbackUrl = fromSource
  ? new URL('./attendance-reader-thread-entry.mjs', import.meta.url)
  : new URL('./attendance-reader-thread.js', import.meta.url);

/**
 * assenze.csv of `dir` read, parsed and checked in a thread of its own while this one writes
 * (issue 24 item 5): the reader hands over chunks of distinct keys, `sync` writes chunk N while
 * the reader reads chunk N+1. Tallies, rejections (file, line, column, in file order) and the
 * file's dates end up in `ctx` as if the rows had been read here; a failure of either thread
 * ends the other and is thrown, so the import's transaction rolls back. Returns whether the file
 * could be read (as `forEachRecord`). The thread is started once per import and reused by its
 * next schools (a start costs ≈ 0.5 s of CPU: its script compiled, its code warmed up again);
 * `closeReaderThread` ends it.
 */
export async function readAttendanceInThread(
  ctx: ImportContext,
  dir: string,
  state: SchoolState,
  sync: BulkUpsert,
): Promise<boolean> {
  const reader = threads.get(ctx) ?? (await startReader(ctx));
  const job: ReaderJob = {
    dir,
    state,
    pseudonymKey: ctx.pseudonymKey,
    batchId: ctx.batchId,
    now: ctx.now,
    chunkSize: sync.chunkSize,
    chunksAhead: CHUNKS_AHEAD,
  };
  const stats = openFileStats(ctx, `${dir.split(/[\\/]/).pop()}/assenze.csv`, 'assenze.csv');
  try {
    reader.worker.postMessage({ read: job } satisfies WriterMessage);
    for (;;) {
      const message = await reader.inbox.next();
      if ('chunk' in message) {
        const { chunk } = message;
        await sync.putDistinct((values) => unpackAttendance(chunk, values, ctx.batchId));
        reader.worker.postMessage('written' satisfies WriterMessage);
        continue;
      }
      if ('failed' in message) {
        const { csv, message: text, stack } = message.failed;
        throw Object.assign(csv ? new CsvSyntaxError(text) : new Error(text), stack ? { stack } : {});
      }
      const { done } = message;
      stats.read += done.read;
      if (done.dateFrom) noteDate(ctx, done.dateFrom);
      if (done.dateTo) noteDate(ctx, done.dateTo);
      tally(ctx, 'updated', done.counts.updated);
      tally(ctx, 'unchanged', done.counts.unchanged);
      ctx.counts.rejected += done.counts.rejected;
      stats.counts.rejected += done.counts.rejected;
      for (const issue of done.issues) if (ctx.issues.length < MAX_ISSUES) ctx.issues.push(issue);
      return done.ok;
    }
  } catch (err) {
    // Either thread failed midway: the reader may be waiting for a chunk to be written.
    await closeReaderThread(ctx);
    throw err;
  }
}

/** Ends the reader thread of the import of `ctx`, if it has one. */
export async function closeReaderThread(ctx: ImportContext): Promise<void> {
  const reader = threads.get(ctx);
  threads.delete(ctx);
  await reader?.worker.terminate();
}

interface Reader {
  worker: Worker;
  inbox: MessageQueue;
}

const threads = new WeakMap<ImportContext, Reader>();

async function startReader(ctx: ImportContext): Promise<Reader> {
  const source = await bundledThread(threadModule, fallbackUrl, 'assenze');
  const worker = new Worker('script' in source ? source.script : source.url, { eval: 'script' in source });
  const reader = { worker, inbox: new MessageQueue(worker) };
  threads.set(ctx, reader);
  return reader;
}

/** A worker's messages in order, its error or its early exit as a failure of the next one awaited. */
class MessageQueue {
  private readonly messages: ReaderMessage[] = [];
  private failure: Error | undefined;
  private waiting: { resolve: (m: ReaderMessage) => void; reject: (e: Error) => void } | undefined;

  constructor(worker: Worker) {
    worker.on('message', (m: ReaderMessage) => {
      if (this.waiting) this.take().resolve(m);
      else this.messages.push(m);
    });
    worker.once('error', (err) => this.fail(err));
    worker.once('exit', (code) => this.fail(new Error(`thread di lettura delle assenze terminato con codice ${code}`)));
  }

  next(): Promise<ReaderMessage> {
    const m = this.messages.shift();
    if (m) return Promise.resolve(m);
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => (this.waiting = { resolve, reject }));
  }

  private fail(err: Error): void {
    this.failure ??= err;
    if (this.waiting) this.take().reject(this.failure);
  }

  private take() {
    const w = this.waiting!;
    this.waiting = undefined;
    return w;
  }
}
