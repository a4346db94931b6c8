import type { SnapshotInfo } from '@primm/shared/contracts/aggregates';
import type { ChartModel, ModelRow } from './chart-model';
import { PREVIOUS } from './trend-chart-data';

/**
 * One chart of this year beside the previous year at the same date (issue 22.3): each series
 * twice, labelled with its year, the previous year's twin keyed `<series>_prev` (drawn lighter, in
 * its twin's colour). Stacked bars become side-by-side bars: two years in one stack would add them.
 * Rows are this year's, then any group only the previous year had; a value the other year does
 * not have is `null` (shown `—`), never 0. Unpublished cells keep their `<10` / `n.d.`.
 */
export function compareChart(
  current: ChartModel,
  previous: ChartModel,
  years: { current: string; previous: string },
): ChartModel {
  const before = new Map(previous.rows.map((r) => [r.key, r]));
  const prevKey = (key: string) => `${key}${PREVIOUS}`;
  const merge = (now: ModelRow | undefined, then: ModelRow | undefined): ModelRow => {
    const values: ModelRow['values'] = {};
    for (const s of current.series) {
      values[s.key] = now?.values[s.key] ?? null;
      values[prevKey(s.key)] = then?.values[s.key] ?? null;
    }
    const base = (now ?? then)!;
    return { key: base.key, label: base.label, ...(base.href ? { href: base.href } : {}), values };
  };
  const drawn = current.drawn ?? current.series.map((s) => s.key);
  return {
    kind: current.kind === 'stacked' ? 'bars' : current.kind,
    rowHeader: current.rowHeader,
    series: current.series.flatMap((s) => [
      { ...s, label: `${s.label} (${years.current})` },
      { ...s, key: prevKey(s.key), label: `${s.label} (${years.previous})` },
    ]),
    drawn: drawn.flatMap((key) => [key, prevKey(key)]),
    rows: [
      ...current.rows.map((r) => merge(r, before.get(r.key))),
      ...previous.rows.filter((r) => !current.rows.some((c) => c.key === r.key)).map((r) => merge(undefined, r)),
    ],
    ...(current.total || previous.total ? { total: merge(current.total, previous.total) } : {}),
  };
}

/** `2025-01-31` → `31/01/2025`, as the Italian pages write dates. */
export const dayLabel = (iso: string) => iso.split('-').reverse().join('/');

/**
 * The chart `build` draws from an answer (a table, the fairness report), with the previous year
 * beside it when the answer carries one (`compare=previous`); as it is otherwise.
 */
export function withPreviousYear<R extends { year: string }, P extends R & { snapshot: SnapshotInfo }>(
  result: R & { previous?: P | null },
  build: (r: R) => ChartModel,
  previousLabel: (p: P) => string,
): ChartModel {
  if (!result.previous) return build(result);
  return compareChart(build(result), build(result.previous), {
    current: result.year,
    previous: previousLabel(result.previous),
  });
}
