import { describe, expect, test } from 'vitest';
import {
  addWorkingDays,
  easterSunday,
  isOverdue,
  isWorkingDay,
  nationalHolidays,
  workingDaysBetween,
} from './working-days';

describe('working days', () => {
  test.each([
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2038, '2038-04-25'],
  ])('easterSunday: when %i, then %s', (year, easter) => {
    expect(easterSunday(year)).toBe(easter);
  });

  test('nationalHolidays: when 2026, then eleven days with Easter Monday on 6 April', () => {
    expect(nationalHolidays(2026)).toEqual([
      '2026-01-01',
      '2026-01-06',
      '2026-04-06',
      '2026-04-25',
      '2026-05-01',
      '2026-06-02',
      '2026-08-15',
      '2026-11-01',
      '2026-12-08',
      '2026-12-25',
      '2026-12-26',
    ]);
  });

  test.each([
    ['2026-12-07', true], // Monday
    ['2026-12-08', false], // Immacolata, Tuesday
    ['2026-12-12', false], // Saturday
    ['2026-12-13', false], // Sunday
    ['2026-04-06', false], // Easter Monday
    ['2026-04-07', true],
  ])('isWorkingDay: when %s, then %s', (iso, expected) => {
    expect(isWorkingDay(iso)).toBe(expected);
  });

  test.each([
    ['2026-12-04', '2026-12-04', 0], // same day
    ['2026-12-04', '2026-12-01', 0], // answer date before sending
    ['2026-12-04', '2026-12-07', 1], // Friday → Monday
    ['2026-12-04', '2026-12-09', 2], // the 8th is a holiday
    ['2026-12-18', '2027-01-08', 12], // Christmas, St Stephen, New Year, Epiphany skipped
    ['2026-04-03', '2026-04-07', 1], // Easter weekend and Monday skipped
  ])('workingDaysBetween: when %s → %s, then %i', (from, to, expected) => {
    expect(workingDaysBetween(from, to)).toBe(expected);
  });

  test.each([
    ['2026-12-04', 1, '2026-12-07'],
    ['2026-12-04', 2, '2026-12-09'],
    ['2026-12-18', 10, '2027-01-05'],
    ['2026-12-07', 0, '2026-12-07'],
  ])('addWorkingDays: when %s + %i, then %s', (from, days, expected) => {
    expect(addWorkingDays(from, days)).toBe(expected);
    if (days > 0) expect(workingDaysBetween(from, expected)).toBe(days);
  });

  test.each([
    ['2026-11-20', '2026-12-04', 10, false], // exactly 10 working days: due today, not yet overdue
    ['2026-11-20', '2026-12-07', 10, true],
    ['2026-11-20', '2026-12-07', 15, false],
  ])('isOverdue: when sent %s, today %s, limit %i, then %s', (sent, today, limit, expected) => {
    expect(isOverdue(sent, today, limit)).toBe(expected);
  });
});
