/**
 * The reader thread of assenze.csv (attendance-reader.ts): for each school it is given, reads,
 * parses and checks the file's rows with the rule of `attendance-rows.ts` and hands chunks of
 * distinct keys to the import's thread, which writes them meanwhile. It never touches the database.
 */
import { parentPort } from 'node:worker_threads';
import type { Db } from '../db/open-database';
import { attendanceWriter, packAttendance, readAttendance } from './attendance-rows';
import { CsvSyntaxError } from './csv-parser';
import { createContext } from './import-context';
import type { ReaderJob, ReaderMessage, WriterMessage } from './attendance-reader';

const port = parentPort!;
const post = (message: ReaderMessage, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);

// Chunks sent and not yet written: the reader waits beyond `job.chunksAhead`, so memory stays
// flat however much faster it reads than the other thread writes.
let ahead = 0;
let written: (() => void) | undefined;

port.on('message', (message: WriterMessage) => {
  if (message === 'written') {
    ahead--;
    written?.();
  } else {
    read(message.read).catch((err: unknown) =>
      post({
        failed: {
          csv: err instanceof CsvSyntaxError,
          message: err instanceof Error ? err.message : String(err),
          stack: err instanceof Error ? err.stack : undefined,
        },
      }),
    );
  }
});

async function read(job: ReaderJob): Promise<void> {
  ahead = 0;
  // A context of its own, without a transaction: its tallies and rejections go back with `done`.
  const ctx = createContext(undefined as unknown as Db, job.pseudonymKey, job.batchId, job.now);
  const sync = attendanceWriter(ctx, job.chunkSize, async (values, rows) => {
    const packed = packAttendance(values, rows);
    post({ chunk: packed }, [packed.buffer as ArrayBuffer]);
    ahead++;
    while (ahead >= job.chunksAhead) await new Promise<void>((resolve) => (written = resolve));
  });
  const ok = await readAttendance(ctx, job.dir, job.state, sync);
  await sync.flush();
  const stats = ctx.files.values().next().value!;
  post({
    done: {
      ok,
      counts: ctx.counts,
      issues: ctx.issues,
      read: stats.read,
      dateFrom: stats.dateFrom,
      dateTo: stats.dateTo,
    },
  });
}
