import type { AggregateResult, AggregateRow, Cell, Measure } from '@primm/shared/contracts/aggregates';
import { shareOf, type ChartModel, type Value } from './chart-model';
import { tierShareValues, type ShapeText } from './overview-chart-data';

/** Indicators compared across groups, each as a share of the group's students. */
export const GROUP_INDICATORS = ['overLimit', 'failing2plus', 'ageGradeDelay'] as const satisfies readonly Measure[];

function indicatorShares(values: Record<string, Cell>): Record<string, Value> {
  const shares = Object.fromEntries(GROUP_INDICATORS.map((m) => [`${m}Share`, shareOf(values[m], values.students)]));
  return { students: values.students ?? null, tier2plusShare: tierShareValues(values).tier2plusShare, ...shares };
}

/**
 * Groups of different sizes compare by shares, not counts: tier ≥ 2 among assessed students,
 * the other indicators among all the group's students, each only from published counts.
 */
export function groupSharesChart(result: AggregateResult, text: ShapeText): ChartModel {
  const dimension = result.groupBy[0]!;
  const shareKeys = ['tier2plusShare', ...GROUP_INDICATORS.map((m) => `${m}Share`)];
  return {
    kind: 'bars',
    rowHeader: text.rowHeader,
    series: [{ key: 'students', label: text.series('students'), unit: 'count' }, ...shareKeys.map((key) => ({ key, label: text.series(key), unit: 'share' as const }))],
    drawn: shareKeys,
    rows: result.rows.map((r) => {
      const code = r.group[dimension] ?? '';
      return { key: code, label: text.row(dimension, code, r.labels[dimension] ?? code), values: indicatorShares(r.values) };
    }),
    total: { key: 'total', label: text.total, values: indicatorShares(result.total) },
  };
}

/**
 * Province × citizenship group: the tier ≥ 2 share of each cross cell, one bar per group, plus
 * the province as a whole (its margin); the last row is the region per group.
 */
export function crossShareChart(result: AggregateResult, text: ShapeText): ChartModel {
  const [rowDim, colDim] = [result.groupBy[0]!, result.groupBy[1]!];
  const columns = result.margins[colDim] ?? [];
  const share = (row: AggregateRow | undefined) => (row ? tierShareValues(row.values).tier2plusShare : null);
  const cell = (rowCode: string, colCode: string) => result.rows.find((r) => r.group[rowDim] === rowCode && r.group[colDim] === colCode);
  const label = (row: AggregateRow, dim: typeof rowDim) => text.row(dim, row.group[dim] ?? '', row.labels[dim] ?? row.group[dim] ?? '');
  return {
    kind: 'bars',
    rowHeader: text.rowHeader,
    series: [
      ...columns.map((c) => ({ key: c.group[colDim] ?? '', label: label(c, colDim), unit: 'share' as const })),
      { key: 'all', label: text.series('allGroups'), unit: 'share' },
    ],
    rows: (result.margins[rowDim] ?? []).map((m) => {
      const code = m.group[rowDim] ?? '';
      const values: Record<string, Value> = Object.fromEntries(columns.map((c) => [c.group[colDim] ?? '', share(cell(code, c.group[colDim] ?? ''))]));
      return { key: code, label: label(m, rowDim), values: { ...values, all: share(m) } };
    }),
    total: {
      key: 'total',
      label: text.total,
      values: { ...Object.fromEntries(columns.map((c) => [c.group[colDim] ?? '', share(c)])), all: tierShareValues(result.total).tier2plusShare },
    },
  };
}
