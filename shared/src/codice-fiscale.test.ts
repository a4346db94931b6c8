import { describe, expect, test } from 'vitest';
import { applyOmocodia, computeCodiceFiscale, isValidCodiceFiscale } from './codice-fiscale.ts';

describe('computeCodiceFiscale', () => {
  // Codes checked by hand (letter rules and the odd/even check-character tables).
  test.each([
    ['Rossi', 'Mario', 'M', '1985-12-10', 'A562', 'RSSMRA85T10A562S'], // the classic textbook example
    ['Moretti', 'Matteo', 'M', '1991-04-08', 'F205', 'MRTMTT91D08F205J'],
    ['Rossi', 'Maria', 'F', '2010-01-01', 'A271', 'RSSMRA10A41A271X'], // day + 40 for women
    ['Bianchi', 'Giovanni', 'M', '1980-01-01', 'H501', 'BNCGNN80A01H501T'],
    ['Fo', 'Ai', 'F', '2011-06-30', 'Z210', 'FOXAIX11H70Z210W'], // short names padded with X, born in China
    ['Marinelli', 'Francesca', 'F', '2012-10-05', 'G479', 'MRNFNC12R45G479W'], // ≥ 4 consonants: 1st, 3rd, 4th
    ["D'Angelo", 'Nicolò', 'M', '2009-03-15', 'E783', 'DNGNCL09C15E783Z'], // apostrophe ignored, accent stripped
  ] as const)('%s %s → %s', (lastName, firstName, sex, birthDate, birthplaceCode, expected) => {
    expect(computeCodiceFiscale({ lastName, firstName, sex, birthDate, birthplaceCode })).toBe(expected);
  });

  test('when the date is malformed, then it throws', () => {
    expect(() =>
      computeCodiceFiscale({
        lastName: 'A',
        firstName: 'B',
        sex: 'M',
        birthDate: '10/12/1985',
        birthplaceCode: 'A271',
      }),
    ).toThrow();
  });
});

describe('isValidCodiceFiscale', () => {
  test.each([
    ['RSSMRA85T10A562S', true],
    ['rssmra85t10a562s', true], // case does not matter
    ['RSSMRA85T10A562T', false], // wrong check character
    ['RSSMRA85T10A56', false], // too short
    ['RSSMRA85T32A562S', false], // day 32 does not exist
    ['RSSMRA85F10A562S', false], // F is not a month letter
    ['RSSMRA85T10A56NH', true], // omocodia on the last digit (2 → N)
  ] as const)('%s → %s', (cf, expected) => {
    expect(isValidCodiceFiscale(cf)).toBe(expected);
  });

  test('applyOmocodia: when digits are replaced from the right, then the code stays valid', () => {
    for (let level = 1; level <= 7; level++) {
      const cf = applyOmocodia('RSSMRA85T10A562S', level);

      expect(isValidCodiceFiscale(cf)).toBe(true);
      expect(cf).not.toBe('RSSMRA85T10A562S');
    }
    expect(applyOmocodia('RSSMRA85T10A562S', 7)).toBe('RSSMRAURTMLARSNL'); // 85→UR, 10→ML, 562→RSN;
  });
});
