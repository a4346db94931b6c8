import { CompiledQuery, Migrator } from 'kysely';
import { expect, test } from 'vitest';
import { readDataVersion } from '../../aggregates/result-cache';
import { recomputeSchool } from '../../recompute/recompute';
import { importFixtureSchool } from '../../testing/fixture-school';
import { createTestDb, onPostgres } from '../../testing/test-db';
import { openSqlite } from '../open-database';
import { migrationProvider } from './index';

const triggers = async (db: ReturnType<typeof openSqlite>) =>
  (
    await db.executeQuery<{ name: string; tbl_name: string; sql: string }>(
      CompiledQuery.raw(
        `select name, tbl_name, sql from sqlite_master where type = 'trigger' and name like '%data_version' order by name`,
      ),
    )
  ).rows;

test.runIf(!onPostgres)(
  "migration 0035: when applied, then risk_result's three data_version triggers are gone and every other table's stay; undone, then they are back as they were",
  async () => {
    const db = openSqlite(':memory:');
    const migrator = new Migrator({ db, provider: migrationProvider });
    await migrator.migrateTo('0034-bulk-reference-checks');
    const before = await triggers(db);

    expect((await migrator.migrateTo('0035-risk-result-counted-by-writer')).error).toBeUndefined();
    const after = await triggers(db);

    expect(before.filter((t) => t.tbl_name === 'risk_result').map((t) => t.name)).toEqual([
      'risk_result_delete_data_version',
      'risk_result_insert_data_version',
      'risk_result_update_data_version',
    ]);
    expect(after).toEqual(before.filter((t) => t.tbl_name !== 'risk_result'));

    expect((await migrator.migrateTo('0034-bulk-reference-checks')).error).toBeUndefined();
    expect((await triggers(db)).map((t) => [t.name, t.sql.replace(/\s+/g, ' ')])).toEqual(
      before.map((t) => [t.name, t.sql.replace(/\s+/g, ' ')]),
    );
    await db.destroy();
  },
);

test('result store: when a recompute writes or deletes results, then data_version moves (SQLite: counted by the writer, migration 0035); when it writes nothing, then it stays', async () => {
  const db = await createTestDb();
  const { schoolId, rossi } = await importFixtureSchool(db);
  const start = await readDataVersion(db);

  await recomputeSchool(db, schoolId);
  const unchanged = await readDataVersion(db);
  await db.deleteFrom('risk_result').where('student_id', '=', rossi).execute();
  const deletedByHand = await readDataVersion(db);
  await recomputeSchool(db, schoolId);
  const rewritten = await readDataVersion(db);
  await db.deleteFrom('enrolment').where('student_id', '=', rossi).execute();
  const left = await readDataVersion(db);
  await recomputeSchool(db, schoolId);

  expect(unchanged).toBe(start);
  // A hand-made delete of a result is no longer counted on SQLite (its writer is the recompute).
  expect(deletedByHand).toBe(onPostgres ? unchanged + 1 : unchanged);
  expect(rewritten).toBeGreaterThan(deletedByHand);
  expect(await db.selectFrom('risk_result').select('student_id').where('student_id', '=', rossi).execute()).toEqual([]);
  expect(await readDataVersion(db)).toBeGreaterThan(left);
});
