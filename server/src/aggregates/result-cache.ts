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

interface Entry {
  /** The response body, serialised once: a hit costs no JSON.stringify of a large table. */
  json: Promise<string>;
  size: number;
}

/**
 * Serialised aggregate responses by request key, valid for one data version only. The version is
 * read from the database on every request, so several instances on one PostgreSQL never serve
 * counts older than what is committed (docs/deployment.md: no in-memory state that matters);
 * this cache only saves work. Bounded by total characters, least recently used out first.
 * Concurrent requests for the same key and version share one computation: right after an import
 * the first request computes, the others wait for it instead of queueing the same work.
 */
export class AggregateCache {
  private readonly entries = new Map<string, Entry>();
  private version = 0;
  private size = 0;

  constructor(private readonly maxChars = 32 * 1024 * 1024) {}

  async get(key: string, version: number, compute: () => Promise<unknown>): Promise<string> {
    // A request that read an older version than one already seen computes for itself, uncached.
    if (version < this.version) return JSON.stringify(await compute());
    if (version > this.version) this.clear(version);
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key); // re-inserted last: Map order is the recency order
      this.entries.set(key, hit);
      return hit.json;
    }
    const entry: Entry = { json: compute().then((body) => JSON.stringify(body)), size: 0 };
    this.entries.set(key, entry);
    try {
      const json = await entry.json;
      if (this.entries.get(key) === entry) {
        entry.size = json.length;
        this.size += json.length;
        this.evict();
      }
      return json;
    } catch (err) {
      if (this.entries.get(key) === entry) this.entries.delete(key); // a failure is not remembered
      throw err;
    }
  }

  private clear(version: number): void {
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
