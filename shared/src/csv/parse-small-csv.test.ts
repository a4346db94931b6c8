import { expect, test } from 'vitest';
import { parseSmallCsv } from './parse-small-csv';

test.each([
  ['Email;Nome\na@b.it;Anna\n', ['Email', 'Nome'], [{ line: 2, fields: ['a@b.it', 'Anna'] }]],
  // comma separated, CRLF, a BOM, a blank line skipped
  ['\uFEFFEmail,Nome\r\n\r\na@b.it,Anna\r\n', ['Email', 'Nome'], [{ line: 3, fields: ['a@b.it', 'Anna'] }]],
  // a quoted field holding the delimiter and a doubled quote
  ['Email;Classi\na@b.it;"3A; 4B ""bis"""\n', ['Email', 'Classi'], [{ line: 2, fields: ['a@b.it', '3A; 4B "bis"'] }]],
  // a quoted line break: the next record keeps its own line number
  [
    'A;B\n"x\ny";z\nw;v',
    ['A', 'B'],
    [
      { line: 2, fields: ['x\ny', 'z'] },
      { line: 4, fields: ['w', 'v'] },
    ],
  ],
  ['', [], []],
])('parseSmallCsv: %j', (text, header, records) => {
  expect(parseSmallCsv(text)).toEqual({ header, records });
});
