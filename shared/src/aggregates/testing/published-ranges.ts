import { Polytope, type LinearRow, type LinearSystem } from '../lp';
import type { CountRecord, Relation, Suppressed } from '../suppress';
import { referenceRange } from './reference-lp';

export type Model = 'sums' | 'sums-only' | 'symbols' | 'symbols-only';

export interface HiddenRange {
  cell: [string, string];
  shown: string | undefined;
  value: number;
  min: number;
  max: number;
}

/**
 * Test support: what a reader of a published table can still tell about each cell it does not
 * show, built from the published table alone (not from the suppression's own model) and solved
 * by the independent javascript-lp-solver, or by lp.ts (checked against it in lp.test.ts) where
 * the independent one would be too slow for a property. The reader knows the relations and, conservatively, the
 * remainder of each (students without a tier); a hidden cell is a variable, bounded by:
 * - `sums`: only counts ≥ 0;
 * - `symbols`: also what its symbol says — `<k` is 1..k−1 (0..k−1 for the measures of a group
 *   shown as `<k`), `n.d.` is ≥ k — and an unpublished cell ≥ 0;
 * - `sums-only`, `symbols-only`: as `sums` and `symbols`, but every published count ≥ k is
 *   unknown too (≥ k with the symbols): what the zeros and the symbols alone allow, the most a
 *   table can protect (a published zero tells that none of its group is in it).
 */
export type Solver = 'javascript-lp-solver' | 'lp.ts';

export function publishedRanges(
  records: CountRecord[],
  relations: Relation[],
  shown: Suppressed,
  k: number,
  model: Model,
  options: { only?: (cell: HiddenRange) => boolean; solver?: Solver } = {},
  population = 'students',
): HiddenRange[] {
  const { only, solver = 'javascript-lp-solver' } = options;
  const value = new Map<string, number>();
  const cells: [string, string][] = [];
  for (const r of records)
    for (const [m, v] of Object.entries(r.values)) {
      value.set(`${r.id}|${m}`, v);
      cells.push([r.id, m]);
    }
  const symbolOf = (rec: string, m: string) => shown[rec]?.[m];
  const isVariable = (rec: string, m: string) => {
    const s = symbolOf(rec, m);
    return typeof s !== 'number' || (model.endsWith('-only') && s >= k);
  };
  const vars = cells.filter(([rec, m]) => isVariable(rec, m));
  const indexOf = new Map(vars.map(([rec, m], i) => [`${rec}|${m}`, i]));
  const lb: number[] = [];
  const ub: number[] = [];
  for (const [rec, m] of vars) {
    const s = symbolOf(rec, m);
    if (model.startsWith('sums') || s === undefined) {
      lb.push(0);
      ub.push(Infinity);
    } else if (typeof s === 'number' || s === 'n.d.') {
      lb.push(k);
      ub.push(Infinity);
    } else {
      lb.push(m !== population && symbolOf(rec, population) === `<${k}` ? 0 : 1);
      ub.push(k - 1);
    }
  }
  const rows: LinearRow[] = relations
    .map((rel) => {
      const terms: [string, number][] = [
        ...rel.members.map(([rec, m]) => [`${rec}|${m}`, 1] as [string, number]),
        ...(rel.target ? [[`${rel.target[0]}|${rel.target[1]}`, -1] as [string, number]] : []),
      ];
      const present = terms.filter(([id]) => value.has(id));
      const slack = present.reduce((s, [id, c]) => s + c * value.get(id)!, 0);
      const row: LinearRow = { vars: [], coefs: [], rhs: slack };
      for (const [id, c] of present) {
        const j = indexOf.get(id);
        if (j === undefined) row.rhs -= c * value.get(id)!;
        else (row.vars.push(j), row.coefs.push(c));
      }
      return row;
    })
    .filter((r) => r.vars.length > 0);
  const system: LinearSystem = { n: vars.length, rows, lb, ub };
  let polytope: Polytope | undefined;
  const range = (objective: Map<number, number>) => {
    if (solver === 'javascript-lp-solver') return referenceRange(system, objective);
    polytope ??= new Polytope(system);
    return { min: polytope.minimize(objective).value, max: polytope.maximize(objective).value };
  };
  return vars.flatMap(([rec, m], j) => {
    const cell: HiddenRange = {
      cell: [rec, m],
      shown: symbolOf(rec, m) as string | undefined,
      value: value.get(`${rec}|${m}`)!,
      min: NaN,
      max: NaN,
    };
    return only && !only(cell) ? [] : [{ ...cell, ...range(new Map([[j, 1]])) }];
  });
}
