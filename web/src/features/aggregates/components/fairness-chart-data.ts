import type { FairnessGroup, FairnessTable } from '@primm/shared/contracts/aggregates';
import { NOT_COMPUTED, type ChartModel, type Value } from './chart-model';
import type { ShapeText } from './overview-chart-data';

const SHARES = ['shareFlagged', 'shareTier2plus'] as const;
const ERROR_RATES = ['falsePositiveRate', 'falseNegativeRate'] as const;

/** The server publishes no share for a group under the threshold (null): shown `n.d.`, never 0. */
const shown = (share: number | null): Value => share ?? NOT_COMPUTED;

/**
 * One dimension of the fairness report (citizenship group or sex): students, share flagged and
 * share at tier ≥ 2, and the error rates of "tier ≥ 2" only when final outcomes exist.
 */
export function fairnessChart(
  report: FairnessTable,
  dimension: FairnessGroup['dimension'],
  text: ShapeText,
): ChartModel {
  const rates = report.outcomesAvailable ? [...SHARES, ...ERROR_RATES] : [...SHARES];
  return {
    kind: 'bars',
    rowHeader: text.rowHeader,
    series: [
      { key: 'students', label: text.series('students'), unit: 'count' },
      ...rates.map((key) => ({ key, label: text.series(key), unit: 'share' as const })),
    ],
    drawn: rates,
    rows: report.groups
      .filter((g) => g.dimension === dimension)
      .map((g) => ({
        key: g.group,
        label: text.row(dimension, g.group, g.group),
        values: { students: g.students, ...Object.fromEntries(rates.map((key) => [key, shown(g[key])])) },
      })),
  };
}
