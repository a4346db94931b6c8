/** What one route did under load: latency percentiles in ms (one decimal), requests/s, non-2xx. */
export interface RouteSummary {
  p50: number;
  p95: number;
  p99: number;
  rps: number;
  non2xx: number;
  requests: number;
}

/**
 * The nearest-rank percentile (the smallest value with at least p % of the values at or below
 * it) of values sorted ascending; NaN for none. autocannon's own histogram has no p95, so the
 * bench keeps every response time and ranks them here.
 */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1]!;
}

export function summarizeRoute(run: {
  latenciesMs: readonly number[];
  statuses: readonly number[];
  seconds: number;
}): RouteSummary {
  const sorted = [...run.latenciesMs].sort((a, b) => a - b);
  const one = (x: number) => Math.round(x * 10) / 10;
  return {
    p50: one(percentile(sorted, 50)),
    p95: one(percentile(sorted, 95)),
    p99: one(percentile(sorted, 99)),
    rps: one(run.latenciesMs.length / run.seconds),
    non2xx: run.statuses.filter((s) => s < 200 || s > 299).length,
    requests: run.latenciesMs.length,
  };
}
