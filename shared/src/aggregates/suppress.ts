import { auditIntervals, type AuditEquation, type AuditVariable, type Need } from './audit';

/**
 * Small-cell suppression of a table of student counts, with complementary suppression checked by
 * an interval audit (docs/privacy.md "Aggregati"; DESIGN.md "Aggregates": every cell under 10
 * students is shown as `<10`, and it must not be computable back from the other numbers).
 *
 * 1. Primary: a count from 1 to threshold − 1 is hidden (`<10`); a group of fewer than threshold
 *    students hides every measure of that group, even its zeros.
 * 2. Complementary, until the audit passes: the published numbers obey linear relations — a
 *    cross cell's slice sums to its margin, margins to the total, the measures of a partition
 *    (tiers, attendance bands) to the group's students less a remainder taken as known. For
 *    every hidden cell the audit computes the range of values it can still take (audit.ts, a
 *    linear program), in two ways, and both must hold:
 *    - what the sums alone allow (published numbers, relations, counts ≥ 0): at least
 *      `threshold` wide, for every hidden cell (the protection interval of the ESSnet SDC
 *      handbook);
 *    - what the sums and the symbols allow together: `<10` says 1–9 (0–9 in a group under the
 *      threshold), `n.d.` says at least 10 (only counts of 10 or more are ever hidden as n.d.):
 *      a small cell must still range over everything its symbol allows, so the published numbers
 *      add nothing to `<10` (unless the symbols and the zeros alone already narrow it, see
 *      envelopeOf); an unpublished small count (a band between two published counts) must
 *      span at least half the threshold (it is never shown, so no symbol bounds it: the sums
 *      alone must leave it `threshold` wide, as above, and the symbols at least half of that).
 *    A cell alone hidden in a relation gets a companion at once (the smallest count of 10 or
 *    more); a cell the audit finds short gets the largest published count of the relations
 *    nearest to it, then the audit runs again.
 *
 * Cells marked unpublished (an attendance band between two published counts, the cross cells of
 * a margin too small to list) take part in the relations and are protected when small, but are
 * never shown. Cells in `protect` are hidden as n.d. because another request would give them
 * away by difference (the caller's cross-query rule) and must keep the range it asks for.
 */

export interface CountRecord {
  /** Identifies the record: `total`, `margin:0:AN`, `row:AN|italiano`… */
  id: string;
  values: Record<string, number>;
  /** Measures never shown: `all`, or a list. */
  unpublished?: 'all' | readonly string[];
}

export interface Relation {
  /** Cells `record id` + measure that sum to `target` (less a remainder fixed by the true counts, e.g. students with no tier). */
  members: [string, string][];
  target?: [string, string];
}

export interface SuppressOptions {
  threshold: number;
  /** The measure that counts a record's students (a record under the threshold hides everything). */
  populationMeasure?: string;
  /**
   * Hidden because another request would give them away: a count of threshold or more as n.d.,
   * whose range must cover [min, max]; a smaller one (a zero) as `<k`.
   */
  protect?: { cell: [string, string]; min: number; max: number }[];
  /**
   * Cells decided by an earlier table over the same groups (a margin that the one-way table
   * publishes, the students of each group): a number stays published and is never hidden to
   * protect another, a symbol stays hidden. The audit then counts on the reader knowing them.
   */
  keep?: Suppressed;
}

export type Suppressed = Record<string, Record<string, number | string>>;

export interface SuppressResult {
  shown: Suppressed;
  /**
   * Hidden cells still short of their need when nothing around them is left to hide: their range
   * is then all that the symbols and the zeros allow (e.g. a group of 2 whose 2 students have no
   * tier has exactly 2 students, whatever is hidden). For the report, not an error.
   */
  unprotected: [string, string][];
}

/** How a hidden cell is shown: `<10` when it is small, `n.d.` (non diffuso) when hidden only to protect another. */
export const COMPLEMENTARY = 'n.d.';

const SHOWN = 0;
const SMALL = 1;
const HIDDEN = 2; // n.d.
const HELPER = 3; // never published

export function suppressCounts(
  records: CountRecord[],
  relations: Relation[],
  options: SuppressOptions,
): SuppressResult {
  const k = options.threshold;
  const population = options.populationMeasure ?? 'students';
  const index = new Map<string, number>();
  const cellRecord: number[] = [];
  const cellMeasure: string[] = [];
  const value: number[] = [];
  const state: number[] = [];
  const labelLow: number[] = [];
  const key = (record: string, measure: string) => `${record}\u0000${measure}`;

  records.forEach((r, ri) => {
    const pop = r.values[population];
    const tooFew = pop !== undefined && pop > 0 && pop < k;
    for (const [m, v] of Object.entries(r.values)) {
      const c = value.length;
      index.set(key(r.id, m), c);
      cellRecord.push(ri);
      cellMeasure.push(m);
      value.push(v);
      const unpublished = r.unpublished === 'all' || (r.unpublished?.includes(m) ?? false);
      state.push(unpublished ? HELPER : tooFew || (v > 0 && v < k) ? SMALL : SHOWN);
      // What `<k` tells: 1–k−1, or 0–k−1 for the measures of a group under the threshold
      // (its zeros are hidden too), while the group itself is listed, so at least one student.
      labelLow.push(!unpublished && v > 0 && (!tooFew || m === population) ? 1 : 0);
    }
  });
  const n = value.length;

  // What an earlier table decided for the same groups stays (a margin as in the one-way table).
  const isFixed = new Uint8Array(value.length);
  for (const [rec, measures] of Object.entries(options.keep ?? {})) {
    for (const [m, shown] of Object.entries(measures)) {
      const c = index.get(key(rec, m));
      if (c === undefined || state[c] === HELPER) continue;
      if (shown === COMPLEMENTARY && state[c] === SHOWN && value[c]! >= k) state[c] = HIDDEN;
      else if (typeof shown === 'number' && state[c] === SHOWN) isFixed[c] = 1;
    }
  }

  const protectRange = new Map<number, [number, number]>();
  for (const p of options.protect ?? []) {
    const c = index.get(key(...p.cell));
    if (c === undefined || state[c] === HELPER || (state[c] !== SHOWN && !protectRange.has(c))) continue;
    if (value[c]! < k) {
      // A zero of a group that differs from the other request by a few students: that it is 0
      // would tell something of those few (say, that the one other girl was absent), so it
      // reads `<k` like the zeros of a group under the threshold.
      state[c] = SMALL;
      labelLow[c] = 0;
      continue;
    }
    state[c] = HIDDEN;
    const before = protectRange.get(c) ?? [p.min, p.max];
    protectRange.set(c, [Math.min(before[0], p.min), Math.max(before[1], p.max)]);
  }

  // Each relation as coefficients over cells: members +1, target −1.
  const rels = relations
    .map((rel) => {
      const cells: number[] = [];
      const coefs: number[] = [];
      for (const [rec, m] of rel.members) {
        const c = index.get(key(rec, m));
        if (c !== undefined) (cells.push(c), coefs.push(1));
      }
      const t = rel.target ? index.get(key(...rel.target)) : undefined;
      if (t !== undefined) (cells.push(t), coefs.push(-1));
      return { cells, coefs, target: t, slack: cells.reduce((s, c, i) => s + coefs[i]! * value[c]!, 0) };
    })
    .filter((r) => r.cells.length > 1);
  const relsOf: number[][] = Array.from({ length: n }, () => []);
  rels.forEach((r, ri) => r.cells.forEach((c) => relsOf[c]!.push(ri)));

  const hidden = (c: number) => state[c] !== SHOWN;
  const sensitive = (c: number) =>
    state[c] === SMALL || (state[c] === HELPER && value[c]! > 0 && value[c]! < k) || protectRange.has(c);
  const guarded = (c: number) => state[c] === SMALL || state[c] === HIDDEN || sensitive(c);
  const candidate = (c: number) => state[c] === SHOWN && value[c]! >= k && !isFixed[c];
  // nearestCandidate's marks: a relation or cell seen in call number `calls`, a target of ring `rings`.
  const relSeen = new Int32Array(rels.length);
  const cellSeen = new Int32Array(n);
  const targetOfRing = new Int32Array(n);
  const exhausted = new Uint8Array(n);
  let calls = 0;
  let rings = 0;
  const boundsWithSymbols = (c: number): [number, number] =>
    state[c] === SMALL ? [labelLow[c]!, k - 1] : state[c] === HIDDEN ? [k, Infinity] : [0, Infinity];

  const unprotected = new Set<number>();
  const settledWidth = new Set<number>();
  const settledRange = new Set<number>();

  for (;;) {
    companions();
    const failing = [...audit()].filter((c) => !unprotected.has(c));
    if (failing.length === 0) break;
    let added = false;
    for (const c of failing) {
      const pick = nearestCandidate(c);
      if (pick === undefined) unprotected.add(c);
      else if (state[pick] === SHOWN) {
        state[pick] = HIDDEN;
        added = true;
      }
    }
    if (!added && failing.every((c) => unprotected.has(c))) break;
  }

  const shown: Suppressed = {};
  records.forEach((r) => (shown[r.id] = {}));
  for (let c = 0; c < n; c++) {
    if (state[c] === HELPER) continue;
    shown[records[cellRecord[c]!]!.id]![cellMeasure[c]!] =
      state[c] === SMALL ? `<${k}` : state[c] === HIDDEN ? COMPLEMENTARY : value[c]!;
  }
  return { shown, unprotected: [...unprotected].map((c) => [records[cellRecord[c]!]!.id, cellMeasure[c]!]) };

  /** A relation in which a guarded cell is the only hidden one would give it back: hide one more. */
  function companions(): void {
    for (let changed = true; changed;) {
      changed = false;
      for (const rel of rels) {
        const hiddenCells = rel.cells.filter(hidden);
        if (hiddenCells.length !== 1 || !guarded(hiddenCells[0]!)) continue;
        const pick = rel.cells
          .filter(candidate)
          .sort((a, b) => Number(a === rel.target) - Number(b === rel.target) || value[a]! - value[b]! || a - b)[0];
        if (pick === undefined) continue;
        state[pick] = HIDDEN;
        changed = true;
      }
    }
  }

  /** Cells whose range is too narrow, in either model. */
  function audit(): Set<number> {
    const equations: AuditEquation[] = rels.map((r) => {
      const vars: number[] = [];
      const coefs: number[] = [];
      r.cells.forEach((c, i) => {
        if (hidden(c)) (vars.push(c), coefs.push(r.coefs[i]!));
      });
      return { vars, coefs };
    });
    const sums: AuditVariable[] = value.map((v) => ({ value: v, lb: 0, ub: Infinity }));
    const symbols: AuditVariable[] = value.map((v, c) => {
      const [lb, ub] = boundsWithSymbols(c);
      return { value: v, lb, ub };
    });
    const widthNeeds = new Map<number, Need>();
    const rangeNeeds = new Map<number, Need>();
    for (let c = 0; c < n; c++) {
      if (!hidden(c) || unprotected.has(c)) continue;
      if (!settledWidth.has(c) && (state[c] !== HELPER || sensitive(c))) widthNeeds.set(c, { width: k });
      if (settledRange.has(c)) continue;
      const range = protectRange.get(c);
      if (range) rangeNeeds.set(c, { downTo: range[0], upTo: range[1] });
      else if (state[c] === SMALL) {
        const [floor, cap] = envelopeOf(c);
        rangeNeeds.set(c, { downTo: Math.max(labelLow[c]!, floor), upTo: Math.min(k - 1, cap) });
      } else if (sensitive(c)) rangeNeeds.set(c, { width: Math.ceil(k / 2) });
    }
    const failing = new Set([
      ...auditIntervals(sums, equations, widthNeeds),
      ...auditIntervals(symbols, equations, rangeNeeds),
    ]);
    // Hiding more only widens every range (the old point stays feasible with the new cell at its
    // true value), so a cell that passes never needs checking again.
    for (const c of widthNeeds.keys()) if (!failing.has(c)) settledWidth.add(c);
    for (const c of rangeNeeds.keys()) if (!failing.has(c)) settledRange.add(c);
    return failing;
  }

  /**
   * What the symbols alone allow a small cell, relation by relation, with the other cells of the
   * relation at their symbol's bounds (a published zero at 0): e.g. a tier of a group of `<10`
   * students, 2 of them without a tier, is at most 7, and that group has at least 2 students,
   * whatever else is published. The range need not reach beyond it.
   */
  function envelopeOf(c: number): [number, number] {
    let floor = -Infinity;
    let cap = Infinity;
    // As if every count of k or more were hidden: the envelope does not depend on what is shown.
    const bounds = (o: number): [number, number] =>
      hidden(o) ? boundsWithSymbols(o) : value[o]! >= k ? [k, Infinity] : [value[o]!, value[o]!];
    for (const ri of relsOf[c]!) {
      const rel = rels[ri]!;
      // Σ coef·x = slack, so coef_c·x_c = slack − Σ others.
      let othersLow = 0;
      let othersHigh = 0;
      rel.cells.forEach((o, i) => {
        if (o === c) return;
        const [lo, hi] = bounds(o);
        const coef = rel.coefs[i]!;
        othersLow += coef > 0 ? coef * lo : coef * hi;
        othersHigh += coef > 0 ? coef * hi : coef * lo;
      });
      const coef = rel.coefs[rel.cells.indexOf(c)]!;
      const [a, b] = [(rel.slack - othersHigh) / coef, (rel.slack - othersLow) / coef];
      floor = Math.max(floor, Math.min(a, b));
      cap = Math.min(cap, Math.max(a, b));
    }
    return [Math.min(floor, value[c]!), Math.max(cap, value[c]!)];
  }

  /**
   * The largest published count (members before targets) of the relations nearest to `c`: ring
   * after ring of relations, through the hidden cells of the ring before. The choice is a total
   * order (targets last, larger first, then by index), so the order of a ring does not matter.
   * Marks by stamp rather than sets: this runs for every failing cell of every round.
   */
  function nearestCandidate(c: number): number | undefined {
    if (exhausted[c]) return undefined;
    const call = ++calls;
    cellSeen[c] = call;
    let frontier = [c];
    const explored = [c];
    while (frontier.length) {
      const ring: number[] = [];
      for (const f of frontier) {
        for (const ri of relsOf[f]!) {
          if (relSeen[ri] !== call) ((relSeen[ri] = call), ring.push(ri));
        }
      }
      const stamp = ++rings;
      for (const ri of ring) {
        const t = rels[ri]!.target;
        if (t !== undefined) targetOfRing[t] = stamp;
      }
      // One pass: the best candidate of the ring, and the hidden cells the next ring starts from.
      let best = -1;
      const next: number[] = [];
      for (const ri of ring) {
        for (const o of rels[ri]!.cells) {
          if (state[o] !== SHOWN) {
            if (cellSeen[o] !== call) ((cellSeen[o] = call), next.push(o));
            continue;
          }
          if (value[o]! < k || isFixed[o] || o === best) continue;
          if (best < 0) {
            best = o;
            continue;
          }
          const byRole = Number(targetOfRing[o] === stamp) - Number(targetOfRing[best] === stamp);
          if (byRole < 0 || (byRole === 0 && (value[o]! > value[best]! || (value[o] === value[best] && o < best))))
            best = o;
        }
      }
      if (best >= 0) return best;
      explored.push(...next);
      frontier = next;
    }
    // Nothing to hide anywhere around: the cells reached are bounded by published cells that
    // never change (zeros, small counts, numbers an earlier table fixed), so every one of them
    // would search the same relations in vain, in this round and the next.
    for (const o of explored) exhausted[o] = 1;
    return undefined;
  }
}
