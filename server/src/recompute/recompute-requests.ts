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
  const { id } = await db
    .insertInto('recompute_request')
    .values({ requested_at: new Date().toISOString(), requested_by: userId })
    .returning('id')
    .executeTakeFirstOrThrow();
  askedHere.set(db, Math.max(askedHere.get(db) ?? 0, Number(id)));
  return recomputeAll(db);
}

/** The latest request this instance made itself (per database handle): its follower leaves it alone. */
const askedHere = new WeakMap<Db, number>();

/**
 * Follows the requests of other instances: from the latest one now (older ones are done, or
 * redone by the start-up recompute), every `everyMs`; not those made through the same `db`. A poll that fails is tried again at the
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
        // Made here: recomputed by the request itself (a full recompute covers older ones too).
        if (latest > (askedHere.get(db) ?? 0)) options.onRun?.(await recomputeAll(db));
      }
    })()
      .catch((err: unknown) => options.onError?.(err))
      .finally(() => {
        busy = false;
      });
  }, options.everyMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}

async function latestRequest(db: Db): Promise<number> {
  const row = await db
    .selectFrom('recompute_request')
    .select(({ fn }) => fn.max('id').as('id'))
    .executeTakeFirst();
  return Number(row?.id ?? 0);
}
