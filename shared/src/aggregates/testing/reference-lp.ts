import solver, { type SolveResult } from 'javascript-lp-solver';
import type { LinearSystem } from '../lp';

/**
 * Test support: the range of Σ objective·x over a linear system, by an independent solver
 * (javascript-lp-solver, https://github.com/JWally/jsLPSolver), to check lp.ts and the audit.
 * Its variables are non-negative, as every count here is.
 */
export function referenceRange(
  system: LinearSystem,
  objective: ReadonlyMap<number, number>,
): { min: number; max: number } {
  return { min: optimum(system, objective, 'min'), max: optimum(system, objective, 'max') };
}

function optimum(system: LinearSystem, objective: ReadonlyMap<number, number>, opType: 'min' | 'max'): number {
  const constraints: Record<string, { equal?: number; min?: number; max?: number }> = {};
  const variables: Record<string, Record<string, number>> = {};
  for (let j = 0; j < system.n; j++) {
    variables[`x${j}`] = { objective: objective.get(j) ?? 0, [`bound${j}`]: 1 };
    constraints[`bound${j}`] = Number.isFinite(system.ub[j]!)
      ? { min: system.lb[j]!, max: system.ub[j]! }
      : { min: system.lb[j]! };
  }
  system.rows.forEach((row, i) => {
    constraints[`row${i}`] = { equal: row.rhs };
    row.vars.forEach(
      (j, k) => (variables[`x${j}`]![`row${i}`] = (variables[`x${j}`]![`row${i}`] ?? 0) + row.coefs[k]!),
    );
  });
  const result = solver.Solve({ optimize: 'objective', opType, constraints, variables }) as SolveResult;
  if (!result.feasible) throw new Error('referenceRange: infeasible');
  if (result.bounded === false) return opType === 'max' ? Infinity : -Infinity;
  // Its `result` can be stale when a variable sits in several equalities: sum the point instead.
  let value = 0;
  for (const [j, c] of objective) value += c * Number(result[`x${j}`] ?? 0);
  return value;
}
