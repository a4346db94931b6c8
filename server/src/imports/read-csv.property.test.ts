import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { expect, test } from 'vitest';
import { CsvParser, type ParsedRow } from './csv-parser';
import { readCsv } from './read-csv';
import { sniffCsv } from './sniff-csv';

const dir = mkdtempSync(join(tmpdir(), 'primm-csv-prop-'));
// Separators, quotes, line breaks and accents: what breaks naive readers. Whitespace at the ends of
// a field is not part of the property: the reader trims it (registers pad fields), as documented.
const piece = fc.constantFrom(
  'a',
  'Z',
  '7',
  ' ',
  ';',
  ',',
  '\t',
  '"',
  '\n',
  '\r\n',
  'à',
  'è',
  'ò',
  'Ù',
  'ç',
  'Perù',
  'Nicolò',
  "D'Angelo",
  '½',
  '€',
  '✓',
);
const field = fc.array(piece, { maxLength: 6 }).map((p) => p.join('').trim());

test('readCsv + sniffCsv: when csv-stringify writes any table, in any dialect and encoding, then it is read back identically', async () => {
  let n = 0;
  await fc.assert(
    fc.asyncProperty(
      fc
        .integer({ min: 2, max: 5 })
        .chain((cols) =>
          fc.tuple(
            fc.constant(cols),
            fc.array(fc.array(field, { minLength: cols, maxLength: cols }), { maxLength: 8 }),
          ),
        ),
      fc.constantFrom(';', ',', '\t'),
      fc.constantFrom('utf-8', 'utf-8-bom', 'windows-1252'),
      fc.constantFrom('\n', '\r\n'),
      async ([cols, rows], delimiter, encoding, eol) => {
        const header = Array.from({ length: cols }, (_, i) => `c${i}`);
        const text = stringify([header, ...rows], { delimiter, record_delimiter: eol === '\n' ? 'unix' : 'windows' });
        // Windows-1252 only when every character exists there; an accented letter is then never
        // a valid UTF-8 sequence, so sniffing can tell. Otherwise the same text goes as UTF-8.
        const cp =
          encoding === 'windows-1252' && /^[\x00-\x7fà-ÿÀ-ß]*$/.test(text) ? iconv.encode(text, 'win1252') : undefined;
        const bytes = cp ?? Buffer.from(encoding === 'utf-8-bom' ? `\uFEFF${text}` : text, 'utf8');
        const path = join(dir, `t${n++}.csv`);
        writeFileSync(path, bytes);

        const dialect = sniffCsv(path);
        const read = [];
        for await (const r of readCsv(path, dialect)) read.push(header.map((h) => r.values[h]));

        expect(dialect.delimiter).toBe(delimiter);
        if (/[^\x00-\x7f]/.test(text)) expect(dialect.encoding).toBe(cp ? 'windows-1252' : 'utf-8');
        // A row of empty fields in a one-line record is still a record (`;;`), never skipped.
        expect(read).toEqual(rows);
      },
    ),
    { numRuns: 120 },
  );
});

test('CsvParser: when the text arrives cut at any points (chunk boundaries), then the records are the same as in one piece', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(fc.array(field, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 6 }),
      fc.constantFrom(';', ',', '\t'),
      fc.constantFrom<'unix' | 'windows'>('unix', 'windows'),
      fc.array(fc.nat(), { maxLength: 6 }),
      async (rows, delimiter, eol, cuts) => {
        const text = stringify([['a', 'b', 'c'], ...rows], { delimiter, record_delimiter: eol });
        const at = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((x, y) => x - y);
        const whole: ParsedRow[] = [];
        const one = new CsvParser(delimiter);
        one.push(text, whole);
        await one.end(whole);
        const pieces: ParsedRow[] = [];
        const many = new CsvParser(delimiter);
        let from = 0;
        for (const c of [...at, text.length]) {
          many.push(text.slice(from, c), pieces);
          from = c;
        }
        await many.end(pieces);

        expect(pieces).toEqual(whole);
        expect(whole.slice(1).map((r) => r.fields)).toEqual(rows);
      },
    ),
    { numRuns: 150 },
  );
});

test('readCsv: when a UTF-8 file is ASCII for its first megabyte and then not, with a character cut by the chunk boundary, then every record reads as written', async () => {
  // Chunks are 1 MiB: ASCII lines up to just before the boundary, then a line whose `è` (2 bytes)
  // straddles it, then accented lines.
  const header = 'cf;data;tipo;ore;giustificata\n';
  const line = 'RSSMRA80A01H501U;2025-10-01;assenza;5;S\n';
  let text = header + line.repeat(Math.floor(((1 << 20) - header.length) / line.length) - 1);
  text += `${'x'.repeat((1 << 20) - text.length - 1)}è;a;b;c;d\nNicolò;Perù;€;✓;½\n`;
  expect(
    Buffer.from(text)
      .subarray((1 << 20) - 1, (1 << 20) + 1)
      .toString('utf8'),
  ).toBe('è');
  const path = join(dir, 'ascii-then-utf8.csv');
  writeFileSync(path, text, 'utf8');

  const records = [];
  for await (const r of readCsv(path)) records.push(r.values);

  const names = header.trim().split(';');
  const expected = text
    .trimEnd()
    .split('\n')
    .slice(1)
    .map((l) => Object.fromEntries(l.split(';').map((v, i) => [names[i]!, v])));
  expect(records.slice(-2)).toEqual(expected.slice(-2));
  expect(records).toEqual(expected);
});
