import iconv from 'iconv-lite';
import { describe, expect, test } from 'vitest';
import { sniffSample } from './sniff-csv';

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
