import type { CompiledQuery, Compilable } from 'kysely';
import type { Db } from './open-database';

/**
 * A statement kysely builds and compiles once per database handle, then runs with the one value
 * that changes between calls. For the hottest reads only: the class list's statement (correlated
 * subqueries, four joins) took kysely 0.18 ms to build and compile and SQLite 0.14 ms to run,
 * ≈ 9 % of the list's CPU under load (docs/performance-history.md §15). Per handle, because
 * `db.withPlugin(…)` or a transaction is another handle.
 *
 * `build` receives a stand-in for that value, which must appear exactly once among the compiled
 * parameters. Everything else in the statement is fixed at the first call: a value `build` computes
 * (today's date, a counter) would be served stale for the life of the handle. So the first call
 * builds twice, with two stand-ins, and refuses a statement whose SQL or other parameters differ.
 * One scalar only: a list (`in`) compiles to one placeholder per element.
 */
export function compiledOnce<V extends string | number | bigint, R>(
  build: (db: Db, value: V) => Compilable<R>,
): (db: Db, value: V) => CompiledQuery<R> {
  // Objects no caller can pass, so that they are found by identity among the parameters.
  const standIn = Object.freeze({ compiledOnce: 1 }) as unknown as V;
  const otherStandIn = Object.freeze({ compiledOnce: 2 }) as unknown as V;
  const compiled = new WeakMap<Db, { query: CompiledQuery<R>; at: number }>();
  return (db, value) => {
    let entry = compiled.get(db);
    if (!entry) {
      const query = build(db, standIn).compile();
      const at = query.parameters.indexOf(standIn);
      if (at < 0 || query.parameters.lastIndexOf(standIn) !== at)
        throw new Error('compiledOnce: the value must appear exactly once in the statement');
      const again = build(db, otherStandIn).compile();
      const same =
        again.sql === query.sql &&
        again.parameters.length === query.parameters.length &&
        again.parameters.every((p, i) => (i === at ? p === otherStandIn : p === query.parameters[i]));
      if (!same) throw new Error('compiledOnce: the statement must not change between builds but for the value');
      entry = { query, at };
      compiled.set(db, entry);
    }
    const parameters = [...entry.query.parameters];
    parameters[entry.at] = value;
    return { ...entry.query, parameters };
  };
}
