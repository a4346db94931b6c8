import { describe, expect, test } from 'vitest';
import { CELL_KEY_MODULUS, countsBehind, perturbCount } from './perturb';

describe('perturbCount', () => {
  test.each([
    // value, key as a share of the modulus → published (threshold 10, noise up to 2)
    [0, 0.5, 0], // nobody: no noise
    [10, 0.99, 10], // at the threshold: no room below, so no noise at all (unbiased)
    [11, 0, 10],
    [11, 0.5, 11],
    [11, 0.99, 12],
    [30, 0, 28],
    [30, 0.3, 29],
    [30, 0.5, 30],
    [30, 0.7, 31],
    [30, 0.99, 32],
  ])('count %i with key %f → %i', (value, share, published) => {
    expect(perturbCount(value, Math.floor(share * CELL_KEY_MODULUS), 10, 2)).toBe(published);
  });

  test('when the keys are spread evenly, then the noise is too, and its mean is zero', () => {
    const seen = new Map<number, number>();
    for (let i = 0; i < 5000; i++) {
      const noise = perturbCount(100, Math.floor((i / 5000) * CELL_KEY_MODULUS), 10, 2) - 100;
      seen.set(noise, (seen.get(noise) ?? 0) + 1);
    }

    expect([...seen.keys()].sort()).toEqual([-1, -2, 0, 1, 2]);
    for (const n of seen.values()) (expect(n).toBeGreaterThan(990), expect(n).toBeLessThan(1010));
  });

  test('when the noise is off, then the count is published as it is', () => {
    expect(perturbCount(57, 12345, 10, 0)).toBe(57);
  });
});

describe('countsBehind', () => {
  test.each([
    [10, [10, 11, 12]], // 10 comes from 10, from 11 − 1 or from 12 − 2
    [11, [11, 12, 13]],
    [12, [11, 12, 13, 14]],
    [30, [28, 29, 30, 31, 32]],
    [0, [0]],
  ])('published %i could be any of %j', (published, values) => {
    expect(countsBehind(published, 10, 2)).toEqual(values);
    for (const v of values) {
      expect(
        [...Array(50).keys()].some(
          (i) => perturbCount(v, Math.floor((i / 50) * CELL_KEY_MODULUS), 10, 2) === published,
        ),
      ).toBe(true);
    }
  });
});
