import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CompiledQuery } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { migrateToLatest } from '../../server/src/db/migrate';
import { openSqlite, type Db } from '../../server/src/db/open-database';
import { importPaths } from '../../server/src/imports/import-paths';
import { generateRegion } from '../gen/generate-region';
import { dropBenchSchema, openBenchDatabase } from './bench-database';
import { timeImportFloor } from './import-floor';
import { timePostgresImportFloor } from './import-floor-postgres';

let work: string;
let dbPath: string;
let region: string;

// Two small schools, grades and outcomes included: every kind of row an import writes.
beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'primm-floor-'));
  region = join(work, 'region');
  await generateRegion({ students: 120, schools: 2, seed: 5, outDir: region, asOf: '2026-03-31' });
  dbPath = join(work, 'floor.sqlite');
  const db = openSqlite(dbPath);
  await migrateToLatest(db);
  const summary = await importPaths(db, [region], { pseudonymKey: 'k', source: 'cli', recompute: false });
  expect(summary.inserted).toBeGreaterThan(1000);
  await db.destroy();
}, 120_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Every table's rows (in key order) and the schema's triggers and tables, as text. */
async function snapshot(db: Db): Promise<{ tables: Record<string, string>; schema: string[]; version: number }> {
  const q = async <R>(text: string) => (await db.executeQuery<R>(CompiledQuery.raw(text))).rows;
  const names = (await q<{ name: string }>(`select name from sqlite_master where type = 'table' order by name`)).map(
    (r) => r.name,
  );
  const tables: Record<string, string> = {};
  for (const name of names.filter((n) => n !== 'data_version')) {
    const rows = await q<Record<string, unknown>>(`select * from "${name}"`);
    tables[name] = JSON.stringify(rows.map((r) => JSON.stringify(r)).sort());
  }
  const schema = (
    await q<{ type: string; name: string; sql: string | null }>(`select type, name, sql from sqlite_master`)
  )
    .map((r) => `${r.type} ${r.name} ${r.sql}`)
    .sort();
  const version = (await q<{ version: number }>('select version from data_version where id = 1'))[0]!.version;
  return { tables, schema, version };
}

describe('timeImportFloor', () => {
  test('rewrites every imported row with SQLite alone, parents first, and leaves the database as it was', async () => {
    const db = openSqlite(dbPath);
    const before = await snapshot(db);
    await db.destroy();

    const floor = await timeImportFloor(dbPath);

    expect(floor.seconds).toBeGreaterThan(0);
    const names = floor.tables.map((t) => t.name);
    for (const table of ['school', 'class', 'student', 'enrolment', 'attendance_event', 'grade', 'import_batch'])
      expect(names).toContain(table);
    expect(names).not.toContain('municipality'); // the migrations' rows, not the import's
    expect(names.indexOf('school')).toBeLessThan(names.indexOf('class'));
    expect(names.indexOf('student')).toBeLessThan(names.indexOf('enrolment'));
    expect(names.indexOf('import_batch')).toBeLessThan(names.indexOf('attendance_event'));
    const events = floor.tables.find((t) => t.name === 'attendance_event')!;
    expect(events.rows).toBeGreaterThan(100);

    const reopened = openSqlite(dbPath);
    const after = await snapshot(reopened);
    await reopened.destroy();
    expect(after.tables).toEqual(before.tables);
    expect(after.schema).toEqual(before.schema); // triggers back, copies dropped
    expect(after.version).toBe(before.version + 1); // moved once, as an import moves it
  }, 60_000);
});

describe.runIf(process.env.PG_URL)('timePostgresImportFloor', () => {
  test("rewrites the same rows into the bench schema, in the SQLite floor's order, whatever 0034 checks", async () => {
    const url = process.env.PG_URL!;
    const bench = await openBenchDatabase(url, 'bench_floor');
    const schema = bench.schema!;
    try {
      await importPaths(bench.db, [region], { pseudonymKey: 'k', source: 'cli', recompute: false });
      const sqlite = await timeImportFloor(dbPath);
      /** Each refilled table's rows, as sorted text: equal before and after. */
      const contents = async () => {
        const out: Record<string, string> = {};
        for (const { name } of sqlite.tables) {
          const r = await bench.db.executeQuery<{ rows: string | null }>(
            CompiledQuery.raw(`select string_agg(t::text, '|' order by t::text) as rows from "${name}" t`),
          );
          out[name] = r.rows[0]!.rows ?? '';
        }
        return out;
      };
      const before = await contents();

      const floor = await timePostgresImportFloor(url, schema, sqlite);

      expect(floor.seconds).toBeGreaterThan(0);
      expect(floor.rows).toBe(sqlite.tables.reduce((n, t) => n + t.rows, 0)); // the same rows as on SQLite
      expect(await contents()).toEqual(before);
    } finally {
      await dropBenchSchema(bench);
      await bench.db.destroy();
    }
  }, 120_000);
});
