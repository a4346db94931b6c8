import { describe, expect, test } from 'vitest';
import { formatBytes, formatDate, formatDateTime, formatNumber } from './format';

describe('formatDate', () => {
  test.each([
    ['2025-09-15', 'it', '15/09/2025'],
    ['2008-01-02', 'it', '02/01/2008'], // no time-zone shift of the day
    ['2008-01-02', 'en', '02/01/2008'],
  ])('formatDate: when %s in %s, then %s', (iso, language, expected) => {
    expect(formatDate(iso, language)).toBe(expected);
  });
});

describe('formatNumber', () => {
  test.each([
    [1056, 'it', '1.056'],
    [1056, 'en', '1,056'],
    [12.5, 'it', '12,5'],
  ])('formatNumber: when %d in %s, then %s', (value, language, expected) => {
    expect(formatNumber(value, language, 1)).toBe(expected);
  });
});

describe('formatDateTime', () => {
  test.each([
    ['2026-02-03T08:05:09.123Z', 'it', '03/02/2026 09:05:09'], // CET: UTC+1
    ['2025-09-15T22:30:00Z', 'it', '16/09/2025 00:30:00'], // CEST: UTC+2, already the next day in Italy
    ['2025-09-15T10:00:00Z', 'en', '15/09/2025 12:00:00'],
    ['not a date', 'it', 'not a date'],
  ])('formatDateTime: when %s in %s, then %s', (iso, language, expected) => {
    expect(formatDateTime(iso, language)).toBe(expected);
  });
});

describe('formatBytes', () => {
  test.each([
    [512, 'it', '512 B'],
    [1536, 'it', '1,5 KB'],
    [200 * 1024 * 1024, 'it', '200 MB'],
    [1536, 'en', '1.5 KB'],
  ])('formatBytes: when %d in %s, then %s', (bytes, language, expected) => {
    expect(formatBytes(bytes, language)).toBe(expected);
  });
});
