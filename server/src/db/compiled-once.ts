import type { CompiledQuery, Compilable } from 'kysely';
import type { Db } from './open-database';

/**
 * A statement kysely builds and compiles once per database handle, then runs with the one value
 * that changes between calls. For the hottest reads only: the class list's statement (correlated
 * subqueries, four joins) took kysely 0.18 ms to build and compile and SQLite 0.14 ms to run,
 * ≈ 9 % of the list's CPU under load (docs/performance-history.md §15). `build` receives a stand-in
 * for that value, which must appear exactly once among the compiled parameters (checked when
 * compiled). Per handle, because `db.withPlugin(…)` is another handle with its own plugins.
 */
export function compiledOnce<V, R>(build: (db: Db, value: V) => Compilable<R>): (db: Db, value: V) => CompiledQuery<R> {
  // An object no caller can pass, so that it is found by identity among the parameters.
  const standIn = Object.freeze({ compiledOnce: true }) as unknown as V;
  const compiled = new WeakMap<Db, { query: CompiledQuery<R>; at: number }>();
  return (db, value) => {
    let entry = compiled.get(db);
    if (!entry) {
      const query = build(db, standIn).compile();
      const at = query.parameters.indexOf(standIn);
      if (at < 0 || query.parameters.lastIndexOf(standIn) !== at)
        throw new Error('compiledOnce: the value must appear exactly once in the statement');
      entry = { query, at };
      compiled.set(db, entry);
    }
    const parameters = [...entry.query.parameters];
    parameters[entry.at] = value;
    return { ...entry.query, parameters };
  };
}
