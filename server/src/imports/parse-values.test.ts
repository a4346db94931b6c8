import { describe, expect, test } from 'vitest';
import { parseDate, parseDecimal, parseYesNo } from './parse-values';

describe('parseDate', () => {
  test.each([
    ['15/09/2025', '2025-09-15'],
    ['1/2/2026', '2026-02-01'],
    ['2026-02-28', '2026-02-28'],
    ['29/02/2024', '2024-02-29'], // leap year
    ['29/02/2026', undefined], // not a leap year
    ['31/04/2026', undefined],
    ['2026-13-01', undefined],
    ['15.09.2025', undefined],
    ['', undefined],
  ])('when "%s", then %s', (text, iso) => {
    expect(parseDate(text)).toBe(iso);
  });
});

describe('parseYesNo', () => {
  test.each([
    ['S', true],
    ['s', true],
    ['Sì', true],
    ['N', false],
    ['', false],
    ['forse', undefined],
  ])('when "%s", then %s', (text, value) => {
    expect(parseYesNo(text)).toBe(value);
  });
});

describe('parseDecimal', () => {
  test.each([
    ['6', 6],
    ['1,5', 1.5],
    ['2.25', 2.25],
    ['abc', undefined],
    ['1,2,3', undefined],
  ])('when "%s", then %s', (text, value) => {
    expect(parseDecimal(text)).toBe(value);
  });
});
