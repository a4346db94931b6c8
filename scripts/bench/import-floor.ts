/**
 * The least time any importer of this schema can take on this machine: SQLite alone writing again
 * every row an import wrote (schools, calendars, classes, students, enrolments, events, the batch),
 * each table emptied and refilled with one `INSERT … SELECT` from a copy, in one transaction, with
 * the foreign keys, checks, indexes and triggers the import pays (a trigger's own tables are left
 * for the trigger to fill) and data_version moved once as the import moves it
 * (db/data-version-once.ts). No file is read, no value is bound, no JavaScript runs per row. Run on
 * the app's own SQLite (better-sqlite3), not the sqlite3 shell. PostgreSQL's: import-floor-postgres.ts.
 *
 * With it the bench can say how far the `ratio` could go at best: `sqlite3 .import` of the files
 * over this floor is the ratio of an importer that parsed and checked nothing
 * (docs/performance.md, "Importazione").
 */
import { CompiledQuery } from 'kysely';
import { withDataVersionOnce } from '../../server/src/db/data-version-once';
import { openSqlite, type Db } from '../../server/src/db/open-database';

/** Filled by the migrations, not by an import: left as they are. */
const NOT_IMPORTED = new Set(['kysely_migration', 'kysely_migration_lock', 'province', 'municipality', 'data_version']);
export const COPY_PREFIX = 'bench_floor_';

export interface ImportFloor {
  seconds: number;
  /** The tables refilled, parents before children, with their rows. */
  tables: { name: string; rows: number }[];
  /** The tables with rows that a trigger writes (emptied, then filled by the refill's triggers). */
  derived: string[];
}

/** Times the floor on the SQLite file at `dbPath`; its rows are the same afterwards. */
export async function timeImportFloor(dbPath: string): Promise<ImportFloor> {
  const db = openSqlite(dbPath);
  try {
    const run = (text: string) => db.executeQuery(CompiledQuery.raw(text));
    const triggers = (
      await db.executeQuery<{ name: string; sql: string }>(
        CompiledQuery.raw(`select name, sql from sqlite_master where type = 'trigger'`),
      )
    ).rows;
    const dataVersion = triggers.filter((t) => isDataVersion(t.name));
    // The preparation and the restore leave data_version alone: only the refill moves it (once).
    const quietly = async (work: () => Promise<void>) => {
      await run('begin');
      for (const t of dataVersion) await run(`drop trigger "${t.name}"`);
      await work();
      for (const t of dataVersion) await run(t.sql);
      await run('commit');
    };
    const all = await importedTables(db);
    // Tables a trigger fills (grade_class_version): the refill writes them as the import did.
    const derived = new Set(triggers.filter((t) => !isDataVersion(t.name)).flatMap((t) => writtenBy(t.sql)));
    const tables = all.filter((t) => !derived.has(t.name));
    const kept = all.filter((t) => derived.has(t.name));
    for (const { name } of all) await run(`create table "${COPY_PREFIX}${name}" as select * from "${name}"`);
    await quietly(async () => {
      // Children first, so no delete cascades into a table still to be emptied; then what the
      // triggers wrote meanwhile.
      for (const { name } of [...tables].reverse()) await run(`delete from "${name}"`);
      for (const { name } of kept) await run(`delete from "${name}"`);
    });

    const started = performance.now();
    await run('begin');
    // data_version moved once, by the import's own mechanism.
    await withDataVersionOnce(db, async () => {
      // A copy made by CREATE TABLE … AS keeps the scan order of its table: key order, as the files.
      for (const { name } of tables)
        await run(`insert into "${name}" select * from "${COPY_PREFIX}${name}" order by rowid`);
    });
    await run('commit');
    const seconds = (performance.now() - started) / 1000;

    // The triggers' tables back to their values before (their counters moved with the refill).
    await quietly(async () => {
      for (const { name } of kept) {
        await run(`delete from "${name}"`);
        await run(`insert into "${name}" select * from "${COPY_PREFIX}${name}" order by rowid`);
      }
    });
    for (const { name } of all) await run(`drop table "${COPY_PREFIX}${name}"`);
    return { seconds, tables, derived: kept.map((t) => t.name) };
  } finally {
    await db.destroy();
  }
}

const isDataVersion = (trigger: string) => trigger.endsWith('_data_version');

/** The tables a trigger's body inserts into or updates. */
function writtenBy(triggerSql: string): string[] {
  const body = triggerSql.slice(triggerSql.search(/\bbegin\b/i));
  return [...body.matchAll(/\b(?:insert\s+into|update)\s+"?(\w+)"?/gi)].map((m) => m[1]!);
}

/** The tables holding rows an import wrote, each after the tables its foreign keys name. */
async function importedTables(db: Db): Promise<{ name: string; rows: number }[]> {
  const names = (
    await db.executeQuery<{ name: string }>(
      CompiledQuery.raw(
        `select name from sqlite_master where type = 'table' and name not like 'sqlite\\_%' escape '\\'`,
      ),
    )
  ).rows
    .map((r) => r.name)
    .filter((n) => !NOT_IMPORTED.has(n) && !n.startsWith(COPY_PREFIX));
  const rows = new Map<string, number>();
  for (const name of names) {
    const count = (await db.executeQuery<{ n: number }>(CompiledQuery.raw(`select count(*) as n from "${name}"`)))
      .rows[0]!.n;
    if (count > 0) rows.set(name, count);
  }
  const parents = new Map<string, string[]>();
  for (const name of rows.keys()) {
    const keys = await db.executeQuery<{ table: string }>(CompiledQuery.raw(`pragma foreign_key_list("${name}")`));
    parents.set(
      name,
      keys.rows.map((k) => k.table).filter((p) => p !== name && rows.has(p)),
    );
  }
  const ordered: string[] = [];
  const visit = (name: string, path: Set<string>) => {
    if (ordered.includes(name)) return;
    if (path.has(name)) throw new Error(`chiavi esterne circolari tra le tabelle: ${[...path, name].join(' → ')}`);
    path.add(name);
    for (const p of parents.get(name)!) visit(p, path);
    path.delete(name);
    ordered.push(name);
  };
  for (const name of [...rows.keys()].sort()) visit(name, new Set());
  return ordered.map((name) => ({ name, rows: rows.get(name)! }));
}
