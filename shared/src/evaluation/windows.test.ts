import { expect, test } from 'vitest';
import { attendanceBand, gradeBand, measureAround, stratumOf } from './windows';
import { matchOne } from './match';
import { addDays } from '../dates';

// Mondays from 2025-09-15 for 20 weeks, 30 hours held each; absences by week index.
const weeksWith = (absent: (i: number) => number) =>
  Array.from({ length: 20 }, (_, i) => ({
    weekStart: addDays('2025-09-15', 7 * i),
    hoursHeld: 30,
    hoursAbsent: absent(i),
  }));

test.each([
  // action on Wednesday of week 8 (2025-11-12): before = weeks 4–7, after = weeks 9–15
  ['2025-11-12', '2026-02-01', (i: number) => (i < 8 ? 6 : 0), { before: 0.8, after: 1 }],
  ['2025-11-10', '2026-02-01', (i: number) => (i === 8 ? 30 : 3), { before: 0.9, after: 0.9 }], // week 1 itself is left out
])(
  'measureAround: when the action is on %s, then the rates are before and after as expected',
  (date, lastDay, absent, rates) => {
    const a = measureAround(weeksWith(absent), [], date, lastDay)!;

    expect(a.before.attendanceRate).toBeCloseTo(rates.before, 10);
    expect(a.after.attendanceRate).toBeCloseTo(rates.after, 10);
  },
);

test('measureAround: when week 8 after the action is not over by the last day, then null', () => {
  expect(
    measureAround(
      weeksWith(() => 0),
      [],
      '2025-11-12',
      '2025-12-31',
    ),
  ).toBeNull();
  expect(
    measureAround(
      weeksWith(() => 0),
      [],
      '2025-11-12',
      '2026-01-04',
    ),
  ).not.toBeNull(); // Sunday of week 8
});

test('measureAround: when grades fall in each window, then their averages and the average so far', () => {
  const grades = [
    { date: '2025-09-20', value: 4, inAverage: true },
    { date: '2025-10-20', value: 5, inAverage: true },
    { date: '2025-10-21', value: 10, inAverage: false }, // not in the average
    { date: '2025-11-20', value: 7, inAverage: true }, // week 1: neither side
    { date: '2025-11-24', value: 8, inAverage: true },
  ];

  const a = measureAround(
    weeksWith(() => 0),
    grades,
    '2025-11-17',
    '2026-03-01',
  )!;

  expect(a.before.average).toBe(5);
  expect(a.after.average).toBe(8);
  expect(a.averageSoFar).toBe(4.5);
});

test.each([
  [null, 'none'],
  [0.96, 'a95'],
  [0.95, 'a95'],
  [0.92, 'a90'],
  [0.85, 'a80'],
  [0.5, 'a0'],
])('attendanceBand: when the rate is %s, then %s', (rate, band) => {
  expect(attendanceBand(rate)).toBe(band);
});

test.each([
  [null, 'none'],
  [4.5, 'g0'],
  [5.75, 'g5'],
  [6, 'g6'],
  [8, 'g7'],
])('gradeBand: when the average is %s, then %s', (avg, band) => {
  expect(gradeBand(avg)).toBe(band);
});

const around = (before: number, after: number) => ({
  before: { attendanceRate: before, average: null },
  after: { attendanceRate: after, average: null },
  averageSoFar: null,
});

test('matchOne: when two students share the stratum and one does not, then only those two are the comparison', () => {
  const treated = { studentId: 1, stratum: stratumOf(3, around(0.7, 0.9)), around: around(0.7, 0.9) };
  const pool = [
    { studentId: 2, stratum: treated.stratum, around: around(0.72, 0.76) },
    { studentId: 3, stratum: treated.stratum, around: around(0.75, 0.75) },
    { studentId: 4, stratum: stratumOf(1, around(0.99, 0.99)), around: around(0.99, 0.99) },
  ];

  const m = matchOne(treated, pool, 'attendanceRate')!;

  expect(m.comparisonIds).toEqual([2, 3]);
  expect(m.change.treated).toBeCloseTo(0.2, 10);
  expect(m.change.comparison).toBeCloseTo(0.02, 10);
});

test('matchOne: when nobody is comparable, then null', () => {
  const treated = { studentId: 1, stratum: 'x', around: around(0.7, 0.9) };

  expect(matchOne(treated, [{ studentId: 2, stratum: 'y', around: around(0.7, 0.7) }], 'attendanceRate')).toBeNull();
});
