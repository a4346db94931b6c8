import { expect, test } from 'vitest';
import type { AggregateResult, AggregateRow, Cell } from '@primm/shared/contracts/aggregates';
import {
  crossShareChart,
  groupSharesChart,
  groupsOfProvince,
  italianOrNot,
  mostGroupsHidden,
} from './citizenship-chart-data';
import type { ShapeText } from './overview-chart-data';

const text: ShapeText = { row: (_d, code) => code, series: (key) => key, rowHeader: 'Gruppo', total: 'Totale' };

const row = (group: Record<string, string>, values: Record<string, Cell>): AggregateRow => ({
  group,
  labels: group,
  values,
});

test.each<[string, Record<string, Cell>, Record<string, number | string | null>]>([
  // 210 / 3400 ≈ 6,2 %; 500 / 3400 ≈ 14,7 % at tier ≥ 2 (380 + 120 of 2900 + 380 + 120)
  [
    'all published',
    { students: 3400, tier1: 2900, tier2: 380, tier3: 120, overLimit: 210, failing2plus: 300, ageGradeDelay: 250 },
    {
      students: 3400,
      tier2plusShare: 500 / 3400,
      overLimitShare: 210 / 3400,
      failing2plusShare: 300 / 3400,
      ageGradeDelayShare: 250 / 3400,
    },
  ],
  [
    'small tiers and indicator',
    { students: 62, tier1: 42, tier2: 'n.d.', tier3: '<10', overLimit: 15, failing2plus: '<10', ageGradeDelay: 40 },
    {
      students: 62,
      tier2plusShare: 'n.d.',
      overLimitShare: 15 / 62,
      failing2plusShare: 'n.d.',
      ageGradeDelayShare: 40 / 62,
    },
  ],
  [
    'group hidden',
    {
      students: '<10',
      tier1: '<10',
      tier2: '<10',
      tier3: '<10',
      overLimit: '<10',
      failing2plus: '<10',
      ageGradeDelay: '<10',
    },
    {
      students: '<10',
      tier2plusShare: 'n.d.',
      overLimitShare: 'n.d.',
      failing2plusShare: 'n.d.',
      ageGradeDelayShare: 'n.d.',
    },
  ],
])('groupSharesChart: when %s, then shares come only from published counts', (_label, values, expected) => {
  const result: AggregateResult = {
    year: '2025/26',
    groupBy: ['citizenshipGroup'],
    measures: [],
    threshold: 10,
    noise: 2,
    rows: [row({ citizenshipGroup: 'x' }, values)],
    margins: {},
    total: values,
  };

  expect(groupSharesChart(result, text).rows[0]!.values).toEqual(expected);
});

test('crossShareChart: when a cross cell is suppressed, then only that share is n.d.; margins give the province and region columns', () => {
  const t = (t1: Cell, t2: Cell, t3: Cell) => ({ tier1: t1, tier2: t2, tier3: t3 });
  const result: AggregateResult = {
    year: '2025/26',
    groupBy: ['province', 'citizenshipGroup'],
    measures: ['tier1', 'tier2', 'tier3'],
    threshold: 10,
    noise: 2,
    rows: [
      row({ province: 'AN', citizenshipGroup: 'italiano' }, t(80, 15, 5)), // 20 %
      row({ province: 'AN', citizenshipGroup: 'neo_arrivato' }, t(20, '<10', 'n.d.')),
    ],
    margins: {
      province: [row({ province: 'AN' }, t(100, 20, 5))], // 25 / 125 = 20 %
      citizenshipGroup: [
        row({ citizenshipGroup: 'italiano' }, t(160, 30, 10)),
        row({ citizenshipGroup: 'neo_arrivato' }, t(30, 'n.d.', 'n.d.')),
      ],
    },
    total: t(190, 40, 10),
  };

  const shaped = crossShareChart(result, text);

  expect(shaped.series.map((s) => s.key)).toEqual(['italiano', 'neo_arrivato', 'all']);
  expect(shaped.rows).toEqual([{ key: 'AN', label: 'AN', values: { italiano: 0.2, neo_arrivato: 'n.d.', all: 0.2 } }]);
  expect(shaped.total?.values).toEqual({ italiano: 0.2, neo_arrivato: 'n.d.', all: 50 / 240 });
});

const groupsResult = (rows: [string, Record<string, Cell>][], total: Record<string, Cell>): AggregateResult => ({
  year: '2025/26',
  groupBy: ['citizenshipGroup'],
  measures: [],
  threshold: 10,
  noise: 2,
  rows: rows.map(([code, values]) => row({ citizenshipGroup: code }, values)),
  margins: {},
  total,
});

test.each<[string, Record<string, Cell>, Record<string, Cell>, Record<string, Cell>]>([
  ['both counts published', { students: 300, tier2: 40 }, { students: 348, tier2: 52 }, { students: 48, tier2: 12 }],
  [
    'the Italian count hidden',
    { students: 300, tier2: 'n.d.' },
    { students: 348, tier2: 52 },
    { students: 48, tier2: 'n.d.' },
  ],
  ['the total hidden', { students: 300, tier2: 40 }, { students: 348, tier2: '<10' }, { students: 48, tier2: 'n.d.' }],
])(
  'italianOrNot: when %s, then "non italiano" is the total less the Italians, or n.d.',
  (_label, italian, total, expected) => {
    const coarse = italianOrNot(
      groupsResult(
        [
          ['italiano', italian],
          ['neo_arrivato', { students: '<10', tier2: '<10' }],
        ],
        total,
      ),
    );

    expect(coarse.rows.map((r) => r.group.citizenshipGroup)).toEqual(['italiano', 'non_italiano']);
    expect(coarse.rows[0]!.values).toEqual(italian);
    expect(coarse.rows[1]!.values).toEqual(expected);
  },
);

test('italianOrNot: when the Italian group is not in the answer, then there is no coarser grouping to show', () => {
  expect(italianOrNot(groupsResult([['neo_arrivato', { students: 12 }]], { students: 12 })).rows).toEqual([]);
});

const snapshot = { year: '2024/25', periodEnd: '2025-01-31', frozenOn: '2025-02-01', dataThrough: '2025-01-30' };

test.each<[string, Record<string, Cell>, Record<string, Cell>, Record<string, Cell>]>([
  ['both counts published', { students: 280, tier2: 30 }, { students: 320, tier2: 41 }, { students: 40, tier2: 11 }],
  // this year publishes its Italians' tier 2 (40): the previous year's difference never borrows it
  [
    'the Italian count hidden that year',
    { students: 280, tier2: 'n.d.' },
    { students: 320, tier2: 41 },
    { students: 40, tier2: 'n.d.' },
  ],
  // 287 − 280 = 7 students: a group under the threshold, every count `<10` as the server shows one
  [
    'the difference under the threshold',
    { students: 280, tier2: 30 },
    { students: 287, tier2: 31 },
    { students: '<10', tier2: '<10' },
  ],
])(
  'italianOrNot: when the previous year is asked and %s, then its "non italiano" comes from its own table only',
  (_label, italian, total, expected) => {
    const current = groupsResult([['italiano', { students: 300, tier2: 40 }]], { students: 348, tier2: 52 });
    const previous = { ...groupsResult([['italiano', italian]], total), year: '2024/25', snapshot };

    const coarse = italianOrNot({ ...current, previous });

    expect(coarse.rows[1]!.values).toEqual({ students: 48, tier2: 12 });
    expect(coarse.previous?.rows.map((r) => r.group.citizenshipGroup)).toEqual(['italiano', 'non_italiano']);
    expect(coarse.previous?.rows[1]!.values).toEqual(expected);
    expect(coarse.previous?.snapshot).toEqual(snapshot);
  },
);

test('italianOrNot: when the previous year has no Italian group, then that year shows no row and this year still has both', () => {
  const current = groupsResult([['italiano', { students: 300 }]], { students: 348 });
  const previous = { ...groupsResult([['neo_arrivato', { students: 12 }]], { students: 12 }), snapshot };

  const coarse = italianOrNot({ ...current, previous });

  expect(coarse.rows).toHaveLength(2);
  expect(coarse.previous?.rows).toEqual([]);
});

test.each<[string, Cell[], boolean]>([
  ['three of four groups blank', [3400, '<10', '<10', '<10'], true],
  ['half of the groups blank', [3400, 520, '<10', '<10'], true],
  ['one group blank', [3400, 520, 382, '<10'], false],
])('mostGroupsHidden: when %s, then %s', (_label, students, expected) => {
  const codes = ['italiano', 'straniero_nato_in_italia', 'straniero_nato_all_estero', 'neo_arrivato'];
  const values = (n: Cell): Record<string, Cell> =>
    typeof n === 'number'
      ? { students: n, tier1: n, tier2: 0, tier3: 0, overLimit: 0, failing2plus: 0, ageGradeDelay: 0 }
      : { students: n };
  const model = groupSharesChart(
    groupsResult(
      codes.map((c, i) => [c, values(students[i]!)]),
      { students: 5000 },
    ),
    text,
  );

  expect(mostGroupsHidden(model)).toBe(expected);
});

test("groupSharesChart: when the fairness report publishes a group's tier share, then that share is shown, as on the fairness tab", () => {
  const result = groupsResult(
    [
      ['neo_arrivato', { students: 62, tier1: 42, tier2: 'n.d.', tier3: '<10' }],
      ['italiano', { students: 3400, tier1: 2900, tier2: 380, tier3: 120 }],
    ],
    { students: 3462 },
  );

  const shaped = groupSharesChart(result, text, new Map([['neo_arrivato', 0.441]]));

  expect(shaped.rows.map((r) => r.values.tier2plusShare)).toEqual([0.441, 500 / 3400]);
});

test('groupsOfProvince: when a province is taken out of the table by province × group, then its cells are the groups and its margin the total, as published', () => {
  const cross: AggregateResult = {
    ...groupsResult([], { students: 900 }),
    groupBy: ['province', 'citizenshipGroup'],
    rows: [
      row({ province: 'AN', citizenshipGroup: 'italiano' }, { students: 300 }),
      row({ province: 'AN', citizenshipGroup: 'neo_arrivato' }, { students: '<10' }),
      row({ province: 'MC', citizenshipGroup: 'italiano' }, { students: 500 }),
    ],
    margins: {
      province: [row({ province: 'AN' }, { students: 'n.d.' }), row({ province: 'MC' }, { students: 590 })],
      citizenshipGroup: [row({ citizenshipGroup: 'italiano' }, { students: 800 })],
    },
  };

  const an = groupsOfProvince(cross, 'AN');

  expect(an.groupBy).toEqual(['citizenshipGroup']);
  expect(an.rows).toEqual([
    row({ citizenshipGroup: 'italiano' }, { students: 300 }),
    row({ citizenshipGroup: 'neo_arrivato' }, { students: '<10' }),
  ]);
  expect(an.total).toEqual({ students: 'n.d.' });
  expect(an.margins).toEqual({});
});
