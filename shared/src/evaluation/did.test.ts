import { describe, expect, test } from 'vitest';
import {
  bootstrapMean,
  differenceInDifferences,
  excludesZero,
  quartiles,
  seededRandom,
  type MatchedChange,
} from './did';

/** Normal noise from the seeded generator (Box–Muller), so every run sees the same data. */
function normal(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

/** n cases whose true effect is `effect`: the treated and their comparison share a trend, plus noise. */
function constructed(n: number, effect: number, seed: number, sd = 0.05): MatchedChange[] {
  const random = seededRandom(seed);
  return Array.from({ length: n }, () => {
    const trend = -0.02 + 0.03 * normal(random);
    return { treated: trend + effect + sd * normal(random), comparison: trend + (sd / 3) * normal(random) };
  });
}

describe('differenceInDifferences', () => {
  test.each([
    // effect (attendance as a share of hours, or grade points), cases, seed of the data
    [0.05, 40, 11],
    [0.1, 25, 12],
    [-0.04, 60, 13],
    [0.8, 30, 14],
  ])(
    'differenceInDifferences: when the true effect is %f over %i cases (data seed %i), then the 95 per cent interval contains it',
    (effect, n, seed) => {
      const e = differenceInDifferences(constructed(n, effect, seed, Math.abs(effect) / 2 + 0.02))!;

      expect(e.cases).toBe(n);
      expect(e.low).toBeLessThanOrEqual(effect);
      expect(e.high).toBeGreaterThanOrEqual(effect);
      expect(excludesZero(e)).toBe(true);
    },
  );

  test('differenceInDifferences: when a known effect is estimated on 200 seeded data sets, then the interval contains it in about 95 per cent', () => {
    let covered = 0;
    for (let seed = 1; seed <= 200; seed++) {
      const e = differenceInDifferences(constructed(30, 0.05, seed), { iterations: 400, seed: 5000 + seed })!;
      if (e.low <= 0.05 && e.high >= 0.05) covered++;
    }

    expect(covered).toBeGreaterThanOrEqual(180); // ≥ 90 %: percentile intervals run a little narrow on 30 cases
  });

  test('differenceInDifferences: when there is no effect, then at most about 5 % of 200 seeded data sets call it significant', () => {
    let significant = 0;
    for (let seed = 1; seed <= 200; seed++) {
      const e = differenceInDifferences(constructed(30, 0, seed), { iterations: 400, seed: 1000 + seed })!;
      if (excludesZero(e)) significant++;
    }

    // Percentile intervals run a little narrow on 30 cases: allow up to 8 % (binomial sd ≈ 1.5 %).
    expect(significant).toBeLessThanOrEqual(16);
  });

  test('differenceInDifferences: when the same data and seed are given twice, then the interval is the same', () => {
    const data = constructed(20, 0.03, 3);

    expect(differenceInDifferences(data)).toEqual(differenceInDifferences(data));
  });

  test('differenceInDifferences: when there are no cases, then null', () => {
    expect(differenceInDifferences([])).toBeNull();
  });

  test.each([
    // treated, comparison → effect: the shared trend cancels
    [[{ treated: 0.1, comparison: 0.1 }], 0],
    [[{ treated: -0.05, comparison: -0.1 }], 0.05],
    [
      [
        { treated: 1, comparison: 0 },
        { treated: 0, comparison: 0 },
      ],
      0.5,
    ],
  ])('differenceInDifferences: when the changes are %j, then the estimate is %f', (changes, expected) => {
    expect(differenceInDifferences(changes)!.estimate).toBeCloseTo(expected, 10);
  });
});

describe('bootstrapMean', () => {
  test('bootstrapMean: when every value is the same, then the interval is that value', () => {
    expect(bootstrapMean([2, 2, 2])).toEqual({ estimate: 2, low: 2, high: 2, cases: 3 });
  });
});

describe('quartiles', () => {
  test.each([
    [[5], { q1: 5, median: 5, q3: 5 }],
    [[1, 2, 3, 4, 5], { q1: 2, median: 3, q3: 4 }],
    [[4, 1, 3, 2], { q1: 1.75, median: 2.5, q3: 3.25 }], // unsorted input, type-7 interpolation
  ])('quartiles: when the values are %j, then %j', (values, expected) => {
    expect(quartiles(values)).toEqual(expected);
  });

  test('quartiles: when there are no values, then null', () => {
    expect(quartiles([])).toBeNull();
  });
});
