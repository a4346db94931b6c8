/**
 * PostgreSQL's floor of an import (import-floor.ts for the idea): the server alone writing again
 * every row the import wrote into the bench's schema, each table emptied and refilled with one
 * `INSERT … SELECT` from a copy, in one transaction, with the constraints, indexes and triggers
 * the import pays (data_version's and the events' reference checks of migration 0034 count once a
 * statement there, as in the import). No COPY from the client, no merge, no JavaScript per row.
 * Over `psql \copy` of the files it says how much of `pg_ratio` the schema itself costs.
 *
 * The tables and their order come from the SQLite floor of the same import: on PostgreSQL the
 * events' references are triggers (0034), not constraints a catalogue query would see. The schema
 * is the bench's own and is dropped after: nothing is put back.
 */
import { CompiledQuery } from 'kysely';
import { EVENT_TABLES } from '../../server/src/db/migrations/0034-bulk-reference-checks';
import { openPostgres } from '../../server/src/db/open-postgres';
import { COPY_PREFIX, type ImportFloor } from './import-floor';

export async function timePostgresImportFloor(
  url: string,
  schema: string,
  sqlite: Pick<ImportFloor, 'tables' | 'derived'>,
): Promise<{ seconds: number; rows: number }> {
  // One connection: `begin` and `commit` below must reach the same session.
  const db = openPostgres(url, { schema, max: 1 });
  try {
    const run = (text: string) => db.executeQuery(CompiledQuery.raw(text));
    const tables = sqlite.tables.map((t) => t.name);
    let rows = 0;
    for (const name of tables) {
      await run(`create table "${COPY_PREFIX}${name}" as select * from "${name}"`);
      rows += Number(
        (await db.executeQuery<{ n: string }>(CompiledQuery.raw(`select count(*) as n from "${COPY_PREFIX}${name}"`)))
          .rows[0]!.n,
      );
    }
    // Emptied as the import found them (new tables, no dead rows): the events first, alone, since
    // 0034 refuses to truncate a parent that events still name; then all the rest in one statement
    // (with the empty tables that reference them, such as risk_result: the worker recomputes nothing).
    const events = tables.filter((t) => (EVENT_TABLES as readonly string[]).includes(t));
    if (events.length > 0) await run(`truncate ${events.map((t) => `"${t}"`).join(', ')}`);
    const rest = [...tables.filter((t) => !events.includes(t)), ...sqlite.derived];
    await run(`truncate ${rest.map((t) => `"${t}"`).join(', ')} cascade`);

    const started = performance.now();
    await run('begin');
    for (const name of tables) await run(`insert into "${name}" select * from "${COPY_PREFIX}${name}"`);
    await run('commit');
    return { seconds: (performance.now() - started) / 1000, rows };
  } finally {
    await db.destroy();
  }
}
