/**
 * The thread of one preview (preview-runner.ts): the copy of what the upload's import reads, the
 * dry run on it, the answer. Everything here runs off the server's event loop.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { CsvSyntaxError } from './csv-parser';
import { ImportInputError } from './import-inputs';
import { ImportScopeError } from './import-scope';
import { previewOnCopy } from './preview-copy';
import type { PreviewJob, PreviewReply } from './preview-runner';

const job = workerData as PreviewJob;

previewOnCopy(job.dbPath, job.paths, job.options).then(
  ({ summary, failure }) =>
    parentPort!.postMessage(
      (summary ? { summary } : { failure: describe(failure!.error), batch: failure!.batch }) satisfies PreviewReply,
    ),
  (err: unknown) => parentPort!.postMessage({ failure: describe(err) } satisfies PreviewReply),
);

/** An error as data (a thread's errors cross as plain objects), with what the route needs of it. */
function describe(err: unknown): Extract<PreviewReply, { failure: unknown }>['failure'] {
  const message = err instanceof Error ? err.message : String(err);
  if (err instanceof ImportScopeError) return { kind: 'scope', message, refused: err.refused };
  if (err instanceof CsvSyntaxError) return { kind: 'csv', message };
  if (err instanceof ImportInputError) return { kind: 'input', message };
  return { kind: 'other', message, stack: err instanceof Error ? err.stack : undefined };
}
