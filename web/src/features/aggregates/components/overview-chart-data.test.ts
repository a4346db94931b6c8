import { describe, expect, test } from 'vitest';
import type { AggregateResult, Cell } from '@primm/shared/contracts/aggregates';
import { countsChart, tierShareChart, tierShareValues, type ShapeText } from './overview-chart-data';

const text: ShapeText = {
  row: (_d, _c, label) => label,
  series: (key) => key,
  rowHeader: 'Provincia',
  total: 'Totale',
};

const result = (rows: [string, string, Record<string, Cell>][], total: Record<string, Cell>): AggregateResult => ({
  year: '2025/26',
  groupBy: ['province'],
  measures: ['students', 'tier1', 'tier2', 'tier3'],
  threshold: 10,
  noise: 2,
  rows: rows.map(([code, name, values]) => ({ group: { province: code }, labels: { province: name }, values })),
  margins: {},
  total,
});

describe('tierShareValues', () => {
  test.each<[string, Record<string, Cell>, Record<string, number | string | null>]>([
    [
      'all published',
      { tier1: 1012, tier2: 160, tier3: 62 },
      { tier2plus: 222, assessed: 1234, tier2plusShare: 222 / 1234 },
    ], // ≈ 18,0 %
    [
      'tier 3 under 10',
      { tier1: 560, tier2: 'n.d.', tier3: '<10' },
      { tier2plus: 'n.d.', assessed: 'n.d.', tier2plusShare: 'n.d.' },
    ],
    [
      'tier 1 hidden only',
      { tier1: 'n.d.', tier2: 30, tier3: 12 },
      { tier2plus: 42, assessed: 'n.d.', tier2plusShare: 'n.d.' },
    ], // numerator known, denominator not
    ['nobody assessed', { tier1: 0, tier2: 0, tier3: 0 }, { tier2plus: 0, assessed: 0, tier2plusShare: null }],
  ])('tierShareValues: when %s, then the share is computed only from published counts', (_label, values, expected) => {
    expect(tierShareValues(values)).toEqual(expected);
  });
});

describe('countsChart', () => {
  test.each<[string, Cell, Cell]>([
    ['published', 160, 160],
    ['under the threshold', '<10', '<10'],
    ['hidden to protect another', 'n.d.', 'n.d.'],
  ])('countsChart: when a cell is %s, then it reaches the model unchanged', (_label, cell, expected) => {
    const shaped = countsChart(
      result([['AN', 'Ancona', { students: 1234, tier2: cell }]], { students: 1234, tier2: 160 }),
      ['students', 'tier2'],
      'bars',
      text,
    );

    expect(shaped.rows[0]).toEqual({ key: 'AN', label: 'Ancona', values: { students: 1234, tier2: expected } });
  });

  test('countsChart: when a link maker is given, then each row links to its group and the total comes last', () => {
    const shaped = countsChart(
      result(
        [
          ['AN', 'Ancona', { students: 1234 }],
          ['AP', 'Ascoli Piceno', { students: 640 }],
        ],
        { students: 1874 },
      ),
      ['students'],
      'bars',
      text,
      (c) => `/analisi/provincia/${c}`,
    );

    expect(shaped.rows.map((r) => [r.label, r.href, r.values.students])).toEqual([
      ['Ancona', '/analisi/provincia/AN', 1234],
      ['Ascoli Piceno', '/analisi/provincia/AP', 640],
    ]);
    expect(shaped.total).toEqual({ key: 'total', label: 'Totale', values: { students: 1874 } });
  });
});

test('tierShareChart: when one province has a suppressed tier, then only its share is n.d. and only the share is drawn', () => {
  const shaped = tierShareChart(
    result(
      [
        ['AN', 'Ancona', { tier1: 1012, tier2: 160, tier3: 62 }],
        ['AP', 'Ascoli Piceno', { tier1: 560, tier2: 'n.d.', tier3: '<10' }],
      ],
      { tier1: 1572, tier2: 232, tier3: 70 },
    ),
    text,
  );

  expect(shaped.rows.map((r) => r.values.tier2plusShare)).toEqual([222 / 1234, 'n.d.']);
  expect(shaped.total?.values).toEqual({ tier2plus: 302, assessed: 1874, tier2plusShare: 302 / 1874 });
  expect(shaped.drawn).toEqual(['tier2plusShare']);
});
