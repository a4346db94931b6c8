import type { AggregateResult, AggregateRow, Cell, Measure } from '@primm/shared/contracts/aggregates';
import { NOT_COMPUTED, shareOf, type ChartModel, type Value } from './chart-model';
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
export function groupSharesChart(
  result: AggregateResult,
  text: ShapeText,
  tierShares?: ReadonlyMap<string, number>,
): ChartModel {
  const dimension = result.groupBy[0]!;
  // The fairness report's share, where it has one: the two tabs then say the same (issue 20, 44,1 % against n.d.)
  const tierShare = (code: string, values: Record<string, Value>) => {
    const fair = tierShares?.get(code);
    return fair === undefined ? values : { ...values, tier2plusShare: fair };
  };
  const shareKeys = ['tier2plusShare', ...GROUP_INDICATORS.map((m) => `${m}Share`)];
  return {
    kind: 'bars',
    rowHeader: text.rowHeader,
    series: [
      { key: 'students', label: text.series('students'), unit: 'count' },
      ...shareKeys.map((key) => ({ key, label: text.series(key), unit: 'share' as const })),
    ],
    drawn: shareKeys,
    rows: result.rows.map((r) => {
      const code = r.group[dimension] ?? '';
      return {
        key: code,
        label: text.row(dimension, code, r.labels[dimension] ?? code),
        values: tierShare(code, indicatorShares(r.values)),
      };
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
  const cell = (rowCode: string, colCode: string) =>
    result.rows.find((r) => r.group[rowDim] === rowCode && r.group[colDim] === colCode);
  const label = (row: AggregateRow, dim: typeof rowDim) =>
    text.row(dim, row.group[dim] ?? '', row.labels[dim] ?? row.group[dim] ?? '');
  return {
    kind: 'bars',
    rowHeader: text.rowHeader,
    series: [
      ...columns.map((c) => ({ key: c.group[colDim] ?? '', label: label(c, colDim), unit: 'share' as const })),
      { key: 'all', label: text.series('allGroups'), unit: 'share' },
    ],
    rows: (result.margins[rowDim] ?? []).map((m) => {
      const code = m.group[rowDim] ?? '';
      const values: Record<string, Value> = Object.fromEntries(
        columns.map((c) => [c.group[colDim] ?? '', share(cell(code, c.group[colDim] ?? ''))]),
      );
      return { key: code, label: label(m, rowDim), values: { ...values, all: share(m) } };
    }),
    total: {
      key: 'total',
      label: text.total,
      values: {
        ...Object.fromEntries(columns.map((c) => [c.group[colDim] ?? '', share(c)])),
        all: tierShareValues(result.total).tier2plusShare,
      },
    },
  };
}

/** The coarser twin of the citizenship groups: the Italian group, and everyone else. */
export const NOT_ITALIAN = 'non_italiano';

/**
 * Italian or not, from the groups' own answer: "non italiano" is the total less the Italian group,
 * measure by measure, a difference any reader of the table can make (the server's suppression
 * audit counts it as known), so it publishes nothing new; where the Italian group's or the total's
 * count is not published, the difference stays n.d. Issue 20: with most groups n.d., these two
 * can usually be shown. With the previous year at the same date (`compare=previous`), that year is
 * made the same way from its own table only: a year's difference never takes a number from the
 * other year, so it cannot uncover a cell either year hides.
 */
export function italianOrNot(result: AggregateResult): AggregateResult {
  const coarse = coarsen(result);
  return result.previous ? { ...coarse, previous: coarsen(result.previous) } : coarse;
}

function coarsen<T extends Omit<AggregateResult, 'previous'>>(table: T): T {
  const italian = table.rows.find((r) => r.group.citizenshipGroup === 'italiano');
  if (!italian) return { ...table, rows: [] };
  const rest: Record<string, Cell> = Object.fromEntries(
    Object.entries(table.total).map(([m, total]) => {
      const own = italian.values[m];
      return [m, typeof total === 'number' && typeof own === 'number' ? total - own : NOT_COMPUTED];
    }),
  );
  // The server hides every count of a group under the threshold (`<10`, even its zeros); a
  // difference of noisy counts could fall there, and is then shown as the server would show it.
  const students = rest.students;
  const small = typeof students === 'number' && students > 0 && students < table.threshold;
  const values = small ? Object.fromEntries(Object.keys(rest).map((m) => [m, `<${table.threshold}`])) : rest;
  return {
    ...table,
    rows: [italian, { group: { citizenshipGroup: NOT_ITALIAN }, labels: { citizenshipGroup: NOT_ITALIAN }, values }],
    margins: {},
  };
}

/** Most groups show no share at all: time to offer the coarser grouping. */
export function mostGroupsHidden(model: ChartModel): boolean {
  const drawn = model.drawn ?? model.series.map((s) => s.key);
  const hidden = model.rows.filter((r) => drawn.every((k) => typeof r.values[k] !== 'number')).length;
  return model.rows.length > 0 && hidden * 2 >= model.rows.length;
}

/**
 * One province's citizenship groups out of the table by province × group (the region's snapshot
 * keeps no table filtered by province, aggregate-snapshots.ts): its cross cells as the groups and
 * its margin as the total, each as that table published it (a cell unlisted there stays absent).
 */
export function groupsOfProvince<T extends Omit<AggregateResult, 'previous'>>(table: T, province: string): T {
  const margin = table.margins.province?.find((m) => m.group.province === province);
  return {
    ...table,
    groupBy: ['citizenshipGroup'],
    rows: table.rows
      .filter((r) => r.group.province === province)
      .map((r) => ({
        group: { citizenshipGroup: r.group.citizenshipGroup ?? '' },
        labels: { citizenshipGroup: r.labels.citizenshipGroup ?? r.group.citizenshipGroup ?? '' },
        values: r.values,
      })),
    margins: {},
    total: margin?.values ?? {},
  };
}
