/**
 * Small-cell suppression for aggregate tables of student counts (DESIGN.md "Aggregates": every cell
 * under 10 students is shown as `<10`, with complementary suppression so it cannot be computed back
 * from totals).
 *
 * 1. Primary: a count from 1 to threshold − 1 is hidden; a group of fewer than threshold students
 *    hides every measure of that group (even its zeros say something about so few people).
 * 2. Complementary: the published numbers obey linear relations — a cross cell's slice sums to its
 *    margin, margins sum to the total, and the measures of a partition (tiers, attendance bands)
 *    sum to the same population. A relation with exactly one hidden member would give it away, so
 *    one more member is hidden (the smallest positive one, the total last), until every relation
 *    has none or at least two hidden. This is the classic rule used by statistical offices; it
 *    does not defend against every combination of many separate requests.
 */

export interface CountRecord {
  /** Identifies the record: `total`, `margin:0:AN`, `row:AN|italiano`… */
  id: string;
  values: Record<string, number>;
}

export interface Relation {
  /** Cells `record id` + measure that sum to `target` (or, for partitions, to an unpublished population). */
  members: [string, string][];
  target?: [string, string];
}

export type Suppressed = Record<string, Record<string, number | string>>;

/** How a hidden cell is shown: `<10` when it is small, `n.d.` (non diffuso) when hidden only to protect another. */
export const COMPLEMENTARY = 'n.d.';

export function suppressCounts(records: CountRecord[], relations: Relation[], threshold: number, populationMeasure = 'students'): Suppressed {
  const hidden = new Set<string>();
  const small = new Set<string>();
  const key = (record: string, measure: string) => `${record}\u0000${measure}`;
  const value = new Map<string, number>();
  for (const r of records) for (const [m, v] of Object.entries(r.values)) value.set(key(r.id, m), v);

  for (const r of records) {
    const population = r.values[populationMeasure];
    const tooFew = population !== undefined && population > 0 && population < threshold;
    for (const [m, v] of Object.entries(r.values)) {
      if (tooFew || (v > 0 && v < threshold)) {
        hidden.add(key(r.id, m));
        if (v < threshold) small.add(key(r.id, m));
      }
    }
  }

  for (let changed = true; changed; ) {
    changed = false;
    for (const rel of relations) {
      const cells = [...rel.members, ...(rel.target ? [rel.target] : [])].map(([rec, m]) => key(rec, m)).filter((k) => value.has(k));
      const hiddenCount = cells.filter((c) => hidden.has(c)).length;
      if (hiddenCount !== 1) continue;
      const target = rel.target ? key(...rel.target) : undefined;
      const candidates = cells
        .filter((c) => !hidden.has(c))
        .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
      const pick = candidates[0];
      if (pick === undefined) continue;
      hidden.add(pick);
      changed = true;

      // Smallest positive member first, zeros next, the relation's total last.
      function rank(c: string): number {
        const v = value.get(c) ?? 0;
        return (c === target ? 2e9 : 0) + (v > 0 ? v : 1e9);
      }
    }
  }

  const out: Suppressed = {};
  for (const r of records) {
    out[r.id] = Object.fromEntries(
      Object.entries(r.values).map(([m, v]) => {
        const k = key(r.id, m);
        return [m, small.has(k) ? `<${threshold}` : hidden.has(k) ? COMPLEMENTARY : v];
      }),
    );
  }
  return out;
}
