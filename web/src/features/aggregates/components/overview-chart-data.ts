import type { AggregateResult, AggregateRow, Cell, Dimension, Measure } from '@primm/shared/contracts/aggregates';
import { shareOf, sumPublished, type ChartModel, type ModelRow, type Value } from './chart-model';

export const TIERS = ['tier1', 'tier2', 'tier3'] as const satisfies readonly Measure[];
/** Lowest attendance first, in every legend, table and CSV (issue 20: the legend was out of order). */
export const BANDS = [
  'attendedBelow80',
  'attended80to90',
  'attended90to95',
  'attended95',
] as const satisfies readonly Measure[];

/** Labels come from outside (i18n); the shaping stays pure and testable with plain functions. */
export type ShapeText = {
  /** A group's name: the server's public label, or a translated code (citizenship group, sex…). */
  row: (dimension: Dimension, code: string, serverLabel: string) => string;
  /** A measure's or a computed column's name. */
  series: (key: string) => string;
  rowHeader: string;
  total: string;
};

type Href = (code: string) => string;

function toModelRow(
  row: AggregateRow,
  dimension: Dimension,
  text: ShapeText,
  values: Record<string, Value>,
  href?: Href,
): ModelRow {
  const code = row.group[dimension] ?? '';
  return {
    key: code,
    label: text.row(dimension, code, row.labels[dimension] ?? code),
    ...(href ? { href: href(code) } : {}),
    values,
  };
}

/** One row per group, one column per measure, as published (`<10` and `n.d.` stay text); the total last. */
export function countsChart(
  result: AggregateResult,
  measures: readonly Measure[],
  kind: ChartModel['kind'],
  text: ShapeText,
  href?: Href,
): ChartModel {
  const dimension = result.groupBy[0]!;
  const pick = (values: Record<string, Cell>) => Object.fromEntries(measures.map((m) => [m, values[m] ?? null]));
  return {
    kind,
    rowHeader: text.rowHeader,
    series: measures.map((m) => ({ key: m, label: text.series(m), unit: 'count' as const })),
    rows: result.rows.map((r) => toModelRow(r, dimension, text, pick(r.values), href)),
    total: { key: 'total', label: text.total, values: pick(result.total) },
  };
}

/**
 * Tier ≥ 2 among the students with a computed tier (tier 1 + 2 + 3), as in the fairness report.
 * The table shows both counts the share comes from, so an `n.d.` share shows which is missing.
 */
export function tierShareValues(values: Record<string, Cell>): {
  tier2plus: Value;
  assessed: Value;
  tier2plusShare: Value;
} {
  const atRisk = sumPublished([values.tier2, values.tier3]);
  const assessed = sumPublished(TIERS.map((m) => values[m]));
  return { tier2plus: atRisk, assessed, tier2plusShare: shareOf(atRisk, assessed) };
}

export function tierShareChart(result: AggregateResult, text: ShapeText, href?: Href): ChartModel {
  const dimension = result.groupBy[0]!;
  return {
    kind: 'bars',
    rowHeader: text.rowHeader,
    series: [
      { key: 'tier2plus', label: text.series('tier2plus'), unit: 'count' },
      { key: 'assessed', label: text.series('assessed'), unit: 'count' },
      { key: 'tier2plusShare', label: text.series('tier2plusShare'), unit: 'share' },
    ],
    drawn: ['tier2plusShare'],
    rows: result.rows.map((r) => toModelRow(r, dimension, text, tierShareValues(r.values), href)),
    total: { key: 'total', label: text.total, values: tierShareValues(result.total) },
  };
}
