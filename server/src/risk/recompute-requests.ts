import type { RecomputeSummary } from '@primm/shared/contracts/risk';
import type { Db } from '../db/open-database';
import { recomputeAll } from './recompute';

/**
 * A regional recompute that every instance behind the same PostgreSQL takes part in. The admin's
 * instance records the request and recomputes; the others see the request within `everyMs` and
 * recompute too. Schools are shared out by their locks (`recomputeAll`): a school another
 * instance is working on is left for the end and then skipped, so each is computed once.
 */
export async function requestRegionalRecompute(db: Db, userId: number | null): Promise<RecomputeSummary> {
  await db.insertInto('recompute_request').values({ requested_at: new Date().toISOString(), requested_by: userId }).execute();
  return recomputeAll(db);
}

/**
 * Follows the requests of other instances: from the latest one now (older ones are done, or
 * redone by the start-up recompute), every `everyMs`. A poll that fails is tried again at the
 * next tick; `onRun` reports each recompute joined (for the log and for tests).
 */
export async function followRecomputeRequests(
  db: Db,
  options: { everyMs: number; onRun?: (summary: RecomputeSummary) => void; onError?: (err: unknown) => void },
): Promise<{ stop: () => void }> {
  let seen = await latestRequest(db);
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    void (async () => {
      const latest = await latestRequest(db);
      if (latest > seen) {
        seen = latest;
        options.onRun?.(await recomputeAll(db));
      }
    })().catch((err: unknown) => options.onError?.(err)).finally(() => { busy = false; });
  }, options.everyMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}

async function latestRequest(db: Db): Promise<number> {
  const row = await db.selectFrom('recompute_request').select(({ fn }) => fn.max('id').as('id')).executeTakeFirst();
  return Number(row?.id ?? 0);
}
