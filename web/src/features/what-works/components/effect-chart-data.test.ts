import { expect, test } from 'vitest';
import type { EffectRow } from '@primm/shared/contracts/what-works';
import { attendanceIntervals } from './effect-chart-data';

const row = (attendance: EffectRow['attendance']): EffectRow => ({
  actionType: 'tutoring',
  group: null,
  cases: 12,
  comparison: 30,
  attendance,
  average: null,
});

test.each([
  // rows, expected points (percentage points), axis bound: symmetric around zero, at least 1 point
  [[row({ estimate: 0.02, low: -0.01, high: 0.05, cases: 12 })], [{ estimate: 2, low: -1, high: 5 }], 5],
  [[row(null)], [], 1], // a suppressed row is not drawn
  [[row({ estimate: -0.031, low: -0.062, high: 0.004, cases: 12 })], [{ estimate: -3.1, low: -6.2, high: 0.4 }], 7],
])('attendanceIntervals: when the rows are %j, then the points and the axis', (rows, points, bound) => {
  const data = attendanceIntervals(rows, () => 'x');

  expect(data.points.map(({ estimate, low, high }) => ({ estimate, low, high }))).toEqual(
    points.map((p) => ({
      estimate: expect.closeTo(p.estimate, 10),
      low: expect.closeTo(p.low, 10),
      high: expect.closeTo(p.high, 10),
    })),
  );
  expect([data.min, data.max]).toEqual([-bound, bound]);
});
