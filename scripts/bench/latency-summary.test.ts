import { expect, test } from 'vitest';
import { percentile, summarizeRoute } from './latency-summary';

const ONE_TO_HUNDRED = Array.from({ length: 100 }, (_, i) => i + 1);

test.each([
  [ONE_TO_HUNDRED, 50, 50],
  [ONE_TO_HUNDRED, 95, 95],
  [ONE_TO_HUNDRED, 99, 99],
  [[7], 95, 7], // one value is every percentile
  [[1, 2, 3, 4], 50, 2], // nearest rank: ceil(0.5 × 4) = 2nd value, no interpolation
  [[1, 2, 3, 4], 95, 4],
])('percentile: of %j at p%i → %i', (sorted, p, expected) => {
  expect(percentile(sorted, p)).toBe(expected);
});

test('percentile: when there are no values, then NaN (printed as null in JSON)', () => {
  expect(percentile([], 95)).toBeNaN();
});

test('summarizeRoute: when responses are unsorted and two are not 2xx, then percentiles of all, rps over the run, non2xx 2', () => {
  const latenciesMs = [...ONE_TO_HUNDRED].reverse().map((x) => x + 0.04);
  const statuses = latenciesMs.map((_, i) => (i === 0 ? 500 : i === 1 ? 304 : 200));

  const summary = summarizeRoute({ latenciesMs, statuses, seconds: 10 });

  expect(summary).toEqual({ p50: 50, p95: 95, p99: 99, rps: 10, non2xx: 2, requests: 100 });
});
