import { statSync } from 'node:fs';
import { join } from 'node:path';
import { readAttendanceInThread } from './attendance-reader';
import { attendanceWriter, readAttendance } from './attendance-rows';
import type { ImportContext } from './import-context';
import type { SchoolState } from './school-state';

/**
 * From this size on, assenze.csv is read in a thread of its own while this one writes
 * (attendance-reader.ts). Below it the thread's start (≈ 0.1 s of CPU) costs more than reading
 * beside the writes saves.
 */
export const READER_THREAD_BYTES = 4 << 20;

/** assenze.csv: whole-day absences, late entries and early exits, in lesson hours missed. */
export async function loadAttendance(ctx: ImportContext, dir: string, state: SchoolState): Promise<void> {
  const sync = attendanceWriter(ctx);
  // A preview explains its updates by the line of each row, which the chunks do not carry.
  if (!ctx.explainEvents && fileSize(join(dir, 'assenze.csv')) >= READER_THREAD_BYTES)
    await readAttendanceInThread(ctx, dir, state, sync);
  else await readAttendance(ctx, dir, state, sync);
  await sync.flush();
}

function fileSize(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0; // missing: read here, which reports it
  }
}
