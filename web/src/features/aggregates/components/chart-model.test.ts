import { describe, expect, test } from 'vitest';
import {
  nothingToDraw,
  formatValue,
  legendOrder,
  shareOf,
  sumPublished,
  summariseChart,
  toChartCsv,
  toChartData,
  type ChartModel,
  type ModelRow,
  type Value,
} from './chart-model';

const fmt = (value: number, digits: number) => value.toFixed(digits).replace('.', ',');

describe('shareOf', () => {
  test.each<[number | string, number | string, Value]>([
    [222, 1234, 222 / 1234],
    ['<10', 640, 'n.d.'], // numerator under the threshold: not computed, never estimated
    [42, 'n.d.', 'n.d.'], // denominator hidden
    [0, 0, null], // nobody: nothing to show, not 0 %
  ])('shareOf: when %j of %j, then %j', (part, whole, expected) => {
    expect(shareOf(part, whole)).toEqual(expected);
  });
});

describe('sumPublished', () => {
  test.each<[(number | string)[], number | string]>([
    [[160, 62], 222],
    [[160, '<10'], 'n.d.'],
    [[], 0],
  ])('sumPublished: when %j, then %j', (cells, expected) => {
    expect(sumPublished(cells)).toEqual(expected);
  });
});

describe('formatValue', () => {
  test.each<[Value, 'count' | 'share', string]>([
    [1234, 'count', '1234'],
    [0.18, 'share', '18,0 %'],
    ['<10', 'count', '<10'],
    ['n.d.', 'share', 'n.d.'],
    [null, 'share', '—'],
  ])('formatValue: when %j as %s, then %s', (value, unit, expected) => {
    expect(formatValue(value, unit, fmt)).toBe(expected);
  });
});

const model: ChartModel = {
  kind: 'bars',
  rowHeader: 'Provincia',
  series: [
    { key: 'students', label: 'Studenti', unit: 'count' },
    { key: 'share', label: '=Quota', unit: 'share' },
  ],
  rows: [
    { key: 'AN', label: 'Ancona', values: { students: 1234, share: 0.18 } },
    { key: 'AP', label: 'Ascoli Piceno', values: { students: '<10', share: 'n.d.' } },
  ],
  total: { key: 'total', label: 'Totale', values: { students: 'n.d.', share: null } },
};

test('toChartCsv: when a row is suppressed, then <10 and n.d. are written as such, ; separated, BOM, formula-safe header', () => {
  const csv = toChartCsv(model, fmt);

  expect(csv.startsWith('\uFEFF')).toBe(true);
  expect(csv.slice(1).split('\r\n')).toEqual([
    "Provincia;Studenti;'=Quota (%)",
    'Ancona;1234;18,0',
    'Ascoli Piceno;<10;n.d.',
    'Totale;n.d.;',
    '',
  ]);
});

test('toChartData: when values are not published, then they are not drawn and shares are in percent', () => {
  expect(toChartData(model)).toEqual([
    { label: 'Ancona', students: 1234, share: 18 },
    { label: 'Ascoli Piceno', students: null, share: null },
  ]);
});

test('summariseChart: when a row is suppressed, then the text alternative says <10 and n.d., not a number', () => {
  expect(summariseChart({ ...model, drawn: ['students'] }, fmt)).toBe(
    'Ancona: Studenti 1234; Ascoli Piceno: Studenti <10',
  );
});

describe('legendOrder', () => {
  const bands = [
    { key: 'attendanceUnder80', label: 'Frequenza < 80 %', unit: 'count' as const },
    { key: 'attendance80to90', label: 'Frequenza 80–90 %', unit: 'count' as const },
    { key: 'attendance90to95', label: 'Frequenza 90–95 %', unit: 'count' as const },
    { key: 'attendanceAtLeast95', label: 'Frequenza ≥ 95 %', unit: 'count' as const },
  ];

  test.each<[string, string[], string[]]>([
    [
      'labels in alphabetical order (how recharts sorts by default)',
      ['attendance80to90', 'attendance90to95', 'attendanceUnder80', 'attendanceAtLeast95'],
      ['attendanceUnder80', 'attendance80to90', 'attendance90to95', 'attendanceAtLeast95'],
    ],
    [
      'an item that is no series',
      ['other', 'attendanceAtLeast95', 'attendanceUnder80'],
      ['attendanceUnder80', 'attendanceAtLeast95', 'other'],
    ],
  ])('when the legend gets %s, then it shows the series in their own order', (_, given, expected) => {
    const order = legendOrder(bands);

    const sorted = given.map((dataKey) => ({ dataKey })).sort((a, b) => order(a) - order(b));

    expect(sorted.map((i) => i.dataKey)).toEqual(expected);
  });
});

describe('nothingToDraw', () => {
  const model = (values: Record<string, unknown>[], drawn?: string[]): ChartModel => ({
    kind: 'line',
    rowHeader: 'Anno',
    series: [
      { key: 'students', label: 'Studenti', unit: 'count' },
      { key: 'share', label: 'Quota', unit: 'share' },
    ],
    ...(drawn ? { drawn } : {}),
    rows: values.map((v, i) => ({ key: String(i), label: String(i), values: v as ModelRow['values'] })),
  });
  test.each([
    {
      what: 'every drawn value n.d. or missing',
      m: model(
        [
          { students: 300, share: 'n.d.' },
          { students: 280, share: null },
        ],
        ['share'],
      ),
      expected: true,
    },
    {
      what: 'one drawn number',
      m: model([{ students: 300, share: 'n.d.' }, { share: 0.2 }], ['share']),
      expected: false,
    },
    { what: 'every series drawn, a count published', m: model([{ students: 300, share: 'n.d.' }]), expected: false },
    { what: 'only <10', m: model([{ students: '<10', share: 'n.d.' }]), expected: true },
    { what: 'no rows', m: model([]), expected: true },
  ])('$what → $expected', ({ m, expected }) => {
    expect(nothingToDraw(m)).toBe(expected);
  });
});
