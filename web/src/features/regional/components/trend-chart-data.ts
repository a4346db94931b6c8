import { TREND_MEASURES, type AggregateTrend } from '@primm/shared/contracts/aggregates';
import type { ChartModel } from './chart-model';

export type TrendText = {
  rowHeader: string;
  series: (key: string) => string;
  language: string;
};

/** `2025-09` → `set 2025` (Italian), `Sept 2025` (English, en-GB); the wire month has no time zone, read as UTC. */
export function monthLabel(month: string, language: string): string {
  const [year, m] = month.split('-').map(Number);
  if (!year || !m) return month;
  return new Intl.DateTimeFormat(language.startsWith('en') ? 'en-GB' : 'it-IT', { month: 'short', year: 'numeric', timeZone: 'UTC' })
    .format(new Date(Date.UTC(year, m - 1, 1)));
}

/**
 * One row per month of lessons: students, and those absent over 10 % and over 25 % of the hours
 * held. The line chart draws only the two absence counts (students would flatten them); the table
 * and the CSV show all three. `<10` and `n.d.` stay text, so the chart leaves a gap there.
 */
export function trendChart(trend: AggregateTrend, text: TrendText): ChartModel {
  return {
    kind: 'line',
    rowHeader: text.rowHeader,
    series: TREND_MEASURES.map((key) => ({ key, label: text.series(key), unit: 'count' as const })),
    drawn: ['absentOver10', 'absentOver25'],
    rows: trend.months.map((m) => ({ key: m.month, label: monthLabel(m.month, text.language), values: { ...m.values } })),
  };
}
