/**
 * Difference-in-differences with matched comparison students and a seeded bootstrap (issue 22,
 * "Cosa funziona"). Pure: the server gathers the changes, this turns them into an estimate.
 *
 * Each treated case brings its own change (after − before) and the mean change of the comparison
 * students matched to it (same school, same date, same level and indicator bands): its effect is
 * the difference. The estimate is the mean of those effects over the cases; the 95 % interval is
 * the percentile bootstrap over cases (resampled with replacement), so a case's comparison mean
 * travels with it. Observational: similar students are not a control group drawn at random.
 */

export interface MatchedChange {
  /** after − before for the young person with the action. */
  treated: number;
  /** Mean of after − before over the matched comparison students. */
  comparison: number;
}

export interface Estimate {
  estimate: number;
  low: number;
  high: number;
  cases: number;
}

export interface BootstrapOptions {
  iterations: number;
  seed: number;
}

export const DEFAULT_BOOTSTRAP: BootstrapOptions = { iterations: 1000, seed: 20261206 };

/** mulberry32: a small seeded generator, so the same data give the same interval on every server. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Value at quantile q of sorted values, linear between neighbours (R type 7, numpy's default). */
export function quantileSorted(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** The mean of the values and its percentile-bootstrap 95 % interval; null without values. */
export function bootstrapMean(
  values: readonly number[],
  options: BootstrapOptions = DEFAULT_BOOTSTRAP,
): Estimate | null {
  if (values.length === 0) return null;
  const random = seededRandom(options.seed);
  const n = values.length;
  const means = new Float64Array(options.iterations);
  for (let b = 0; b < options.iterations; b++) {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += values[Math.floor(random() * n)]!;
    means[b] = sum / n;
  }
  means.sort();
  const sorted = Array.from(means);
  return {
    estimate: mean(values),
    low: quantileSorted(sorted, 0.025),
    high: quantileSorted(sorted, 0.975),
    cases: n,
  };
}

/** The difference-in-differences of matched changes, with its bootstrap interval. */
export function differenceInDifferences(
  changes: readonly MatchedChange[],
  options: BootstrapOptions = DEFAULT_BOOTSTRAP,
): Estimate | null {
  return bootstrapMean(
    changes.map((c) => c.treated - c.comparison),
    options,
  );
}

/** Is zero outside the interval? The only "it seems to work / to harm" the page will say. */
export function excludesZero(e: Estimate): boolean {
  return e.low > 0 || e.high < 0;
}

/** Median and quartiles (R type 7); null without values. */
export function quartiles(values: readonly number[]): { q1: number; median: number; q3: number } | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return { q1: quantileSorted(sorted, 0.25), median: quantileSorted(sorted, 0.5), q3: quantileSorted(sorted, 0.75) };
}
