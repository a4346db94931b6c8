import { describe, expect, test } from 'vitest';
import type { ChartModel } from './chart-model';
import { compareChart } from './compare-chart-data';

const model = (
  rows: [string, Record<string, number | string>][],
  kind: ChartModel['kind'] = 'stacked',
): ChartModel => ({
  kind,
  rowHeader: 'Provincia',
  series: [
    { key: 'tier1', label: 'Livello 1', unit: 'count' },
    { key: 'tier2', label: 'Livello 2', unit: 'count' },
  ],
  rows: rows.map(([key, values]) => ({ key, label: key, values })),
  total: { key: 'total', label: 'Totale', values: { tier1: 30, tier2: 12 } },
});

const years = { current: '2025/26', previous: '2024/25 al 31/01/2025' };

describe('compareChart', () => {
  test('when both years have the same groups, then each series comes twice, labelled with its year, side by side', () => {
    const chart = compareChart(
      model([['AN', { tier1: 20, tier2: '<10' }]]),
      model([['AN', { tier1: 18, tier2: 'n.d.' }]]),
      years,
    );

    expect(chart.kind).toBe('bars'); // two years in one stack would add them up
    expect(chart.series.map((s) => s.label)).toEqual([
      'Livello 1 (2025/26)',
      'Livello 1 (2024/25 al 31/01/2025)',
      'Livello 2 (2025/26)',
      'Livello 2 (2024/25 al 31/01/2025)',
    ]);
    expect(chart.rows).toEqual([
      { key: 'AN', label: 'AN', values: { tier1: 20, tier1_prev: 18, tier2: '<10', tier2_prev: 'n.d.' } },
    ]);
    expect(chart.total?.values).toEqual({ tier1: 30, tier1_prev: 30, tier2: 12, tier2_prev: 12 });
  });

  test.each([
    // a group only this year has: the previous year's values are unknown, not zero
    [
      [
        ['AN', { tier1: 20, tier2: 11 }],
        ['PU', { tier1: 15, tier2: 10 }],
      ],
      [['AN', { tier1: 18, tier2: 12 }]],
      'PU',
      { tier1: 15, tier1_prev: null, tier2: 10, tier2_prev: null },
    ],
    // a group only the previous year had comes after this year's rows
    [
      [['AN', { tier1: 20, tier2: 11 }]],
      [
        ['AN', { tier1: 18, tier2: 12 }],
        ['FM', { tier1: 14, tier2: 10 }],
      ],
      'FM',
      { tier1: null, tier1_prev: 14, tier2: null, tier2_prev: 10 },
    ],
  ] as const)('when a group is in one year only, then its other year reads — (%#)', (now, then, key, values) => {
    const chart = compareChart(
      model(now.map(([k, v]) => [k, { ...v }])),
      model(then.map(([k, v]) => [k, { ...v }])),
      years,
    );

    expect(chart.rows.at(-1)).toEqual({ key, label: key, values });
  });

  test('when the chart draws only some series, then it draws them in both years', () => {
    const current = { ...model([['AN', { tier1: 20, tier2: 11 }]], 'bars'), drawn: ['tier2'] };

    expect(compareChart(current, current, years).drawn).toEqual(['tier2', 'tier2_prev']);
  });
});
