import type { Response } from 'express';
import type { Db } from '../db/open-database';

/**
 * The counter of migration 0009: it grows with every committed change to what aggregates read.
 * Read it BEFORE computing: data committed in between then lands under the older number, which
 * is merely fresher than needed, never older data under the newer number.
 */
export async function readDataVersion(db: Db): Promise<number> {
  const row = await db.selectFrom('data_version').select('version').where('id', '=', 1).executeTakeFirstOrThrow();
  return Number(row.version);
}

/**
 * Marks an answer given from before the latest data change while the new one is computed
 * (aggregate-service.ts, result-cache.ts): `Primm-Stale: 1`, in the OpenAPI document for integrators;
 * the web app then says "Dati in aggiornamento" and asks again (web/src/components/stale-data-notice.tsx).
 * Seconds old at most: the next reader after the computation gets the new answer.
 */
export const markStale = (res: Response) => () => {
  res.setHeader('Primm-Stale', '1');
};

interface Entry {
  /** The response body, serialised once: a hit costs no JSON.stringify of a large table. */
  json: Promise<string>;
  size: number;
  /** Set once the body is there: until then a reader may be given the key's older answer. */
  settled?: string;
}

/**
 * Serialised aggregate responses by request key, valid for one data version only. The version is
 * read from the database on every request, so several instances on one PostgreSQL never serve
 * counts older than what is committed (docs/deployment.md: no in-memory state that matters);
 * this cache only saves work. Bounded by total characters, least recently used out first.
 * Concurrent requests for the same key and version share one computation: right after an import
 * the first request computes, the others wait for it instead of queueing the same work.
 *
 * With `serveStale` (where the service warms after each change, issue 22.5): while the answer of
 * the new version is being computed, a reader gets the key's last answer of an older version at
 * once, and is told so (`onStale`), instead of waiting. At 200 000 students the warm-up after a
 * change takes longer than an analyst waits (the monthly trend alone is seconds of CPU); the data
 * change a few times a day, and the older answer is exactly what was published a moment before,
 * so it reveals nothing new. The wait is bounded by one computation: once the new answer is
 * there, nobody gets the old one again.
 */
export class AggregateCache {
  private readonly entries = new Map<string, Entry>();
  /** The last settled answer of each key from versions before `version` (serveStale only). */
  private readonly older = new Map<string, string>();
  private version = 0;
  private size = 0;
  private olderSize = 0;

  constructor(
    private readonly maxChars = 32 * 1024 * 1024,
    private readonly serveStale = false,
  ) {}

  async get(key: string, version: number, compute: () => Promise<unknown>, onStale?: () => void): Promise<string> {
    // A request that read an older version than one already seen computes for itself, uncached.
    if (version < this.version) return JSON.stringify(await compute());
    if (version > this.version) this.clear(version);
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key); // re-inserted last: Map order is the recency order
      this.entries.set(key, hit);
      return hit.settled ?? this.olderOr(key, hit.json, onStale);
    }
    const entry: Entry = { json: compute().then((body) => JSON.stringify(body)), size: 0 };
    this.entries.set(key, entry);
    const settling = entry.json.then(
      (json) => {
        entry.settled = json;
        if (this.entries.get(key) === entry) {
          entry.size = json.length;
          this.size += json.length;
          this.evict();
        }
        return json;
      },
      (err: unknown) => {
        if (this.entries.get(key) === entry) this.entries.delete(key); // a failure is not remembered
        throw err;
      },
    );
    return this.olderOr(key, settling, onStale);
  }

  /** The key's older answer when stale answers are allowed and there is one; else the new one, awaited. */
  private olderOr(key: string, fresh: Promise<string>, onStale?: () => void): Promise<string> {
    const older = this.serveStale ? this.older.get(key) : undefined;
    if (older === undefined) return fresh;
    fresh.catch(() => {}); // its failure is the next reader's (the entry is gone), not an unhandled rejection
    onStale?.();
    return Promise.resolve(older);
  }

  private clear(version: number): void {
    if (this.serveStale) {
      for (const [key, entry] of this.entries) {
        if (entry.settled === undefined) continue;
        this.olderSize += entry.settled.length - (this.older.get(key)?.length ?? 0);
        this.older.delete(key);
        this.older.set(key, entry.settled);
      }
      for (const [key, json] of this.older) {
        if (this.olderSize <= this.maxChars) break;
        this.older.delete(key);
        this.olderSize -= json.length;
      }
    }
    this.entries.clear();
    this.size = 0;
    this.version = version;
  }

  private evict(): void {
    for (const [key, entry] of this.entries) {
      if (this.size <= this.maxChars) return;
      this.entries.delete(key);
      this.size -= entry.size;
    }
  }
}

/**
 * Raw counts (before suppression) by request key, for one data version, so that the coarser
 * requests the cross-query rule compares with (publish-counts.ts) are counted once per version,
 * not once per request that needs them. Bounded by entries, oldest out first; never sent as is.
 */
export class CountMemo<T> {
  private readonly entries = new Map<string, Promise<T>>();
  private version = 0;

  constructor(private readonly maxEntries = 2000) {}

  get(key: string, version: number, compute: () => Promise<T>): Promise<T> {
    if (version < this.version) return compute();
    if (version > this.version) {
      this.entries.clear();
      this.version = version;
    }
    const hit = this.entries.get(key);
    if (hit) return hit;
    const entry = compute();
    this.entries.set(key, entry);
    entry.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key); // a failure is not remembered
    });
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    return entry;
  }
}
