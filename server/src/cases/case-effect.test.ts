import { describe, expect, test } from 'vitest';
import { computeCaseEffect } from './case-effect';

const weeks = [
  { weekStart: '2026-01-12', hoursHeld: 30, hoursAbsent: 12 },
  { weekStart: '2026-01-19', hoursHeld: 30, hoursAbsent: 18 },
  { weekStart: '2026-01-26', hoursHeld: 30, hoursAbsent: 6 }, // the week of the first action
  { weekStart: '2026-02-02', hoursHeld: 30, hoursAbsent: 0 },
  { weekStart: '2026-02-09', hoursHeld: 0, hoursAbsent: 0 }, // a closed week weighs nothing
];
const grades = [
  { date: '2026-01-14', value: 4, inAverage: true },
  { date: '2026-01-21', value: 5, inAverage: true },
  { date: '2026-01-22', value: null, inAverage: false }, // NC
  { date: '2026-01-28', value: 6, inAverage: true },
  { date: '2026-02-04', value: 7, inAverage: true },
  { date: '2026-02-05', value: 9, inAverage: false }, // not in the average
];

describe('computeCaseEffect', () => {
  test('when the first action is on Wednesday 28/01, then before = the 2 earlier weeks, after = from its week on', () => {
    const effect = computeCaseEffect(weeks, grades, '2026-01-28', 4);

    expect(effect.before).toEqual({ attendanceRate: 0.5, average: 4.5 }); // 30 of 60 h; (4 + 5) / 2
    expect(effect.after).toEqual({ attendanceRate: 0.9, average: 6.5 }); // 6 of 60 h absent; (6 + 7) / 2
    expect(effect.weeks.map((w) => [w.weekStart, w.side])).toEqual([
      ['2026-01-12', 'before'],
      ['2026-01-19', 'before'],
      ['2026-01-26', 'after'],
      ['2026-02-02', 'after'],
      ['2026-02-09', 'after'],
    ]);
    expect(effect.weeks[4]!.attendanceRate).toBeNull();
  });

  test.each([
    [1, 1 - 18 / 30, 1 - 6 / 30], // one week each side
    [2, 0.5, 0.9],
  ])('when %i weeks each side, then before %d and after %d', (n, before, after) => {
    const effect = computeCaseEffect(weeks, grades, '2026-01-28', n);

    expect(effect.before.attendanceRate).toBeCloseTo(before);
    expect(effect.after.attendanceRate).toBeCloseTo(after);
  });

  test('when the case has no action yet, then nothing to compare', () => {
    expect(computeCaseEffect(weeks, grades, null)).toEqual({
      firstActionOn: null,
      weeksEachSide: 4,
      weeks: [],
      before: { attendanceRate: null, average: null },
      after: { attendanceRate: null, average: null },
    });
  });
});
