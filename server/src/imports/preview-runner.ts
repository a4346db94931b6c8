import { Worker } from 'node:worker_threads';
import type { Db } from '../db/open-database';
import { bundledThread, fromSource } from '../recompute/thread-script';
import { CsvSyntaxError } from './csv-parser';
import { ImportInputError } from './import-inputs';
import type { ImportOptions, ImportSummary } from './import-paths';
import { ImportScopeError, type RefusedSchool } from './import-scope';

/** What a preview thread is given. */
export interface PreviewJob {
  dbPath: string;
  paths: string[];
  options: Omit<ImportOptions, 'dryRun' | 'onProgress'>;
}

export type PreviewReply =
  | { summary: ImportSummary }
  | {
      failure:
        | { kind: 'scope'; message: string; refused: RefusedSchool[] }
        | { kind: 'csv' | 'input'; message: string }
        | { kind: 'other'; message: string; stack?: string };
      /** The failed batch the run recorded (in its copy), to record in the database. */
      batch?: Record<string, unknown>;
    };

const threadModule = new URL('./preview-thread.ts', import.meta.url);
const fallbackUrl = fromSource
  ? new URL('./preview-thread-entry.mjs', import.meta.url)
  : new URL('./preview-thread.js', import.meta.url);

/**
 * Previews of uploads on a SQLite file, each in a worker thread on a copy of what its import
 * reads (preview-copy.ts): the server's event loop and its connection stay free, so other
 * requests are answered while a preview runs (issue 17, finding 7), and the database is only
 * read. One preview at a time: each takes a core and memory for its copy (≈ 100 MB for a school
 * of 2 000 students), and the machine has few of either; the others wait their turn, not the server.
 *
 * PostgreSQL needs none of this: the dry run's transaction holds one pooled connection and the
 * row locks of what it touches, and other requests go on with the others (`importPaths` in place).
 */
export class PreviewRunner {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly db: Db,
    private readonly dbPath: string,
  ) {}

  /**
   * Bundles the thread's code (once per process, ≈ 0.3 s of esbuild's own process, seconds on a
   * loaded machine) while the upload is still arriving, rather than after it.
   */
  warm(): void {
    void threadCode();
  }

  run(paths: string[], options: PreviewJob['options']): Promise<ImportSummary> {
    const turn = this.queue.then(() => this.runNow(paths, options));
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  private async runNow(paths: string[], options: PreviewJob['options']): Promise<ImportSummary> {
    const reply = await runThread({ dbPath: this.dbPath, paths, options });
    if ('summary' in reply) return reply.summary;
    // As the dry run in place did: the failed attempt is a line of the import history.
    if (reply.batch)
      await this.db
        .insertInto('import_batch')
        .values({
          ...reply.batch,
          user_id: options.userId ?? null,
          service_token_id: options.serviceTokenId ?? null,
        } as never)
        .execute();
    const { failure } = reply;
    if (failure.kind === 'scope') throw new ImportScopeError(failure.refused);
    if (failure.kind === 'csv') throw new CsvSyntaxError(failure.message);
    if (failure.kind === 'input') throw new ImportInputError(failure.message);
    throw Object.assign(
      new Error(`anteprima: ${failure.message}`),
      failure.kind === 'other' && failure.stack ? { stack: failure.stack } : {},
    );
  }
}

/** The thread's code (thread-script.ts: one bundled script, or the module through tsx). */
export const threadCode = () => bundledThread(threadModule, fallbackUrl, 'anteprima');

async function runThread(job: PreviewJob): Promise<PreviewReply> {
  const source = await threadCode();
  const worker = new Worker('script' in source ? source.script : source.url, {
    eval: 'script' in source,
    workerData: job,
  });
  try {
    return await new Promise<PreviewReply>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`thread dell'anteprima terminato con codice ${code}`)));
    });
  } finally {
    await worker.terminate();
  }
}
