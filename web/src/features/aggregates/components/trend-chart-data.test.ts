import { expect, test } from 'vitest';
import type { AggregateTrend, Cell } from '@primm/shared/contracts/aggregates';
import { toChartCsv, toChartData } from './chart-model';
import { compareTrendChart, monthLabel, previousSchoolYear, trendChart } from './trend-chart-data';

const text = { rowHeader: 'Mese', series: (key: string) => key, language: 'it' };
const trend = (months: [string, Cell, Cell, Cell][]): AggregateTrend => ({
  year: '2025/26',
  threshold: 10,
  noise: 2,
  months: months.map(([month, students, absentOver10, absentOver25]) => ({
    month,
    values: { students, absentOver10, absentOver25 },
  })),
});

test.each([
  ['2025-09', 'it', 'set 2025'],
  ['2026-01', 'it', 'gen 2026'],
  ['2026-06', 'it', 'giu 2026'],
  ['2025-09', 'en', 'Sept 2025'], // en-GB, as the rest of the English UI
])('monthLabel: %s in %s → %s', (month, language, label) => {
  expect(monthLabel(month, language)).toBe(label);
});

test.each<[string, [string, Cell, Cell, Cell], Record<string, string | number | null>]>([
  ['all published', ['2025-09', 27, 12, 0], { label: 'set 2025', absentOver10: 12, absentOver25: 0 }],
  ['a small count is a gap', ['2025-10', 28, 16, '<10'], { label: 'ott 2025', absentOver10: 16, absentOver25: null }],
  [
    'a protecting n.d. is a gap too',
    ['2025-11', 16, 'n.d.', '<10'],
    { label: 'nov 2025', absentOver10: null, absentOver25: null },
  ],
])('trendChart: when %s, then the chart point is %j (students not drawn)', (_case, month, point) => {
  const model = trendChart(trend([month]), text);

  expect(toChartData(model)).toEqual([point]);
});

test('trendChart: suppressed cells stay text in the rows and the CSV, months in order', () => {
  const model = trendChart(
    trend([
      ['2025-09', 27, 0, 0],
      ['2025-10', 16, 'n.d.', '<10'],
    ]),
    text,
  );

  expect(model.rows.map((r) => [r.label, r.values])).toEqual([
    ['set 2025', { students: 27, absentOver10: 0, absentOver25: 0 }],
    ['ott 2025', { students: 16, absentOver10: 'n.d.', absentOver25: '<10' }],
  ]);
  expect(toChartCsv(model, (v) => String(v))).toContain('ott 2025;16;n.d.;<10');
});

test.each([
  ['2025/26', '2024/25'],
  ['2000/01', '1999/00'],
  ['2010/11', '2009/10'],
])('previousSchoolYear: %s → %s', (year, before) => {
  expect(previousSchoolYear(year)).toBe(before);
});

test("compareTrendChart: when the year before has more months, then only this year's months show, each beside the same month a year earlier", () => {
  const current = trend([
    ['2025-09', 400, 30, 12],
    ['2025-10', 410, 'n.d.', '<10'],
  ]);
  const previous = {
    ...trend([
      ['2024-09', 390, 25, 11],
      ['2024-10', 395, 40, 15],
      ['2024-11', 398, 44, 16],
    ]),
    year: '2024/25',
  };

  const model = compareTrendChart(current, previous, text);

  expect(model.rows.map((r) => r.key)).toEqual(['2025-09', '2025-10']);
  expect(model.rows[1]!.values).toEqual({
    students: 410,
    absentOver10: 'n.d.',
    absentOver25: '<10',
    students_prev: 395,
    absentOver10_prev: 40,
    absentOver25_prev: 15,
  });
  expect(model.series.map((s) => s.label).slice(0, 2)).toEqual(['students (2025/26)', 'students (2024/25)']);
  expect(model.drawn).toEqual(['absentOver10', 'absentOver10_prev', 'absentOver25', 'absentOver25_prev']);
});

test('compareTrendChart: when the year before lacks a month, then its values are empty there, not zero', () => {
  const model = compareTrendChart(trend([['2025-09', 400, 30, 12]]), { ...trend([]), year: '2024/25' }, text);

  expect(model.rows[0]!.values).toMatchObject({ absentOver10_prev: null, absentOver25_prev: null });
});
