import { expect, test } from 'vitest';
import { cutDateOf, isMonthDay } from './cut-date';

const lessons = { lessonsStart: '2024-09-16', lessonsEnd: '2025-06-07' };

test.each([
  ['2024/25', '01-31', null, '2025-01-31'], // January falls in the second calendar year
  ['2024/25', '12-20', null, '2024-12-20'], // December in the first
  ['2024/25', undefined, '2024-12-20', '2024-12-20'], // default: the school's first period
  ['2024/25', undefined, null, '2025-06-07'], // no terms: the end of lessons
  ['2024/25', '09-01', null, '2024-09-16'], // before the lessons: nothing known yet, their first day
  ['2024/25', '07-15', null, '2025-06-07'], // after them: the last day
  ['2023/24', '02-29', null, '2024-02-29'], // 2024 is a leap year
  ['2024/25', '02-29', null, '2025-02-28'], // 2025 is not
])('cutDateOf: %s with %s (first term ending %s) → %s', (year, monthDay, firstTermEnd, expected) => {
  const lessonsOf = year === '2023/24' ? { lessonsStart: '2023-09-18', lessonsEnd: '2024-06-08' } : lessons;
  expect(cutDateOf(year, monthDay, { firstTermEnd, ...lessonsOf })).toBe(expected);
});

test.each([
  ['01-31', true],
  ['02-29', true],
  ['02-30', false],
  ['13-01', false],
  ['00-10', false],
  ['1-31', false],
  ['2025-01-31', false],
])('isMonthDay: %s → %s', (value, expected) => {
  expect(isMonthDay(value)).toBe(expected);
});
