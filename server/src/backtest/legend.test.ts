import { expect, test } from 'vitest';
import { suppressLegendLevel } from './legend';

const level = (n: number, bad: number) => ({
  level: 2 as const,
  n,
  bad,
  bad_rate: n > 0 ? bad / n : null,
  ci_low: 0.1,
  ci_high: 0.9,
});

test.each([
  ['published', level(100, 60), 10, { n: 100, badRate: 0.6, ciLow: 0.1, ciHigh: 0.9 }],
  ['under the threshold: nothing', level(9, 5), 10, { n: null, badRate: null, ciLow: null, ciHigh: null }],
  [
    'few bad outcomes: count kept, rate hidden (it gives them back)',
    level(100, 4),
    10,
    { n: 100, badRate: null, ciLow: null, ciHigh: null },
  ],
  ['few other outcomes: the same', level(100, 96), 10, { n: 100, badRate: null, ciLow: null, ciHigh: null }],
  [
    'no bad outcome at all: published (a zero is not a small cell)',
    level(50, 0),
    10,
    { n: 50, badRate: 0, ciLow: 0.1, ciHigh: 0.9 },
  ],
  ['a lower threshold publishes more', level(9, 5), 4, { n: 9, badRate: 5 / 9, ciLow: 0.1, ciHigh: 0.9 }],
])('suppressLegendLevel: %s', (_name, l, minCell, expected) => {
  expect(suppressLegendLevel(l, minCell)).toEqual({ level: 2, ...expected });
});
