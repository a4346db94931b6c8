import fc from 'fast-check';
import { expect, test } from 'vitest';
import { CsvParser, type ParsedRow } from './csv-parser';

// Raw text, not what a CSV writer produces: padding, empty lines, CRLF, stray CR, BOM, quotes.
// Whatever it is, the quote-free line splitting must answer exactly as csv-parse does alone.
const piece = fc.constantFrom(
  'a',
  'Z',
  '7',
  'à',
  'Perù',
  ' ',
  '  ',
  '\t',
  '\f',
  '\u00a0',
  ';',
  ',',
  '\n',
  '\r\n',
  '\n\n',
  '\r',
  '"',
  '""',
  '\uFEFF',
);
const text = fc.array(piece, { maxLength: 40 }).map((p) => p.join(''));
const quoteFree = fc
  .array(fc.constantFrom('a', 'Z', '7', 'à', ' ', '\t', '\f', '\u00a0', ';', ',', '\n', '\r\n', '\n\n'), {
    maxLength: 60,
  })
  .map((p) => p.join(''));

async function parseAll(
  input: string,
  delimiter: string,
  cuts: number[],
  splitPlainLines: boolean,
): Promise<ParsedRow[] | 'error'> {
  const parser = new CsvParser(delimiter, { splitPlainLines });
  const out: ParsedRow[] = [];
  const at = [...new Set(cuts.map((c) => c % (input.length + 1)))].sort((x, y) => x - y);
  let from = 0;
  try {
    for (const to of [...at, input.length]) {
      parser.push(input.slice(from, to), out);
      from = to;
    }
    await parser.end(out);
  } catch {
    return 'error';
  }
  return out;
}

test('CsvParser: when a text has no quotes, then splitting its lines gives exactly the records and lines csv-parse gives', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.oneof(
        quoteFree,
        fc.constant('\uFEFF').chain((bom) => quoteFree.map((t) => bom + t)),
      ),
      fc.constantFrom(';', ','),
      fc.array(fc.nat(), { maxLength: 5 }),
      async (input, delimiter, cuts) => {
        const reference = await parseAll(input, delimiter, [], false);
        expect(await parseAll(input, delimiter, cuts, true)).toEqual(reference);
      },
    ),
    { numRuns: 300 },
  );
});

test("CsvParser: when quotes or lone CRs appear anywhere, even after plain lines, then the records are still csv-parse's", async () => {
  await fc.assert(
    fc.asyncProperty(
      quoteFree,
      text,
      fc.constantFrom(';', ','),
      fc.array(fc.nat(), { maxLength: 5 }),
      async (plain, rest, delimiter, cuts) => {
        const input = plain + rest;
        const reference = await parseAll(input, delimiter, [], false);
        const split = await parseAll(input, delimiter, cuts, true);
        // Mixed line breaks: csv-parse counts lines its own way there; the records must still agree.
        const mixed = /\r(?!\n)/.test(input) || (/\r\n/.test(input) && /(?<!\r)\n/.test(input));
        const fieldsOf = (r: ParsedRow[] | 'error') => (r === 'error' ? r : r.map((x) => x.fields));
        if (mixed) expect(fieldsOf(split)).toEqual(fieldsOf(reference));
        else expect(split).toEqual(reference);
      },
    ),
    { numRuns: 300 },
  );
});
