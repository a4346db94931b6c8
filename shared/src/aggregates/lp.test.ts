import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { Polytope, type LinearSystem } from './lp';
import { referenceRange } from './testing/reference-lp';

/** A random system with a known feasible integer point, like a count table with hidden cells. */
const aSystem = fc
  .record({
    point: fc.array(fc.nat(30), { minLength: 1, maxLength: 9 }),
    rows: fc.array(fc.array(fc.tuple(fc.nat(8), fc.constantFrom(1, -1)), { minLength: 1, maxLength: 6 }), {
      minLength: 1,
      maxLength: 6,
    }),
    below: fc.array(fc.nat(5), { minLength: 9, maxLength: 9 }),
    above: fc.array(fc.option(fc.nat(12), { nil: undefined }), { minLength: 9, maxLength: 9 }),
  })
  .map(({ point, rows, below, above }): { system: LinearSystem; point: number[] } => {
    const n = point.length;
    const linear = rows.map((terms) => {
      const coef = new Map<number, number>();
      for (const [j, c] of terms) coef.set(j % n, c);
      const vars = [...coef.keys()];
      return {
        vars,
        coefs: vars.map((j) => coef.get(j)!),
        rhs: vars.reduce((s, j) => s + coef.get(j)! * point[j]!, 0),
      };
    });
    const lb = point.map((v, j) => Math.max(0, v - below[j]!));
    const ub = point.map((v, j) => (above[j] === undefined ? Infinity : v + above[j]!));
    return { system: { n, rows: linear, lb, ub }, point };
  });

describe('Polytope', () => {
  test("property: the range of each variable and of a sum equals the independent solver's (150 random systems)", () => {
    fc.assert(
      fc.property(aSystem, fc.array(fc.boolean(), { minLength: 9, maxLength: 9 }), ({ system }, pick) => {
        const polytope = new Polytope(system);
        expect(polytope.feasible).toBe(true);
        const objectives = [...Array(system.n).keys()].map((j) => new Map([[j, 1]]));
        objectives.push(new Map([...Array(system.n).keys()].filter((j) => pick[j]).map((j) => [j, 1])));
        for (const objective of objectives) {
          const expected = referenceRange(system, objective);
          const max = polytope.maximize(objective);
          const min = polytope.minimize(objective);
          expect([min.value, max.value]).toEqual([closeTo(expected.min), closeTo(expected.max)]);
          for (const { point } of [min, max]) expectFeasible(system, point);
        }
      }),
      { numRuns: 150 },
    );
  });

  test.each([
    // x + y = 10, 0 ≤ x ≤ 4, y ≥ 0 → x in [0, 4], y in [6, 10]
    [{ n: 2, rows: [{ vars: [0, 1], coefs: [1, 1], rhs: 10 }], lb: [0, 0], ub: [4, Infinity] }, 1, [6, 10]],
    // x − y = 0, y unbounded above → x in [0, ∞)
    [
      { n: 2, rows: [{ vars: [0, 1], coefs: [1, -1], rhs: 0 }], lb: [0, 0], ub: [Infinity, Infinity] },
      0,
      [0, Infinity],
    ],
    // two cells of at least 1 summing to 2: both exactly 1 (issue 17, finding 5)
    [{ n: 2, rows: [{ vars: [0, 1], coefs: [1, 1], rhs: 2 }], lb: [1, 1], ub: [9, 9] }, 0, [1, 1]],
  ] as const)('Polytope: %j, variable %i → range %j', (system, j, range) => {
    const polytope = new Polytope({
      ...system,
      rows: system.rows.map((r) => ({ ...r, vars: [...r.vars], coefs: [...r.coefs] })),
      lb: [...system.lb],
      ub: [...system.ub],
    });
    const objective = new Map([[j, 1]]);

    expect([polytope.minimize(objective).value, polytope.maximize(objective).value]).toEqual(range);
  });
});

const closeTo = (v: number) => (Number.isFinite(v) ? expect.closeTo(v, 6) : v);

function expectFeasible(system: LinearSystem, point: Float64Array) {
  for (const row of system.rows)
    expect(row.vars.reduce((s, j, k) => s + row.coefs[k]! * point[j]!, 0)).toBeCloseTo(row.rhs, 6);
  for (let j = 0; j < system.n; j++) {
    expect(point[j]!).toBeGreaterThanOrEqual(system.lb[j]! - 1e-6);
    expect(point[j]!).toBeLessThanOrEqual(system.ub[j]! + 1e-6);
  }
}
