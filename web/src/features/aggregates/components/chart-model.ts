import type { Cell } from '@primm/shared/contracts/aggregates';
import { toCsv } from '@primm/shared/csv/to-csv';

/**
 * A value as the views show it: a published count, a share (0–1) computed from published counts,
 * the server's `<10` / `n.d.` kept as text, `n.d.` for a share that could not be computed, or
 * `null` when there is nothing to show (a share of zero students).
 */
export type Value = number | string | null;

/** A share that is not computed because a count it needs is not published. */
export const NOT_COMPUTED = 'n.d.';

export type Unit = 'count' | 'share';
export type Series = { key: string; label: string; unit: Unit };
export type ModelRow = { key: string; label: string; href?: string; values: Record<string, Value> };

/** What a chart draws and its table shows: the one source of both, and of the CSV. */
export type ChartModel = {
  /** `line`: rows are points in time (months), drawn left to right. */
  kind: 'bars' | 'stacked' | 'line';
  rowHeader: string;
  series: Series[];
  rows: ModelRow[];
  total?: ModelRow;
  /** Series drawn by the chart (the table shows all); by default every series. */
  drawn?: string[];
};

/** Sum of counts, only when every one is published: `<10` + 25 is not 25-something, it is unknown. */
export function sumPublished(cells: (Cell | undefined)[]): number | string {
  let sum = 0;
  for (const cell of cells) {
    if (typeof cell !== 'number') return NOT_COMPUTED;
    sum += cell;
  }
  return sum;
}

/**
 * `part / whole` from published counts only. A suppressed numerator or denominator gives
 * `n.d.`, never an estimate: the web does not work hidden cells back (DESIGN.md "Aggregates").
 */
export function shareOf(part: Cell | number | string | undefined, whole: Cell | number | string | undefined): Value {
  if (typeof part !== 'number' || typeof whole !== 'number') return NOT_COMPUTED;
  if (whole === 0) return null;
  return part / whole;
}

/** A value as a spreadsheet or a screen shows it; text (`<10`, `n.d.`) stays as it is. */
export type FormatNumber = (value: number, fractionDigits: number) => string;

export function formatValue(value: Value, unit: Unit, format: FormatNumber, none = '—'): string {
  if (value === null) return none;
  if (typeof value === 'string') return value;
  return unit === 'share' ? `${format(value * 100, 1)} %` : format(value, 0);
}

export function drawnSeries(model: ChartModel): Series[] {
  return model.drawn ? model.series.filter((s) => model.drawn!.includes(s.key)) : model.series;
}

/** True when no row has a number in any drawn series: the chart would be axes and a legend only. */
export function nothingToDraw(model: ChartModel): boolean {
  const drawn = drawnSeries(model);
  return model.rows.every((r) => drawn.every((s) => typeof r.values[s.key] !== 'number'));
}

/**
 * The legend's order: the series' own (bands from the lowest, levels 1 to 3). recharts sorts legend
 * items by their label unless given a sorter, which put "Frequenza < 80 %" after "Frequenza 90–95 %"
 * (issue 20: the attendance legend was out of order). An item that is no series goes last.
 */
export function legendOrder(series: Series[]): (item: { dataKey?: unknown }) => number {
  return (item) => {
    const index = series.findIndex((s) => s.key === String(item.dataKey));
    return index === -1 ? series.length : index;
  };
}

/** Rows for recharts: shares in percent (one decimal); anything unpublished is not drawn (null). */
export function toChartData(model: ChartModel): Record<string, string | number | null>[] {
  const series = drawnSeries(model);
  return model.rows.map((row) => {
    const point: Record<string, string | number | null> = { label: row.label };
    for (const s of series) {
      const v = row.values[s.key];
      point[s.key] = typeof v !== 'number' ? null : s.unit === 'share' ? Math.round(v * 1000) / 10 : v;
    }
    return point;
  });
}

export const hasSuppressed = (model: ChartModel) =>
  [...model.rows, ...(model.total ? [model.total] : [])].some((r) =>
    Object.values(r.values).some((v) => typeof v === 'string'),
  );

/**
 * Exactly the table on screen: row header, one column per series (shares in %, with the
 * language's decimal separator), the total last; `<10` and `n.d.` written as such. `toCsv` adds
 * the BOM, `;` and the formula guard.
 */
export function toChartCsv(model: ChartModel, format: FormatNumber): string {
  const header = [model.rowHeader, ...model.series.map((s) => (s.unit === 'share' ? `${s.label} (%)` : s.label))];
  const cell = (v: Value, unit: Unit) => (typeof v === 'number' ? (unit === 'share' ? format(v * 100, 1) : v) : v);
  const rows = [...model.rows, ...(model.total ? [model.total] : [])].map((r) => [
    r.label,
    ...model.series.map((s) => cell(r.values[s.key] ?? null, s.unit)),
  ]);
  return toCsv(header, rows);
}

/** The chart's text alternative: every drawn value, in the table's order. */
export function summariseChart(model: ChartModel, format: FormatNumber): string {
  const series = drawnSeries(model);
  return model.rows
    .map(
      (r) =>
        `${r.label}: ${series.map((s) => `${s.label} ${formatValue(r.values[s.key] ?? null, s.unit, format)}`).join(', ')}`,
    )
    .join('; ');
}
