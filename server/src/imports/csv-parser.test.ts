import { expect, test } from 'vitest';
import { CsvParser, CsvSyntaxError, type ParsedRow } from './csv-parser';

test('CsvParser: when a quote is never closed, then the end of input is a clear syntax error', async () => {
  const parser = new CsvParser(';');
  const out: ParsedRow[] = [];
  parser.push('Nome;Note\nRossi;"non chiusa\n', out);

  await expect(parser.end(out)).rejects.toThrow(CsvSyntaxError);
});

test('CsvParser: when records span chunks, then each is returned once with the line where it ends', async () => {
  const parser = new CsvParser(';');
  const out: ParsedRow[] = [];

  parser.push('Nome;Note\nRos', out);
  parser.push('si;"due\nrighe"\nBianchi;ok\n', out);
  await parser.end(out);

  expect(out).toEqual([
    { line: 1, fields: ['Nome', 'Note'] },
    { line: 3, fields: ['Rossi', 'due\nrighe'] },
    { line: 4, fields: ['Bianchi', 'ok'] },
  ]);
});
