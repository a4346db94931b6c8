import type { BacktestRun, BacktestRunInput } from '@primm/shared/contracts/backtest';
import type { Db } from '../db/open-database';
import { HttpError } from '../http/http-error';
import { isMonthDay } from './cut-date';
import { failRun, failStaleRuns, findRunningRun, finishRun, insertRun, updateProgress } from './repository';
import { backtestSource, computeBacktest } from './run-backtest';

/** A run still `running` after this long was left by a server that stopped (the work lives in its process). */
const STALE_MS = 60 * 60 * 1000;

/** The runs this process is working on, per database: tests and shutdown wait for them. */
const pending = new WeakMap<Db, Set<Promise<void>>>();

/**
 * Starts a backtest and answers at once: a region takes minutes (≈ 1 s per 1 000 students), longer
 * than a request should wait. The work goes on in this process, one school at a time, writing
 * its progress to the run's row, which the page polls; one run at a time. The input errors a
 * run would meet (the current year, a year without data, a day that does not exist) are
 * answered here, before anything is started.
 */
export async function startBacktestRun(
  db: Db,
  input: BacktestRunInput,
  userId: number | null,
  now = new Date(),
): Promise<BacktestRun> {
  if (input.monthDay !== undefined && !isMonthDay(input.monthDay)) {
    throw new HttpError(400, 'validation_failed', `Giorno non valido: ${input.monthDay} (mm-gg, ad esempio 01-31).`);
  }
  await backtestSource(db, input.schoolYear);
  await failStaleRuns(db, new Date(now.getTime() - STALE_MS).toISOString(), now.toISOString());
  if (await findRunningRun(db))
    throw new HttpError(409, 'conflict', 'Un backtest è già in corso: attendi che finisca.');
  const run = await insertRun(db, {
    schoolYear: input.schoolYear,
    monthDay: input.monthDay ?? null,
    userId,
    now: now.toISOString(),
  });
  const work = executeRun(db, run.id, input);
  let set = pending.get(db);
  if (!set) pending.set(db, (set = new Set()));
  set.add(work);
  void work.finally(() => set.delete(work));
  return run;
}

async function executeRun(db: Db, id: number, input: BacktestRunInput): Promise<void> {
  try {
    const result = await computeBacktest(db, {
      schoolYear: input.schoolYear,
      ...(input.monthDay ? { monthDay: input.monthDay } : {}),
      onProgress: (done, total) => updateProgress(db, id, done, total),
    });
    await finishRun(db, id, result, new Date().toISOString());
  } catch (err) {
    // Known refusals keep their sentence; anything else is a bug, logged here, not shown.
    const message = err instanceof HttpError ? err.message : 'Errore interno durante il backtest.';
    if (!(err instanceof HttpError)) console.error('backtest', id, err);
    await failRun(db, id, message, new Date().toISOString()).catch(() => {});
  }
}

/** Resolves when the runs this process started on `db` are over (tests; a clean shutdown). */
export async function settleBacktestRuns(db: Db): Promise<void> {
  await Promise.all([...(pending.get(db) ?? [])]);
}
