import { MEASURES, PARTITIONS, type AggregateResult, type AggregateRow, type Dimension, type Measure } from '@primm/shared/contracts/aggregates';
import { suppressCounts, type CountRecord, type Relation } from '@primm/shared/aggregates/suppress';

/** The students of one cell of the table: one value per grouping dimension, a count per measure. */
export interface GroupCount {
  key: string[];
  values: Record<string, number>;
}

/** 'students' is always counted: it decides whether a group is too small to show at all. */
export function resolveMeasures(asked: Measure[] | undefined): Measure[] {
  return asked?.length ? [...new Set<Measure>(['students', ...asked])] : [...MEASURES];
}

/**
 * The cells, their margins and the total, then small-cell and complementary suppression over all
 * of them together, so no published number gives another away. Each student is in exactly one
 * cell, so margins and the total are sums of cells.
 */
export function publishCounts(
  cells: GroupCount[],
  options: { year: string; groupBy: Dimension[]; measures?: Measure[]; threshold: number; labels: (d: Dimension, v: string) => string },
): AggregateResult {
  const { groupBy, threshold } = options;
  const measures = resolveMeasures(options.measures);
  const sum = (subset: GroupCount[]) => Object.fromEntries(measures.map((m) => [m, subset.reduce((n, c) => n + (c.values[m] ?? 0), 0)]));

  const records: CountRecord[] = [{ id: 'total', values: sum(cells) }];
  const sortedRows = cells.map((c) => [`row:${c.key.join('|')}`, c] as const).sort(([a], [b]) => a.localeCompare(b));
  for (const [id, c] of sortedRows) records.push({ id, values: sum([c]) });

  const margins = new Map<number, Map<string, string>>(); // dim index → value → record id
  if (groupBy.length === 2) {
    groupBy.forEach((_d, i) => {
      const byValue = new Map<string, GroupCount[]>();
      for (const c of cells) {
        const v = c.key[i]!;
        const list = byValue.get(v);
        if (list) list.push(c);
        else byValue.set(v, [c]);
      }
      const ids = new Map<string, string>();
      for (const [v, subset] of [...byValue].sort(([a], [b]) => a.localeCompare(b))) {
        const id = `margin:${i}:${v}`;
        ids.set(v, id);
        records.push({ id, values: sum(subset) });
      }
      margins.set(i, ids);
    });
  }

  const relations: Relation[] = [];
  for (const m of measures) {
    if (groupBy.length === 1) relations.push({ members: sortedRows.map(([id]) => [id, m] as [string, string]), target: ['total', m] });
    if (groupBy.length === 2) {
      for (const [i, ids] of margins) {
        for (const [v, marginId] of ids) {
          relations.push({ members: sortedRows.filter(([, g]) => g.key[i] === v).map(([id]) => [id, m] as [string, string]), target: [marginId, m] });
        }
        relations.push({ members: [...ids.values()].map((id) => [id, m] as [string, string]), target: ['total', m] });
      }
    }
  }
  for (const r of records) {
    for (const part of PARTITIONS) {
      const members = part.filter((m) => measures.includes(m));
      if (members.length > 1) relations.push({ members: members.map((m) => [r.id, m] as [string, string]) });
    }
  }

  const shown = suppressCounts(records, relations, threshold);
  const toRow = (id: string, key: string[], dims: Dimension[]): AggregateRow => ({
    group: Object.fromEntries(dims.map((d, i) => [d, key[i]!])),
    labels: Object.fromEntries(dims.map((d, i) => [d, options.labels(d, key[i]!)])),
    values: shown[id]!,
  });
  return {
    year: options.year,
    groupBy,
    measures,
    threshold,
    rows: groupBy.length === 0 ? [] : sortedRows.map(([id, g]) => toRow(id, g.key, groupBy)),
    margins: Object.fromEntries(
      [...margins].map(([i, ids]) => [groupBy[i]!, [...ids].map(([v, id]) => toRow(id, [v], [groupBy[i]!]))]),
    ),
    total: shown.total!,
  };
}
