import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { formatItalian, formatNumber } from './format';

const intl = [0, 1, 2].map((digits) => new Intl.NumberFormat('it-IT', { maximumFractionDigits: digits }));

describe('formatNumber', () => {
  test.each([
    [1.005, 2, '1,01'], // rounds the shortest decimal, as ICU (toFixed would give 1,00)
    [2.675, 2, '2,68'],
    [0.125, 2, '0,13'],
    [-0.5, 0, '-1'],
    [-0.04, 1, '-0'], // a negative that rounds to zero keeps its sign
    [1234, 0, '1234'], // Italian groups from five digits
    [12345.678, 1, '12.345,7'],
    [999.995, 2, '1000'],
    [-1234567.891, 2, '-1.234.567,89'],
    [NaN, 1, 'NaN'],
    [Infinity, 0, '∞'],
    [1e-7, 2, '0'],
  ] as const)('when %d is formatted with %d decimals, then %s, as Intl does', (value, digits, text) => {
    expect(formatNumber(value, digits)).toBe(text);
    expect(intl[digits]!.format(value)).toBe(text);
  });

  test('when any number is formatted, then the text is the one of Intl.NumberFormat it-IT', () => {
    const numbers = fc.oneof(
      fc.double({ noNaN: true }),
      fc.double({ min: -1e6, max: 1e6, noNaN: true }),
      fc.integer({ min: -1e7, max: 1e7 }).map((n) => n / 1000), // three decimals: the ties of two
      fc.integer({ min: -1e6, max: 1e6 }).map((n) => n / 8),
    );
    fc.assert(
      fc.property(numbers, fc.constantFrom(0, 1, 2), (value, digits) => {
        expect(formatItalian(value, digits) ?? intl[digits]!.format(value)).toBe(intl[digits]!.format(value));
      }),
      { numRuns: 20_000 },
    );
  });
});
