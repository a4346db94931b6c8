import {
  MEASURES,
  PARTITIONS,
  type AggregateResult,
  type AggregateRow,
  type Dimension,
  type Measure,
} from '@primm/shared/contracts/aggregates';
import { perturbCount } from '@primm/shared/aggregates/perturb';
import { suppressCounts, type CountRecord, type Relation, type Suppressed } from '@primm/shared/aggregates/suppress';

/** The students of one cell of the table: one value per grouping dimension, a count per measure. */
export interface GroupCount {
  key: string[];
  values: Record<string, number>;
  /** Per measure, the sum of the counted students' cell keys (cell-key.ts); none: no noise. */
  keys?: Record<string, number>;
}

/** 'students' is always counted: it decides whether a group is too small to show at all. */
export function resolveMeasures(asked: Measure[] | undefined): Measure[] {
  return asked?.length ? [...new Set<Measure>(['students', ...asked])] : [...MEASURES];
}

export interface PublishOptions {
  year: string;
  groupBy: Dimension[];
  /** The measures to answer; the suppression always runs over every measure counted. */
  measures?: Measure[];
  threshold: number;
  labels: (d: Dimension, v: string) => string;
  /** The largest noise added to a published count (cell key method); 0: none. */
  noise?: number;
  /**
   * The same table with one filter fewer, once per filter of the request (the next coarser
   * requests): a group whose students, or whose count of a measure, differ from there by 1 to
   * threshold − 1 would give those few away by subtraction, so it is hidden and protected.
   */
  coarser?: GroupCount[][];
  /**
   * The same table counted on a subset of its students (a snapshot of the same year frozen at an
   * earlier period end, aggregate-snapshots.ts): a group whose students, or a count, exceed it by
   * 1 to threshold − 1 would give the few students enrolled in between away, hidden likewise.
   */
  finer?: GroupCount[][];
}

/**
 * The cells, their margins and the total; small-cell and complementary suppression over all of
 * them together, checked by the interval audit (shared/src/aggregates/suppress.ts), with the
 * cross-query rule above; then every published count of threshold or more moves by its cell
 * key's noise. Each student is in exactly one cell, so margins and the total are sums of cells.
 *
 * The suppression does not depend on which measures were asked (it always runs on all those
 * counted), nor does a margin's: asking for fewer measures cannot uncover a different pattern.
 * In a two-way table the cells of a margin under the threshold are not listed (they would all be
 * `<10`, and their number alone would tell how many students each has: 9 listed cells of a
 * margin of 9 hold 1 each).
 */
export function publishCounts(cells: GroupCount[], options: PublishOptions): AggregateResult {
  const { groupBy, threshold } = options;
  const asked = resolveMeasures(options.measures);
  const { table, shown } = decide(cells, groupBy.length, threshold, options.coarser ?? [], options.finer ?? []);

  const keyOf = new Map(table.records.map((r) => [r.id, r.keys]));
  const publish = (id: string) =>
    Object.fromEntries(
      asked.map((m) => {
        const v = shown[id]![m]!;
        const keys = keyOf.get(id);
        return [m, typeof v === 'number' && keys ? perturbCount(v, keys[m] ?? 0, threshold, options.noise ?? 0) : v];
      }),
    );
  const toRow = (id: string, key: string[], dims: Dimension[]): AggregateRow => ({
    group: Object.fromEntries(dims.map((d, i) => [d, key[i]!])),
    labels: Object.fromEntries(dims.map((d, i) => [d, options.labels(d, key[i]!)])),
    values: publish(id),
  });
  return {
    year: options.year,
    groupBy,
    measures: asked,
    threshold,
    noise: options.noise ?? 0,
    rows:
      groupBy.length === 0
        ? []
        : table.rows.filter(([id]) => !table.unlisted.has(id)).map(([id, g]) => toRow(id, g.key, groupBy)),
    margins: Object.fromEntries(
      [...table.margins].map(([i, ids]) => [groupBy[i]!, [...ids].map(([v, id]) => toRow(id, [v], [groupBy[i]!]))]),
    ),
    total: publish('total'),
  };
}

/**
 * What to show of a table of `dims` grouping dimensions (cells keyed by that many values). The
 * tables it contains are decided first and kept: the total as the table without grouping shows
 * it, a two-way table's margins as each one-way table shows them, and in every table the
 * students of each group before the other measures. So a request never shows a group otherwise
 * than the smaller request that counts only it (no cross-table difference from the suppression
 * pattern), and the audit of the larger table counts on what the smaller ones publish.
 */
function decide(
  cells: GroupCount[],
  dims: number,
  threshold: number,
  coarser: GroupCount[][],
  finer: GroupCount[][] = [],
): { table: Table; shown: Suppressed } {
  const table = tableOf(cells, dims, threshold);
  const keep: Suppressed = {};
  const subTables = dims === 2 ? [[0], [1]] : dims === 1 ? [[]] : [];
  for (const kept of subTables) {
    const sub = decide(
      project(cells, kept),
      kept.length,
      threshold,
      coarser.map((c) => project(c, kept)),
      finer.map((c) => project(c, kept)),
    );
    for (const [id, values] of Object.entries(sub.shown))
      keep[id === 'total' ? 'total' : `margin:${kept[0]}:${id.slice('row:'.length)}`] = values;
  }
  const protect = [
    ...coarser.flatMap((coarse) => differencing(table, tableOf(coarse, dims, threshold), threshold)),
    ...finer.flatMap((fine) => differencingFiner(table, tableOf(fine, dims, threshold), threshold)),
  ];

  // The students of each group first, as a table of their own.
  const population = (r: Table['records'][number]) => ({ ...r, values: { students: r.values.students ?? 0 } });
  const students = suppressCounts(
    table.records.map(population),
    table.relations.filter((rel) => rel.members.every(([, m]) => m === 'students')),
    {
      threshold,
      protect: protect.filter((p) => p.cell[1] === 'students'),
      keep,
    },
  ).shown;
  for (const [id, values] of Object.entries(students)) keep[id] = { ...keep[id], ...values };
  const { shown } = suppressCounts(table.records, table.relations, { threshold, protect, keep });
  return { table, shown };
}

/** The cells summed over every dimension but `kept` (indices into the key). */
function project(cells: GroupCount[], kept: number[]): GroupCount[] {
  const out = new Map<string, GroupCount>();
  for (const c of cells) {
    const key = kept.map((i) => c.key[i]!);
    const id = key.join('|');
    const sum = out.get(id) ?? { key, values: {}, ...(c.keys ? { keys: {} } : {}) };
    for (const [m, v] of Object.entries(c.values)) sum.values[m] = (sum.values[m] ?? 0) + v;
    if (c.keys && sum.keys) for (const [m, v] of Object.entries(c.keys)) sum.keys[m] = (sum.keys[m] ?? 0) + v;
    out.set(id, sum);
  }
  return [...out.values()];
}

interface Table {
  records: (CountRecord & { keys?: Record<string, number> })[];
  relations: Relation[];
  /** Cell record ids with their cell, in order. */
  rows: (readonly [string, GroupCount])[];
  /** dim index → value → margin record id. */
  margins: Map<number, Map<string, string>>;
  /** Cells of a margin under the threshold, left out of the answer. */
  unlisted: Set<string>;
}

/** The records of a table and the relations between them (same ids for the same groups). */
function tableOf(cells: GroupCount[], dims: number, threshold: number): Table {
  const measures = MEASURES.filter((m) => cells.every((c) => m in c.values));
  const sum = (subset: GroupCount[], field: 'values' | 'keys') =>
    Object.fromEntries(measures.map((m) => [m, subset.reduce((n, c) => n + (c[field]?.[m] ?? 0), 0)]));
  const withKeys = cells.every((c) => c.keys);
  const record = (id: string, subset: GroupCount[]) => ({
    id,
    values: sum(subset, 'values'),
    ...(withKeys ? { keys: sum(subset, 'keys') } : {}),
  });

  const records: Table['records'] = [record('total', cells)];
  const rows = cells.map((c) => [`row:${c.key.join('|')}`, c] as const).sort(([a], [b]) => a.localeCompare(b));
  for (const [id, c] of rows) records.push(record(id, [c]));

  const margins = new Map<number, Map<string, string>>();
  const unlisted = new Set<string>();
  if (dims === 2) {
    [0, 1].forEach((i) => {
      const byValue = new Map<string, GroupCount[]>();
      for (const c of cells) byValue.set(c.key[i]!, [...(byValue.get(c.key[i]!) ?? []), c]);
      const ids = new Map<string, string>();
      for (const [v, subset] of [...byValue].sort(([a], [b]) => a.localeCompare(b))) {
        const id = `margin:${i}:${v}`;
        ids.set(v, id);
        const r = record(id, subset);
        records.push(r);
        const students = r.values.students ?? 0;
        if (students > 0 && students < threshold) for (const c of subset) unlisted.add(`row:${c.key.join('|')}`);
      }
      margins.set(i, ids);
    });
  }
  for (const r of records) if (unlisted.has(r.id)) r.unpublished = 'all';

  const relations: Relation[] = [];
  for (const m of measures) {
    if (dims === 1) relations.push({ members: rows.map(([id]) => [id, m] as [string, string]), target: ['total', m] });
    for (const [i, ids] of margins) {
      for (const [v, marginId] of ids) {
        relations.push({
          members: rows.filter(([, g]) => g.key[i] === v).map(([id]) => [id, m] as [string, string]),
          target: [marginId, m],
        });
      }
      relations.push({ members: [...ids.values()].map((id) => [id, m] as [string, string]), target: ['total', m] });
    }
  }
  // A partition of the group's students, less those outside it (no tier, no attendance yet).
  for (const r of records) {
    for (const part of PARTITIONS) {
      const members = part.filter((m) => measures.includes(m));
      if (members.length > 1 && measures.includes('students'))
        relations.push({ members: members.map((m) => [r.id, m] as [string, string]), target: [r.id, 'students'] });
    }
  }
  return { records, relations, rows, margins, unlisted };
}

/**
 * The cross-query rule against one coarser table: each group of this table is inside the same
 * group of the coarser one, and their difference is a group of students a reader can form. If
 * it has 1 to threshold − 1 students, every measure of this group is protected (a zero too: it is
 * then shown `<10`); otherwise each measure whose difference is 1 to threshold − 1. Protected means hidden with a range wide enough
 * that the difference still ranges over 1..threshold − 1: from coarse − (threshold − 1) (but at
 * least threshold, as n.d. says) to coarse − 1.
 */
export function differencing(
  table: Pick<Table, 'records'>,
  coarse: Pick<Table, 'records'>,
  threshold: number,
): { cell: [string, string]; min: number; max: number }[] {
  const coarseById = new Map(coarse.records.map((r) => [r.id, r.values]));
  const out: { cell: [string, string]; min: number; max: number }[] = [];
  const small = (d: number) => d > 0 && d < threshold;
  for (const r of table.records) {
    const wider = coarseById.get(r.id);
    if (!wider) continue;
    const wholeGroup = small((wider.students ?? 0) - (r.values.students ?? 0));
    for (const [m, v] of Object.entries(r.values)) {
      const c = wider[m] ?? v;
      // A few students apart, every count of the group speaks of them, zeros too (shown `<10`);
      // otherwise a count that alone differs by a few (a smaller one is `<10` already).
      // (A zero of the wider group already says it of them: nothing to hide.)
      if (wholeGroup ? c === 0 : v < threshold || !small(c - v)) continue;
      out.push({ cell: [r.id, m], min: Math.max(threshold, c - threshold + 1), max: Math.max(c - 1, v) });
    }
  }
  return out;
}

/**
 * The same rule against a table of a subset of this one's students (an earlier snapshot): the
 * difference this − finer is the group of students added in between. A group 1 to threshold − 1
 * students larger is protected whole (but a zero, which says it of them already); otherwise each
 * count that alone exceeds the finer one by 1 to threshold − 1. The range keeps the difference
 * free over 1..threshold − 1: from finer + 1 (at least threshold, as n.d. says) to finer + threshold − 1.
 */
export function differencingFiner(
  table: Pick<Table, 'records'>,
  fine: Pick<Table, 'records'>,
  threshold: number,
): { cell: [string, string]; min: number; max: number }[] {
  const fineById = new Map(fine.records.map((r) => [r.id, r.values]));
  const out: { cell: [string, string]; min: number; max: number }[] = [];
  const small = (d: number) => d > 0 && d < threshold;
  for (const r of table.records) {
    const narrower = fineById.get(r.id) ?? {};
    const wholeGroup = small((r.values.students ?? 0) - (narrower.students ?? 0));
    for (const [m, v] of Object.entries(r.values)) {
      const n = narrower[m] ?? 0;
      if (wholeGroup ? v === 0 : v < threshold || !small(v - n)) continue;
      out.push({ cell: [r.id, m], min: Math.min(v, Math.max(threshold, n + 1)), max: Math.max(n + threshold - 1, v) });
    }
  }
  return out;
}
