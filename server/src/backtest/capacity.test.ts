import { expect, test } from 'vitest';
import { mostAtRisk } from './capacity';

const row = (studentId: number, tier: 1 | 2 | 3, probability: number | null, score: number) => ({
  studentId,
  tier,
  probability,
  score,
});

test.each([
  ['level first, whatever the probability', [row(1, 2, 0.9, 2.5), row(2, 3, 0.2, 3.1)], 1, [2]],
  ['then the probability', [row(1, 2, 0.4, 2.9), row(2, 2, 0.7, 2.1)], 1, [2]],
  ['then the score, without a model', [row(1, 2, null, 2.1), row(2, 2, null, 2.9)], 1, [2]],
  ['ties by student id', [row(7, 1, null, 1), row(3, 1, null, 1)], 1, [3]],
  ['a capacity above the school keeps everyone', [row(1, 1, null, 1), row(2, 3, null, 3)], 10, [1, 2]],
])('mostAtRisk: %s', (_name, rows, capacity, expected) => {
  expect([...mostAtRisk(rows, capacity)].sort((a, b) => a - b)).toEqual(expected);
});
