import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parseDate, parseDecimal, parseYesNo } from './parse-values';

/** The first parseDate, by regular expressions and Date: the digit-by-digit one answers as it did. */
function parseDateByRegExp(text: string): string | undefined {
  const t = text.trim();
  let m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
  let y: number, mo: number, d: number;
  if (m) {
    [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  } else {
    m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
    if (!m) return undefined;
    [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  }
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return undefined;
  return date.toISOString().slice(0, 10);
}

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
    [' 15/09/2025 ', '2025-09-15'],
    ['29/02/2000', '2000-02-29'], // divisible by 400
    ['29/02/1900', undefined], // by 100 only
    ['01/01/0050', undefined], // Date.UTC reads it as 1950
    ['01/01/0100', '0100-01-01'],
    ['2026-2-01', undefined],
    ['123/01/2026', undefined],
    ['15/09/20255', undefined],
    ['00/09/2025', undefined],
    ['15//2025', undefined],
    ['１5/09/2025', undefined], // a full-width digit is not an ASCII one
  ])('when "%s", then %s', (text, iso) => {
    expect(parseDate(text)).toBe(iso);
  });

  test('parseDate: when any text made of digits, separators and spaces, then the same answer as the regular-expression version', () => {
    const piece = fc.constantFrom('0', '1', '2', '3', '9', '00', '29', '02', '31', '2024', '1900', '/', '-', ' ', 'a');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (pieces) => {
        const text = pieces.join('');
        expect(parseDate(text)).toBe(parseDateByRegExp(text));
      }),
      { numRuns: 500 },
    );
    for (const y of [1900, 2000, 2024, 2025])
      for (let mo = 0; mo <= 13; mo++)
        for (let d = 0; d <= 32; d++) {
          const text = `${d}/${mo}/${y}`;
          expect(parseDate(text)).toBe(parseDateByRegExp(text));
        }
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
