import type SQLite from 'better-sqlite3';

/**
 * Makes `prepare` return the already compiled statement for SQL it has seen: kysely prepares on
 * every query and better-sqlite3 compiles on every prepare, ≈ 8 % of an API request and of each
 * chunk an import writes (docs/performance-history.md, "Importazione"). Safe because the app never streams a query
 * (`stmt.iterate`), the only way a statement can still be running when it is handed out again,
 * and never switches a statement's mode (`raw`, `pluck`, `expand`). SQLite recompiles a cached
 * statement by itself after a schema change. Least recently used ones go beyond `max`.
 */
export function cachePreparedStatements(sqlite: SQLite.Database, max = 500): void {
  const cache = new Map<string, SQLite.Statement>();
  const prepare = sqlite.prepare.bind(sqlite);
  sqlite.prepare = ((source: string) => {
    let statement = cache.get(source);
    if (statement) {
      cache.delete(source); // re-inserted below: the most recently used
    } else {
      statement = prepare(source);
      if (cache.size >= max) cache.delete(cache.keys().next().value!);
    }
    cache.set(source, statement);
    return statement;
  }) as SQLite.Database['prepare'];
}
