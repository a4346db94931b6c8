import { expect, test } from 'vitest';
import dataFormat from '../../../../docs/data-format.md?raw';
import { parseInline, parseMarkdown } from './markdown-blocks';

test.each([
  ['# Titolo', [{ type: 'heading', level: 1, text: 'Titolo', id: 'titolo' }]],
  ['## studenti.csv', [{ type: 'heading', level: 2, text: 'studenti.csv', id: 'studenti-csv' }]],
  [
    'riga uno\nriga due\n\naltro',
    [
      { type: 'paragraph', text: 'riga uno riga due' },
      { type: 'paragraph', text: 'altro' },
    ],
  ],
  // a list item continued on an indented line
  ['- uno\n  continua\n- due', [{ type: 'list', items: ['uno continua', 'due'] }]],
  ['| a | b |\n|---|---|\n| `1` | 2 |', [{ type: 'table', header: ['a', 'b'], rows: [['`1`', '2']] }]],
  ['```\n<cartella>/\n  scuola.csv\n```', [{ type: 'code', text: '<cartella>/\n  scuola.csv' }]],
])('parseMarkdown: %j', (markdown, blocks) => {
  expect(parseMarkdown(markdown)).toEqual(blocks);
});

test.each([
  ['piano', [{ type: 'text', text: 'piano' }]],
  [
    'il file `voti.csv` è **una** riga *sola*',
    [
      { type: 'text', text: 'il file ' },
      { type: 'code', text: 'voti.csv' },
      { type: 'text', text: ' è ' },
      { type: 'strong', text: 'una' },
      { type: 'text', text: ' riga ' },
      { type: 'em', text: 'sola' },
    ],
  ],
  // no mark inside code
  ['`**x**`', [{ type: 'code', text: '**x**' }]],
])('parseInline: %j', (text, inline) => {
  expect(parseInline(text)).toEqual(inline);
});

test('parseMarkdown: when docs/data-format.md is read, then every file of a school folder has its section and table', () => {
  const blocks = parseMarkdown(dataFormat);
  const headings = blocks.filter((b) => b.type === 'heading').map((b) => b.text);

  expect(headings).toEqual(
    expect.arrayContaining([
      'scuola.csv',
      'calendario.csv',
      'classi.csv',
      'studenti.csv',
      'assenze.csv',
      'voti.csv',
      'esiti.csv',
    ]),
  );
  expect(blocks.filter((b) => b.type === 'table').length).toBeGreaterThanOrEqual(8);
  expect(blocks.every((b) => b.type !== 'paragraph' || !b.text.startsWith('|'))).toBe(true);
});
