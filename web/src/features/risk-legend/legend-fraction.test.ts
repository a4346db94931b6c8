import { expect, test } from 'vitest';
import { legendFraction } from './legend-fraction';

test.each([
  [0.6, { count: 6, of: 10 }],
  [0.487, { count: 5, of: 10 }],
  [0.326, { count: 3, of: 10 }],
  [0.2, { count: 2, of: 10 }], // from 20 % tenths say it
  [0.19, { count: 19, of: 100 }], // below, hundredths: "2 su 10" would round it up by a fifth
  [0.078, { count: 8, of: 100 }],
  [0.005, { count: 1, of: 100 }],
  [0.004, { lessThan: 1, of: 100 }],
  [0, { lessThan: 1, of: 100 }],
  [1, { count: 10, of: 10 }],
])('legendFraction: %d → %j', (rate, expected) => {
  expect(legendFraction(rate)).toEqual(expected);
});
