import { describe, expect, test } from 'vitest';
import {
  addDays,
  ageOn,
  civilDayNumber,
  dayNumber,
  daysBetween,
  fromDayNumber,
  lastDayOfMonth,
  mondayOf,
  monthsBetween,
  nextMonth,
  schoolYearOf,
  subtractMonths,
  weekdayOf,
} from './dates';

describe('day numbers', () => {
  test.each([
    ['1970-01-01', 0],
    ['1969-12-31', -1],
    ['2024-02-29', 19782],
    ['2026-06-06', 20610],
  ])('dayNumber and civilDayNumber: when %s, then %i, and back', (iso, n) => {
    const [y, m, d] = iso.split('-').map(Number) as [number, number, number];

    expect(dayNumber(iso)).toBe(n);
    expect(civilDayNumber(y, m, d)).toBe(n);
    expect(fromDayNumber(n)).toBe(iso);
  });

  test('dayNumber: when the text is not a date, then NaN', () => {
    expect(dayNumber('not a date')).toBeNaN();
  });
});

describe('date arithmetic', () => {
  test.each([
    ['2025-09-15', '2026-06-06', 264],
    ['2026-03-01', '2026-02-28', -1],
    ['2024-02-28', '2024-03-01', 2],
  ])('daysBetween: when from %s to %s, then %i days', (from, to, days) => {
    expect(daysBetween(from, to)).toBe(days);
    expect(addDays(from, days)).toBe(to);
  });

  test.each([
    ['2025-09-15', 0],
    ['2026-01-31', 5],
    ['2026-02-01', 6],
    ['1969-12-31', 2],
    ['not a date', NaN],
  ])('weekdayOf: when %s, then %d (Monday 0), as getUTCDay shifted', (iso, day) => {
    expect(weekdayOf(iso)).toBe(day);
    expect(weekdayOf(iso)).toBe((new Date(`${iso}T00:00:00Z`).getUTCDay() + 6) % 7);
  });

  test.each([
    ['2026-02-16', '2026-02-16'], // a Monday is its own
    ['2026-02-22', '2026-02-16'], // Sunday closes the Italian week
    ['2026-03-01', '2026-02-23'], // across a month
  ])('mondayOf: when %s, then %s', (iso, monday) => {
    expect(mondayOf(iso)).toBe(monday);
  });

  test.each([
    ['2026-05-31', 3, '2026-02-28'], // clamped to the month's end
    ['2024-05-31', 3, '2024-02-29'],
    ['2026-01-15', 2, '2025-11-15'],
  ])('subtractMonths: when %s − %i months, then %s', (iso, months, expected) => {
    expect(subtractMonths(iso, months)).toBe(expected);
  });

  test.each([
    ['2010-03-14', '2026-03-13', 15],
    ['2010-03-14', '2026-03-14', 16],
    ['2008-02-29', '2026-02-28', 17], // born on 29 February: a year older on 1 March
    ['2008-02-29', '2026-03-01', 18],
  ])('ageOn: when born %s, on %s, then %i', (birth, date, age) => {
    expect(ageOn(birth, date)).toBe(age);
  });
});

describe('months and school years', () => {
  test.each([
    ['2026-02', '2026-02-28'],
    ['2024-02', '2024-02-29'],
    ['2025-12', '2025-12-31'],
  ])('lastDayOfMonth: when %s, then %s', (month, last) => {
    expect(lastDayOfMonth(month)).toBe(last);
  });

  test('monthsBetween: when from September to January, then five months across the year; none when reversed', () => {
    expect(monthsBetween('2025-09', '2026-01')).toEqual(['2025-09', '2025-10', '2025-11', '2025-12', '2026-01']);
    expect(monthsBetween('2026-01', '2025-09')).toEqual([]);
    expect(nextMonth('2025-12')).toBe('2026-01');
  });

  test.each([
    ['2025-09-01', '2025/26'],
    ['2026-08-31', '2025/26'],
    ['2099-09-01', '2099/00'],
  ])('schoolYearOf: when %s, then %s (1 September – 31 August)', (iso, label) => {
    expect(schoolYearOf(iso)).toBe(label);
  });
});
