import { Polytope, type LinearRow } from './lp';

/**
 * The interval audit of a table with hidden cells (Hundepool et al., *Statistical Disclosure
 * Control*, Wiley 2012, §4.2 and §5.5 "audit"; ESSnet SDC handbook, "Disclosure risk for
 * tabular data: feasibility intervals"): which values each hidden cell can still take, given
 * everything the reader knows — the published numbers, the sums that tie the table together,
 * and the bounds each symbol implies. A hidden cell is a variable; each relation is an equation
 * over the hidden cells of it, whose right-hand side is what the published cells leave.
 *
 * Only what must be shown is computed: for each cell, whether its range reaches `upTo` upward,
 * `downTo` downward, and spans `width`. The variables split into independent groups (cells that
 * share no relation, directly or through others); a group of one equation has an exact interval
 * by arithmetic, a larger one asks the simplex (lp.ts), a very large one cell by cell on a
 * neighbourhood (checkGroup). Any feasible point the simplex returns is a witness for every cell
 * it moves, so most cells are settled by a few solves of a summed objective, the rest one by one.
 */

export interface AuditVariable {
  /** The true value: a feasible point, so every range contains it. */
  value: number;
  lb: number;
  ub: number;
}

/** What the range of one hidden cell must cover. */
export interface Need {
  /** The largest feasible value must be at least this. */
  upTo?: number;
  /** The smallest feasible value must be at most this. */
  downTo?: number;
  /** The range must be at least this wide. */
  width?: number;
}

export interface AuditEquation {
  vars: number[];
  coefs: number[];
}

/** The variables whose range falls short of their need. */
export function auditIntervals(
  variables: AuditVariable[],
  equations: AuditEquation[],
  needs: Map<number, Need>,
): Set<number> {
  const failed = new Set<number>();
  for (const group of groupsOf(variables.length, equations, needs)) {
    for (const v of checkGroup(variables, group, needs)) failed.add(v);
  }
  return failed;
}

interface Group {
  vars: number[];
  equations: AuditEquation[];
  /** The variables with a need. */
  asked: number[];
}

/** Variables joined by the equations they share (union–find), with their equations: only groups with a need. */
function groupsOf(n: number, equations: AuditEquation[], needs: Map<number, Need>): Group[] {
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  for (const e of equations) for (let i = 1; i < e.vars.length; i++) parent[find(e.vars[i]!)] = find(e.vars[0]!);
  const groups = new Map<number, Group>();
  for (const v of needs.keys()) {
    const root = find(v);
    if (!groups.has(root)) groups.set(root, { vars: [], equations: [], asked: [] });
    groups.get(root)!.asked.push(v);
  }
  if (groups.size === 0) return [];
  for (let v = 0; v < n; v++) groups.get(find(v))?.vars.push(v);
  for (const e of equations) if (e.vars.length) groups.get(find(e.vars[0]!))?.equations.push(e);
  return [...groups.values()];
}

/** Above this many variables a group is checked cell by cell on a neighbourhood (see below). */
const LOCAL_LIMIT = 48;

function checkGroup(variables: AuditVariable[], group: Group, needs: Map<number, Need>): number[] {
  // The widest range seen so far of each variable: every feasible point found widens it.
  const lo = new Map<number, number>();
  const hi = new Map<number, number>();
  for (const v of group.vars) (lo.set(v, variables[v]!.value), hi.set(v, variables[v]!.value));
  const met = (v: number) => {
    const need = needs.get(v)!;
    return (
      (need.upTo === undefined || hi.get(v)! >= need.upTo - 1e-7) &&
      (need.downTo === undefined || lo.get(v)! <= need.downTo + 1e-7) &&
      (need.width === undefined || hi.get(v)! - lo.get(v)! >= need.width - 1e-7)
    );
  };

  if (group.equations.length <= 1) {
    for (const v of group.asked) {
      const [min, max] = group.equations.length
        ? singleEquationRange(variables, group.equations[0]!, v)
        : [variables[v]!.lb, variables[v]!.ub];
      lo.set(v, min);
      hi.set(v, max);
    }
    return group.asked.filter((v) => !met(v));
  }
  // Each equation alone, with the others at their bounds, gives a range around the true one: a
  // cell short of its need even there is short for certain, without the simplex.
  const equationsOf = new Map<number, AuditEquation[]>();
  for (const e of group.equations) {
    for (const v of e.vars) {
      const list = equationsOf.get(v);
      if (list) list.push(e);
      else equationsOf.set(v, [e]);
    }
  }
  const hopeless = (v: number) => {
    let [min, max] = [variables[v]!.lb, variables[v]!.ub];
    for (const e of equationsOf.get(v) ?? []) {
      const [a, b] = singleEquationRange(variables, e, v);
      min = Math.max(min, a);
      max = Math.min(max, b);
    }
    const need = needs.get(v)!;
    return (
      (need.upTo !== undefined && max < need.upTo - 1e-7) ||
      (need.downTo !== undefined && min > need.downTo + 1e-7) ||
      (need.width !== undefined && max - min < need.width - 1e-7)
    );
  };
  const failed = group.asked.filter(hopeless);
  const asked = group.asked.filter((v) => !failed.includes(v) && !met(v));
  const solve = (vars: number[], equations: AuditEquation[], ask: number[]) =>
    solveSubsystem(variables, vars, equations, ask, needs, lo, hi, met);
  if (group.vars.length <= LOCAL_LIMIT) return [...failed, ...solve(group.vars, group.equations, asked)];

  // A large group: each cell on its own neighbourhood, the hidden cells nearest to it through
  // the relations (whole relations at a time, up to about LOCAL_LIMIT), the others held at their
  // true values. Holding variables adds constraints, so a range found there is inside the true
  // one: a cell that passes on its neighbourhood passes (sound); one that fails may be protected
  // by cells farther away, and then merely gets one more companion than it needed.
  for (const v of asked) {
    if (met(v)) continue;
    const near = new Set([v]);
    const touching = new Set<AuditEquation>();
    for (let frontier = [v]; frontier.length && near.size < LOCAL_LIMIT;) {
      const next: number[] = [];
      for (const f of frontier) {
        for (const e of equationsOf.get(f) ?? []) {
          for (const u of e.vars) if (!near.has(u) && near.size < LOCAL_LIMIT) (near.add(u), next.push(u));
        }
      }
      frontier = next;
    }
    for (const u of near) for (const e of equationsOf.get(u) ?? []) touching.add(e);
    if (solve([...near], [...touching], [v]).length) failed.push(v);
  }
  return failed;
}

/**
 * The needs of `asked` on the system of `vars` (every other variable held at its true value),
 * by the simplex: summed objectives first, then one cell at a time. Widens lo/hi with every
 * point found; returns the asked cells whose exact range falls short.
 */
function solveSubsystem(
  variables: AuditVariable[],
  vars: number[],
  equations: AuditEquation[],
  asked: number[],
  needs: Map<number, Need>,
  lo: Map<number, number>,
  hi: Map<number, number>,
  met: (v: number) => boolean,
): number[] {
  // Presolve: an equation with one variable left free (the others held outside `vars`, or fixed
  // by an earlier such equation) fixes it at its true value. Those variables and equations leave
  // the simplex, which then starts from fewer rows and columns: the same polytope, projected.
  const position = new Map(vars.map((v, i) => [v, i]));
  const fixed = new Uint8Array(vars.length);
  const within = equations.map((e) =>
    e.vars
      .map((v, k) => [position.get(v), e.coefs[k]!] as const)
      .filter((t): t is readonly [number, number] => t[0] !== undefined),
  );
  const settled = new Uint8Array(within.length);
  for (let changed = true; changed;) {
    changed = false;
    within.forEach((terms, r) => {
      if (settled[r]) return;
      let free = -1;
      let count = 0;
      for (const [i] of terms) if (!fixed[i]) (count++, (free = i));
      if (count > 1) return;
      settled[r] = 1;
      if (count === 1) ((fixed[free] = 1), (changed = true));
    });
  }
  const freeVars = vars.filter((_, i) => !fixed[i]);
  const local = new Map(freeVars.map((v, i) => [v, i]));
  const rows: LinearRow[] = equations.flatMap((e, r) => {
    if (settled[r]) return [];
    const row: LinearRow = { vars: [], coefs: [], rhs: 0 };
    e.vars.forEach((v, k) => {
      const i = local.get(v);
      if (i === undefined) return; // held or fixed: its term cancels against the true right-hand side
      row.vars.push(i);
      row.coefs.push(e.coefs[k]!);
      row.rhs += e.coefs[k]! * variables[v]!.value;
    });
    return [row];
  });
  const polytope = new Polytope({
    n: freeVars.length,
    rows,
    lb: freeVars.map((v) => variables[v]!.lb),
    ub: freeVars.map((v) => variables[v]!.ub),
  });
  const see = (point: Float64Array) =>
    freeVars.forEach((v, i) => {
      if (point[i]! < lo.get(v)!) lo.set(v, point[i]!);
      if (point[i]! > hi.get(v)!) hi.set(v, point[i]!);
    });
  // A fixed variable's range is its true value: nothing to ask the simplex.
  const exactHi = new Set<number>(vars.filter((_, i) => fixed[i]));
  const exactLo = new Set<number>(exactHi);
  const failed: number[] = [];
  let pending = asked.filter((v) => !met(v));
  const wantsUp = (v: number) =>
    !exactHi.has(v) && (needs.get(v)!.upTo !== undefined || needs.get(v)!.width !== undefined);
  const wantsDown = (v: number) =>
    !exactLo.has(v) && (needs.get(v)!.downTo !== undefined || needs.get(v)!.width !== undefined);
  // A summed objective over the pending cells, each pushed up or down by a sign drawn from a
  // fixed sequence (so the answer does not depend on chance), then the opposite signs: two
  // vertices that spread many cells at once. Stops when a pair settles nothing more.
  let seed = 0x9e3779b9;
  const sign = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) & 0x10000 ? 1 : -1);
  const batch = () => {
    if (pending.length < 2) return false;
    const signs = pending
      .filter((v) => local.has(v))
      .map((v) => [local.get(v)!, wantsUp(v) && wantsDown(v) ? sign() : wantsUp(v) ? 1 : -1] as const);
    const before = pending.length;
    see(polytope.maximize(new Map(signs)).point);
    see(polytope.minimize(new Map(signs)).point);
    pending = pending.filter((v) => !met(v));
    return pending.length < before;
  };

  while (pending.length) {
    if (batch()) continue;
    const v = pending[0]!;
    const objective = new Map([[local.get(v)!, 1]]);
    if (wantsUp(v)) {
      const { value, point } = polytope.maximize(objective);
      see(point);
      hi.set(v, Math.max(hi.get(v)!, value));
      exactHi.add(v);
    } else if (wantsDown(v)) {
      const { value, point } = polytope.minimize(objective);
      see(point);
      lo.set(v, Math.min(lo.get(v)!, value));
      exactLo.add(v);
    } else {
      failed.push(v);
      pending.shift();
      continue;
    }
    pending = pending.filter((p) => !met(p));
  }
  return failed;
}

/**
 * The exact range of one variable of Σ c·x = r (r from the true point) within bounds: at its
 * largest when the others take the values that leave the most for it, and so on.
 */
function singleEquationRange(variables: AuditVariable[], e: AuditEquation, v: number): [number, number] {
  const k = e.vars.indexOf(v);
  const c = e.coefs[k]!;
  let rhs = 0;
  let othersMin = 0;
  let othersMax = 0;
  e.vars.forEach((u, i) => {
    const { value, lb, ub } = variables[u]!;
    const cu = e.coefs[i]!;
    rhs += cu * value;
    if (u === v) return;
    othersMin += cu > 0 ? cu * lb : cu * ub;
    othersMax += cu > 0 ? cu * ub : cu * lb;
  });
  // c·x = rhs − others, others ∈ [othersMin, othersMax]
  const a = (rhs - othersMax) / c;
  const b = (rhs - othersMin) / c;
  const { lb, ub } = variables[v]!;
  const min = Math.max(lb, Math.min(a, b));
  const max = Math.min(ub, Math.max(a, b));
  return [Number.isNaN(min) ? lb : min, Number.isNaN(max) ? ub : max];
}
