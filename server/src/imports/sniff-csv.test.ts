import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, test } from 'vitest';
import { SAMPLE_BYTES, sniffCsv, sniffSample } from './sniff-csv';

describe('sniffSample', () => {
  test.each([
    ['Codice fiscale;Cognome;Nome\nX;Rossi;Nicolò\n', 'utf-8', ';'],
    ['\uFEFFCodice fiscale,Cognome,Nome\r\nX,Rossi,Nicolò\r\n', 'utf-8', ','],
    ['Codice fiscale\tCognome\tNome\n', 'utf-8', '\t'],
    ['"Cognome; Nome",Data,Ore\n', 'utf-8', ','], // the ; is inside quotes
    ['solo una colonna\n', 'utf-8', ';'],
  ])('when the text is %j, then %s and %j', (text, encoding, delimiter) => {
    expect(sniffSample(Buffer.from(text, 'utf8'))).toEqual({ encoding, delimiter });
  });

  test('when the bytes are Windows-1252 (Perù, Nicolò), then windows-1252', () => {
    const bytes = iconv.encode('Cittadinanza;Nome\nPerù;Nicolò\n', 'win1252');

    expect(sniffSample(bytes)).toEqual({ encoding: 'windows-1252', delimiter: ';' });
  });

  test('when a UTF-8 sample is cut inside a character, then it is still UTF-8', () => {
    const bytes = Buffer.from('Nome;Città\nà', 'utf8');

    expect(sniffSample(bytes.subarray(0, bytes.length - 1), true).encoding).toBe('utf-8');
  });
});

describe('sniffCsv: the first megabyte of a file', () => {
  const file = (name: string, bytes: Buffer) => {
    const path = join(mkdtempSync(join(tmpdir(), 'primm-sniff-')), name);
    writeFileSync(path, bytes);
    return path;
  };
  const padTo = (head: string, length: number, tail: Buffer) =>
    Buffer.concat([Buffer.from(head, 'utf8'), Buffer.alloc(length - Buffer.byteLength(head) - tail.length, 'x'), tail]);

  test.each([
    ['a header only', Buffer.from('Codice fiscale,Cognome\n', 'utf8'), { encoding: 'utf-8', delimiter: ',' }],
    ['an empty file', Buffer.alloc(0), { encoding: 'utf-8', delimiter: ';' }],
    [
      'Windows-1252 (Perù)',
      iconv.encode('Cittadinanza\tNome\nPerù\tNicolò\n', 'win1252'),
      { encoding: 'windows-1252', delimiter: '\t' },
    ],
  ])('when the file is %s, then it is read whole', (_name, bytes, dialect) => {
    expect(sniffCsv(file('small.csv', bytes))).toEqual(dialect);
  });

  test('when the first megabyte ends inside a UTF-8 character, then the file is still UTF-8', () => {
    const bytes = padTo('Nome;Città\n', SAMPLE_BYTES + 1, Buffer.from('à', 'utf8')); // à: 2 bytes, cut after the first

    expect(sniffCsv(file('cut.csv', bytes))).toEqual({ encoding: 'utf-8', delimiter: ';' });
  });

  test('when a file of exactly a megabyte ends with a Windows-1252 byte, then it is Windows-1252 (the sample is the whole file, nothing is trimmed)', () => {
    const bytes = padTo('Nome;Citta\n', SAMPLE_BYTES, iconv.encode('à', 'win1252'));

    expect(sniffCsv(file('whole.csv', bytes))).toEqual({ encoding: 'windows-1252', delimiter: ';' });
  });
});
