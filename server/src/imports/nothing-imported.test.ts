import { expect, test } from 'vitest';
import type { ImportFileSummary } from '@primm/shared/contracts/imports';
import { explainNothingImported } from './nothing-imported';

const fileOf = (file: string, read: number, skipped: { reason: string; rows: number }[] = []): ImportFileSummary => ({
  file,
  kind: 'altro',
  inserted: 0,
  updated: 0,
  unchanged: 0,
  rejected: 0,
  dateFrom: null,
  dateTo: null,
  changedColumns: [],
  samples: [],
  read,
  skipped,
});
const counts = (inserted: number, unchanged: number, rejected: number) => ({
  inserted,
  updated: 0,
  unchanged,
  rejected,
});

test.each([
  ['rows were inserted', counts(3, 0, 0), [fileOf('a.csv', 3)], null],
  ['every row was already there', counts(0, 3, 0), [fileOf('a.csv', 3)], null], // a re-import took its rows: nothing to explain
  ['no file was read', counts(0, 0, 0), [], 'Nessuna riga importata: nessun file letto'],
  [
    'an empty file',
    counts(0, 0, 0),
    [fileOf('a.csv', 0)],
    'Nessuna riga importata: 0 righe lette, 0 scartate, 0 lasciate da parte',
  ],
  [
    'one row rejected',
    counts(0, 0, 1),
    [fileOf('a.csv', 1)],
    'Nessuna riga importata: 1 riga letta, 1 scartata per errore (vedi gli errori), 0 lasciate da parte',
  ],
  [
    'rows left aside in two files',
    counts(0, 0, 2),
    [
      fileOf('r.csv', 4, [
        { reason: 'fuori dalle Marche', rows: 3 },
        { reason: 'di tipo X', rows: 1 },
      ]),
      fileOf('b.csv', 2),
    ],
    'Nessuna riga importata: 6 righe lette, 2 scartate per errore (vedi gli errori), 4 lasciate da parte (r.csv: 3 fuori dalle Marche, 1 di tipo X)',
  ],
])('explainNothingImported: when %s, then the reason is as expected', (_case, c, files, expected) => {
  expect(explainNothingImported(c, files)).toBe(expected);
});
