import { expect, test } from 'vitest';
import { dataAsOf } from './load-school-data';

const lessons = { lessonsStart: '2025-09-15', lessonsEnd: '2026-06-06' };

test.each([
  ['the latest of the dates', ['2026-01-30', null, '2026-02-03', undefined], '2026-02-03'],
  ['no date at all: the first day of lessons', [null, undefined], '2025-09-15'],
  ['after the end of lessons: the last day', ['2026-06-20', '2026-01-10'], '2026-06-06'],
  ['before the first day of lessons: the first day', ['2025-09-01'], '2025-09-15'],
])('dataAsOf: %s', (_case, dates, asOf) => {
  expect(dataAsOf(dates, lessons)).toBe(asOf);
});
