import { describe, expect, test } from 'vitest';
import { csvNumber, escapeCsvCell, toCsv } from './to-csv';

describe('escapeCsvCell', () => {
  test.each([
    ['Rossi', 'Rossi'],
    ['=HYPERLINK("http://x")', `"'=HYPERLINK(""http://x"")"`],
    ['+39 333', "'+39 333"],
    ['-2', "'-2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['a;b', '"a;b"'],
    ['riga\nnuova', '"riga\nnuova"'],
    [-2, '-2'], // a number stays a number
    [csvNumber('-0,6'), '-0,6'], // a formatted number too (issue 19: it was written '-0,6)
    [csvNumber('+1.234,5'), '+1.234,5'],
    [csvNumber('-1;2'), `"'-1;2"`], // not a number after all: guarded as text
    [csvNumber('=1+1'), "'=1+1"],
    [null, ''],
  ])('%j → %j', (value, expected) => {
    expect(escapeCsvCell(value)).toBe(expected);
  });
});

test('toCsv: header, rows, CRLF and a BOM', () => {
  expect(toCsv(['Cognome', 'Nome'], [['D’Angelo', 'Nicolò']])).toBe('\uFEFFCognome;Nome\r\nD’Angelo;Nicolò\r\n');
});
