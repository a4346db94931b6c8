import type { AggregateHistory } from '@primm/shared/contracts/aggregates';
import type { ChartModel } from './chart-model';
import { tierShareValues } from './overview-chart-data';
import type { ShapeText } from './overview-chart-data';

/**
 * The region over the school years kept (issue 22, printable report): one row per year, from its
 * latest frozen snapshot, labelled with its date; students and the share at level 2 or 3 from
 * published counts only (`n.d.` when a count it needs is hidden).
 */
export function historyChart(
  history: AggregateHistory,
  text: ShapeText,
  yearLabel: (p: AggregateHistory['years'][number]) => string,
): ChartModel {
  return {
    kind: 'line',
    rowHeader: text.rowHeader,
    series: [
      { key: 'students', label: text.series('students'), unit: 'count' },
      { key: 'tier2plusShare', label: text.series('tier2plusShare'), unit: 'share' },
    ],
    drawn: ['tier2plusShare'],
    rows: history.years.map((y) => ({
      key: y.year,
      label: yearLabel(y),
      values: { students: y.total.students ?? null, tier2plusShare: tierShareValues(y.total).tier2plusShare },
    })),
  };
}
