import { describe, expect, test } from 'vitest';
import { auc, brier, computeMetrics, precisionAtTop, type Scored } from './metrics';

const s = (y: 0 | 1, score: number, predicted = score >= 0.5): Scored => ({ y, score, predicted });

describe('auc', () => {
  test.each([
    [[s(1, 0.9), s(0, 0.1)], 1], // perfect order
    [[s(1, 0.1), s(0, 0.9)], 0],
    [[s(1, 0.5), s(0, 0.5)], 0.5], // a tie counts ½
    [[s(1, 0.8), s(1, 0.4), s(0, 0.6), s(0, 0.2)], 0.75], // pairs: (0.8>0.6, 0.8>0.2, 0.4<0.6, 0.4>0.2) = 3/4
    [[s(1, 0.8), s(0, 0.2)].concat([s(0, 0.8)]), 0.75], // (tie ½ + win 1) / 2
  ] as const)('when %j, then %f', (items, expected) => {
    expect(auc([...items])).toBeCloseTo(expected, 10);
  });

  test('when one class is missing, then null', () => {
    expect(auc([s(1, 0.3), s(1, 0.6)])).toBeNull();
  });
});

describe('precisionAtTop', () => {
  test.each([
    // 10 students, top 10 % = 1
    [[1, 0, 0, 0, 0, 0, 0, 0, 0, 0], [0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1, 0], 0.1, 1],
    [[0, 1, 0, 0, 0, 0, 0, 0, 0, 0], [0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1, 0], 0.1, 0],
    // top 20 % = 2; the 2nd place is a tie of 2 (one positive): 1 + ½ hits of 2
    [[1, 1, 0, 0, 0, 0, 0, 0, 0, 0], [0.9, 0.5, 0.5, 0.4, 0.3, 0.2, 0.1, 0, 0, 0], 0.2, 0.75],
    // 11 students → k = ceil(1,1) = 2
    [[1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0], [1, 0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1, 0], 0.1, 1],
  ] as const)('when outcomes %j and scores %j, top %f → %f', (ys, scores, share, expected) => {
    expect(precisionAtTop(ys.map((y, i) => ({ y, score: scores[i]! })), share)).toBeCloseTo(expected, 10);
  });
});

describe('brier', () => {
  test.each([
    [[{ y: 1, probability: 1 }, { y: 0, probability: 0 }], 0],
    [[{ y: 1, probability: 0.5 }, { y: 0, probability: 0.5 }], 0.25],
    [[{ y: 1, probability: 0.8 }, { y: 0, probability: 0.4 }], (0.04 + 0.16) / 2],
  ] as const)('when %j, then %f', (items, expected) => {
    expect(brier([...items])).toBeCloseTo(expected, 10);
  });
});

describe('computeMetrics', () => {
  test('when 3 TP, 1 FP, 1 FN, 5 TN, then precision ¾, sensitivity ¾, specificity ⅚', () => {
    const items = [s(1, 0.9), s(1, 0.8), s(1, 0.7), s(0, 0.6), s(1, 0.4), s(0, 0.3), s(0, 0.2), s(0, 0.2), s(0, 0.1), s(0, 0)];

    const m = computeMetrics(items);

    expect(m).toMatchObject({ n: 10, positives: 4, precision: 0.75, sensitivity: 0.75, accuracy: 0.8 });
    expect(m.specificity).toBeCloseTo(5 / 6, 10);
    expect(m.brier).toBeUndefined();
  });

  test('when nothing is predicted positive, then precision is null, not NaN', () => {
    expect(computeMetrics([s(1, 0.1), s(0, 0.2)]).precision).toBeNull();
  });
});
