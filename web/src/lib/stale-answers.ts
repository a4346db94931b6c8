/**
 * The addresses whose last answer the server marked `Primm-Stale: 1`. After a data change the
 * regional tables are recomputed in the background (server/src/aggregates/result-cache.ts); a
 * reader who comes first gets the table of just before, at once, instead of waiting for it.
 * The app says so (components/stale-data-notice.tsx) and asks again until a fresh answer comes,
 * which clears the address here. Kept outside React because the API client notes every answer.
 */
const stale = new Set<string>();
const listeners = new Set<() => void>();

function changed() {
  for (const listener of listeners) listener();
}

/** Called by the API client for every successful GET. */
export function noteAnswer(url: string, isStale: boolean): void {
  if (isStale === stale.has(url)) return;
  if (isStale) stale.add(url);
  else stale.delete(url);
  changed();
}

/** How many addresses on record answered with older data (a `useSyncExternalStore` snapshot). */
export const staleAnswerCount = (): number => stale.size;

export function subscribeStaleAnswers(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Forgets every address: a new page asks its own questions (and tests start clean). */
export function clearStaleAnswers(): void {
  if (stale.size === 0) return;
  stale.clear();
  changed();
}
