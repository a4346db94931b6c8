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
  return new Intl.DateTimeFormat(language.startsWith('en') ? 'en-GB' : 'it-IT', {
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(year, m - 1, 1)));
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
    rows: trend.months.map((m) => ({
      key: m.month,
      label: monthLabel(m.month, text.language),
      values: { ...m.values },
    })),
  };
}

/** The school year before `2025/26`: `2024/25`. */
export function previousSchoolYear(label: string): string {
  const start = Number(label.slice(0, 4)) - 1;
  return `${start}/${String((start + 1) % 100).padStart(2, '0')}`;
}

/** `2025-10` → `2024-10`: the same month one year before. */
const monthBefore = (month: string) => `${Number(month.slice(0, 4)) - 1}${month.slice(4)}`;

/** Suffix of a series of the previous year (`absentOver10_prev`): drawn dashed, in its twin's colour. */
export const PREVIOUS = '_prev';

/**
 * This year's months beside the same months of the year before: only the months this year has
 * reached (the same date, month by month; issue 20, year-on-year), each series labelled with its
 * year. A month the previous year does not have, or did not publish, stays `—` / as published.
 */
export function compareTrendChart(current: AggregateTrend, previous: AggregateTrend, text: TrendText): ChartModel {
  const before = new Map(previous.months.map((m) => [m.month, m.values]));
  const labelled = (key: string, year: string) => `${text.series(key)} (${year})`;
  return {
    kind: 'line',
    rowHeader: text.rowHeader,
    series: TREND_MEASURES.flatMap((key) => [
      { key, label: labelled(key, current.year), unit: 'count' as const },
      { key: `${key}${PREVIOUS}`, label: labelled(key, previous.year), unit: 'count' as const },
    ]),
    drawn: ['absentOver10', `absentOver10${PREVIOUS}`, 'absentOver25', `absentOver25${PREVIOUS}`],
    rows: current.months.map((m) => {
      const old = before.get(monthBefore(m.month));
      const prev = Object.fromEntries(TREND_MEASURES.map((key) => [`${key}${PREVIOUS}`, old?.[key] ?? null]));
      return { key: m.month, label: monthLabel(m.month, text.language), values: { ...m.values, ...prev } };
    }),
  };
}
