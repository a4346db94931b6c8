import { describe, expect, test } from 'vitest';
import { crossValidatedProbabilities, fitLogistic, predictLogistic, sigmoid, stratifiedFolds } from './logistic';

/** A deterministic grid of points whose outcome counts are the expected ones for known coefficients. */
function plantedData(b0: number, b1: number, b2: number) {
  const x: number[][] = [];
  const y: number[] = [];
  // On each grid point, 200 students of whom round(200 · p) have the outcome: the maximum-likelihood
  // fit of such data recovers the planted coefficients up to the rounding.
  for (let u = -2; u <= 2; u += 0.5) {
    for (let v = -2; v <= 2; v += 0.5) {
      const positives = Math.round(200 * sigmoid(b0 + b1 * u + b2 * v));
      for (let k = 0; k < 200; k++) {
        x.push([u, v]);
        y.push(k < positives ? 1 : 0);
      }
    }
  }
  return { x, y };
}

/** Back from the standardised scale to the raw one. */
function rawCoefficients(m: ReturnType<typeof fitLogistic>) {
  const b = m.coefficients.map((c, j) => c / m.sds[j]!);
  return { intercept: m.intercept - b.reduce((a, c, j) => a + c * m.means[j]!, 0), b };
}

describe('fitLogistic', () => {
  test.each([
    [0, 1, -1],
    [-1.5, 2, 0.5],
    [1, 0, 0], // no relation: the features get 0
  ])('when the data are planted with b0 %f, b1 %f, b2 %f, then the fit recovers them', (b0, b1, b2) => {
    const { x, y } = plantedData(b0, b1, b2);

    const raw = rawCoefficients(fitLogistic(x, y, { ridge: 1e-6 }));

    expect(raw.intercept).toBeCloseTo(b0, 1);
    expect(raw.b[0]).toBeCloseTo(b1, 1);
    expect(raw.b[1]).toBeCloseTo(b2, 1);
  });

  test('when the same data are fitted twice, then the coefficients are the same to the last bit', () => {
    const { x, y } = plantedData(-1, 1, 1);

    expect(fitLogistic(x, y)).toEqual(fitLogistic(x, y));
  });

  test('when one feature separates the outcomes perfectly, then the ridge keeps the coefficients finite', () => {
    const x = [[0], [1], [2], [3], [4], [5]];
    const y = [0, 0, 0, 1, 1, 1];

    const m = fitLogistic(x, y, { ridge: 1 });

    expect(Number.isFinite(m.coefficients[0])).toBe(true);
    expect(m.converged).toBe(true);
    expect(predictLogistic(m, [5])).toBeGreaterThan(predictLogistic(m, [0]));
  });

  test('when a feature has no spread, then its coefficient is 0 and its sd 1', () => {
    const m = fitLogistic(
      [
        [1, 0],
        [1, 1],
        [1, 2],
        [1, 3],
      ],
      [0, 1, 0, 1],
    );

    expect(m.coefficients[0]).toBeCloseTo(0, 12);
    expect(m.sds[0]).toBe(1);
  });

  test.each([
    [0.1, 1],
    [10, 1],
  ])('when the ridge is %f, then a larger penalty shrinks the coefficient', (ridge) => {
    const { x, y } = plantedData(0, 1.5, 0);

    expect(Math.abs(fitLogistic(x, y, { ridge: ridge * 100 }).coefficients[0]!)).toBeLessThan(
      Math.abs(fitLogistic(x, y, { ridge }).coefficients[0]!),
    );
  });

  test('when rows and outcomes differ in number, then it refuses', () => {
    expect(() => fitLogistic([[1]], [0, 1])).toThrow();
  });
});

describe('stratifiedFolds', () => {
  test.each([
    [[1, 0, 1, 0, 1, 0], 2, [0, 0, 1, 1, 0, 0]],
    [[1, 1, 1, 0, 0, 0, 0], 3, [0, 1, 2, 0, 1, 2, 0]],
  ])('outcomes %j in %i folds → %j', (y, k, folds) => {
    expect(stratifiedFolds(y, k)).toEqual(folds);
  });
});

describe('crossValidatedProbabilities', () => {
  test('every row gets a probability from a model that did not see it', () => {
    const { x, y } = plantedData(0, 1, 0);

    const p = crossValidatedProbabilities(x, y, 5);

    expect(p.every((v) => v > 0 && v < 1)).toBe(true);
    // Out of fold, the planted relation still orders the rows.
    expect(p[0]!).toBeLessThan(p[p.length - 1]!);
  });
});
