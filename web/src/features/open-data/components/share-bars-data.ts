import type { Cell } from '@primm/shared/contracts/aggregates';
import type { OpenDataMeasure, OpenDataTable } from '@primm/shared/contracts/open-data';

export interface ShareBar {
  key: string;
  label: string;
  /** One segment per measure, as a share of the measures' sum (0–1); null: a count is hidden. */
  segments: { measure: OpenDataMeasure; share: number }[] | null;
}

/**
 * The bars of a partition (levels, attendance bands), one per province and one for the region:
 * each measure's share of their sum. A bar is drawn only when every count of it is published; a
 * hidden count (`<10`, `n.d.`) is never estimated, the bar says it is not available instead.
 */
export function shareBars(table: OpenDataTable, measures: readonly OpenDataMeasure[], regionLabel: string): ShareBar[] {
  const bar = (key: string, label: string, values: Partial<Record<OpenDataMeasure, Cell>>): ShareBar => {
    const counts = measures.map((m) => values[m]);
    if (!counts.every((c): c is number => typeof c === 'number')) return { key, label, segments: null };
    const sum = counts.reduce((a, b) => a + b, 0);
    if (sum === 0) return { key, label, segments: null };
    return { key, label, segments: measures.map((m, i) => ({ measure: m, share: counts[i]! / sum })) };
  };
  return [...table.rows.map((r) => bar(r.province, r.provinceName, r.values)), bar('total', regionLabel, table.total)];
}
