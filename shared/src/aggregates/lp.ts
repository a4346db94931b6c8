/**
 * Linear programming for the suppression audit (audit.ts): the smallest and largest value a
 * linear objective takes over { A x = b, lb ≤ x ≤ ub }, where every lower bound is finite and an
 * upper bound may be Infinity.
 *
 * A bounded-variable primal simplex on a dense tableau (Dantzig 1963, ch. 18; Chvátal 1983,
 * ch. 8), with Bland's rule so that it never cycles on the many degenerate vertices these count
 * tables have. Phase 1 starts from every variable at its lower bound with one artificial per
 * row; after it the basis stays, so each further objective starts from a feasible vertex (warm
 * start): the audit asks tens of objectives of one system. Sizes here are tens to a few hundred
 * variables; the coefficients are ±1 and the values integers, so a fixed tolerance is enough.
 *
 * Checked against an independent solver (javascript-lp-solver) in lp.test.ts.
 */

export interface LinearRow {
  vars: number[];
  coefs: number[];
  rhs: number;
}

export interface LinearSystem {
  /** Number of variables, numbered from 0. */
  n: number;
  rows: LinearRow[];
  lb: number[];
  ub: number[];
}

export interface Optimum {
  /** ±Infinity when unbounded in that direction. */
  value: number;
  /** A feasible point reaching it (the last vertex, when unbounded). */
  point: Float64Array;
}

const EPS = 1e-9;
const BLAND_AFTER = 30;
const AT_LOWER = 0;
const AT_UPPER = 1;
const BASIC = 2;
const REMOVED = 3; // an artificial after phase 1, out of the basis: never enters again

export class Polytope {
  readonly feasible: boolean;
  private readonly m: number;
  private readonly n: number;
  private readonly width: number;
  private readonly tableau: Float64Array;
  private readonly reduced: Float64Array;
  private readonly cost: Float64Array;
  private readonly x: Float64Array;
  private readonly lb: Float64Array;
  private readonly ub: Float64Array;
  private readonly basis: Int32Array;
  private readonly state: Int8Array;

  constructor(system: LinearSystem) {
    const rows = system.rows.filter((r) => r.vars.length > 0);
    const m = rows.length;
    const n = system.n;
    const width = n + m;
    this.m = m;
    this.n = n;
    this.width = width;
    this.tableau = new Float64Array(m * width);
    this.reduced = new Float64Array(width);
    this.cost = new Float64Array(width);
    this.x = new Float64Array(width);
    this.lb = new Float64Array(width);
    this.ub = new Float64Array(width);
    this.basis = new Int32Array(m);
    this.state = new Int8Array(width);

    for (let j = 0; j < n; j++) {
      if (!Number.isFinite(system.lb[j]!)) throw new Error('Polytope: every lower bound must be finite');
      this.lb[j] = system.lb[j]!;
      this.ub[j] = system.ub[j]!;
      this.x[j] = system.lb[j]!;
      this.state[j] = AT_LOWER;
    }
    rows.forEach((row, i) => {
      let residual = row.rhs;
      row.vars.forEach((j, k) => (residual -= row.coefs[k]! * this.x[j]!));
      const sign = residual < 0 ? -1 : 1;
      row.vars.forEach((j, k) => (this.tableau[i * width + j] = this.tableau[i * width + j]! + sign * row.coefs[k]!));
      const artificial = n + i;
      this.tableau[i * width + artificial] = 1;
      this.lb[artificial] = 0;
      this.ub[artificial] = Infinity;
      this.x[artificial] = sign * residual;
      this.basis[i] = artificial;
      this.state[artificial] = BASIC;
    });

    // Phase 1: drive the artificials to zero.
    for (let i = 0; i < m; i++) this.cost[n + i] = 1;
    this.priceOut();
    this.run();
    let infeasibility = 0;
    for (let i = 0; i < m; i++) infeasibility += this.x[n + i]!;
    this.feasible = infeasibility <= 1e-7;
    for (let i = 0; i < m; i++) {
      const a = n + i;
      this.ub[a] = 0;
      this.x[a] = this.state[a] === BASIC ? this.x[a]! : 0;
      if (this.state[a] !== BASIC) this.state[a] = REMOVED;
    }
  }

  /** Largest value of Σ objective[j]·x_j. */
  maximize(objective: ReadonlyMap<number, number>): Optimum {
    const negated = new Map([...objective].map(([j, c]) => [j, -c]));
    const { value, point } = this.minimize(negated);
    return { value: -value, point };
  }

  /** Smallest value of Σ objective[j]·x_j. */
  minimize(objective: ReadonlyMap<number, number>): Optimum {
    if (!this.feasible) throw new Error('Polytope: infeasible system');
    this.cost.fill(0);
    for (const [j, c] of objective) this.cost[j] = c;
    this.priceOut();
    const bounded = this.run();
    let value = 0;
    for (const [j, c] of objective) value += c * this.x[j]!;
    return { value: bounded ? value : -Infinity, point: this.x.slice(0, this.n) };
  }

  /** Reduced costs of the current basis: d = c − c_B·B⁻¹A (the tableau holds B⁻¹A). */
  private priceOut(): void {
    const { m, width, tableau, reduced, cost, basis } = this;
    reduced.set(cost);
    for (let i = 0; i < m; i++) {
      const cb = cost[basis[i]!]!;
      if (cb === 0) continue;
      const row = i * width;
      for (let j = 0; j < width; j++) reduced[j] = reduced[j]! - cb * tableau[row + j]!;
    }
  }

  /** Simplex iterations to optimality; false when the objective decreases without bound. */
  private run(): boolean {
    const { m, width, tableau, reduced, x, lb, ub, basis, state } = this;
    let degenerate = 0;
    for (;;) {
      // Dantzig's rule (the steepest reduced cost) while it makes progress; Bland's (the first
      // improving variable, the first blocking one) after a run of degenerate steps, so that it
      // cannot cycle.
      const bland = degenerate >= BLAND_AFTER;
      let q = -1;
      let dir = 0;
      let best = EPS;
      for (let j = 0; j < width; j++) {
        const s = state[j]!;
        if (s === BASIC || s === REMOVED || ub[j]! - lb[j]! <= EPS) continue;
        const gain = s === AT_LOWER ? -reduced[j]! : reduced[j]!;
        if (gain > best) {
          q = j;
          dir = s === AT_LOWER ? 1 : -1;
          best = gain;
          if (bland) break;
        }
      }
      if (q < 0) return true;

      // Ratio test: the entering variable's own range, then each basic variable's bounds.
      let step = ub[q]! - lb[q]!;
      let leaveRow = -1;
      let leaveVar = Infinity;
      for (let i = 0; i < m; i++) {
        const alpha = tableau[i * width + q]!;
        if (Math.abs(alpha) <= EPS) continue;
        const b = basis[i]!;
        const change = -dir * alpha; // x_b moves by change·t
        const room = change < 0 ? (x[b]! - lb[b]!) / -change : (ub[b]! - x[b]!) / change;
        const limit = room < 0 ? 0 : room;
        if (limit < step - EPS || (bland && limit <= step + EPS && leaveRow >= 0 && b < leaveVar)) {
          step = limit;
          leaveRow = i;
          leaveVar = b;
        }
      }
      if (step === Infinity) return false;
      degenerate = step <= EPS ? degenerate + 1 : 0;

      x[q] = x[q]! + dir * step;
      for (let i = 0; i < m; i++) {
        const alpha = tableau[i * width + q]!;
        if (alpha !== 0) x[basis[i]!] = x[basis[i]!]! - dir * alpha * step;
      }
      if (leaveRow < 0) {
        state[q] = state[q] === AT_LOWER ? AT_UPPER : AT_LOWER;
        x[q] = state[q] === AT_LOWER ? lb[q]! : ub[q]!;
        continue;
      }
      const leaving = basis[leaveRow]!;
      const wentDown = -dir * tableau[leaveRow * width + q]! < 0;
      x[leaving] = wentDown ? lb[leaving]! : ub[leaving]!;
      state[leaving] = leaving >= this.n && ub[leaving] === 0 ? REMOVED : wentDown ? AT_LOWER : AT_UPPER;
      this.pivot(leaveRow, q);
      basis[leaveRow] = q;
      state[q] = BASIC;
    }
  }

  private pivot(r: number, q: number): void {
    const { m, width, tableau, reduced } = this;
    const pr = r * width;
    const p = tableau[pr + q]!;
    for (let j = 0; j < width; j++) tableau[pr + j] = tableau[pr + j]! / p;
    for (let i = 0; i < m; i++) {
      if (i === r) continue;
      const row = i * width;
      const f = tableau[row + q]!;
      if (f === 0) continue;
      for (let j = 0; j < width; j++) tableau[row + j] = tableau[row + j]! - f * tableau[pr + j]!;
      tableau[row + q] = 0;
    }
    const d = reduced[q]!;
    if (d !== 0) {
      for (let j = 0; j < width; j++) reduced[j] = reduced[j]! - d * tableau[pr + j]!;
      reduced[q] = 0;
    }
  }
}
