import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Db } from '../db/open-database';
import { aSchool } from './factories';
import { createTestDb, onPostgres } from './test-db';

// On PostgreSQL a worker's databases are reused from test to test (test-db.ts): these tests run in
// order and each looks at what the one before it left, which must be nothing but the template
// (so in that order under `--sequence.shuffle` too; the same for the file-level database below).

/** The template's state as a test sees it: the seeded rows, and where the next ids start. */
async function templateState(db: Db) {
  const count = async (table: 'municipality' | 'province' | 'letter_template') =>
    (
      await db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n;
  return {
    municipalities: Number(await count('municipality')),
    provinces: Number(await count('province')),
    letterTemplates: Number(await count('letter_template')),
    letterTemplateBodies: (
      await db
        .selectFrom('letter_template')
        .select(['kind', 'language', 'body'])
        .orderBy('kind')
        .orderBy('language')
        .execute()
    ).map((t) => `${t.kind}/${t.language}:${t.body}`),
    schools: Number(
      (
        await db
          .selectFrom('school')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    ),
  };
}

describe('createTestDb', { shuffle: false }, () => {
  let pristine: Awaited<ReturnType<typeof templateState>>;
  let firstSchoolId: number;

  test('when a test writes rows and empties the seeded tables, then it sees them itself', async () => {
    const db = await createTestDb();
    pristine = await templateState(db);

    firstSchoolId = (await aSchool(db)).id;
    await db.deleteFrom('letter_template').execute();
    await db.updateTable('municipality').set({ name: 'CAMBIATO' }).execute();

    expect(pristine).toMatchObject({ schools: 0 });
    expect(pristine.municipalities).toBeGreaterThan(200);
    expect(pristine.letterTemplates).toBeGreaterThan(0);
    expect(await templateState(db)).toMatchObject({ schools: 1, letterTemplates: 0 });
  });

  test('when the next test starts, then it sees the template exactly: no school, the seeded rows back, ids from the start', async () => {
    const db = await createTestDb();

    const state = await templateState(db);
    const school = await aSchool(db);

    expect(state).toEqual(pristine);
    expect(await db.selectFrom('municipality').select('name').where('name', '=', 'CAMBIATO').execute()).toEqual([]);
    // The sequence restarted: the first school of this test has the id the first one had.
    expect(school.id).toBe(firstSchoolId);
  });

  test('when a test takes two databases, then they are distinct', async () => {
    const a = await createTestDb();
    const b = await createTestDb();

    await aSchool(a);

    expect((await templateState(a)).schools).toBe(1);
    expect((await templateState(b)).schools).toBe(0);
  });

  test.runIf(onPostgres)('when a test changes the schema, then the next one has the template schema', async () => {
    const db = await createTestDb();

    await sql`alter table school add column leftover integer`.execute(db);

    expect((await sql`select leftover from school`.execute(db)).rows).toEqual([]);
  });

  test.runIf(onPostgres)('after a schema change, the column is gone and the rows are the template’s', async () => {
    const db = await createTestDb();

    const columns = await sql<{ name: string }>`select column_name as name from information_schema.columns
      where table_name = 'school' and column_name = 'leftover'`.execute(db);

    expect(columns.rows).toEqual([]);
    expect(await templateState(db)).toEqual(pristine);
  });
});

describe('createTestDb in beforeAll', { shuffle: false }, () => {
  let shared: Db;
  beforeAll(async () => {
    shared = await createTestDb();
  });
  afterAll(async () => {
    // Still open and still holding what the tests wrote: it was not reset under them.
    expect((await templateState(shared)).schools).toBe(2);
  });

  test('when a file-level database gets a row in one test', async () => {
    await aSchool(shared);

    expect((await templateState(shared)).schools).toBe(1);
  });

  test('when the next test of the file reads it, then the row is still there (it is the file’s)', async () => {
    await aSchool(shared, { code: 'PSPS01000A' });

    expect((await templateState(shared)).schools).toBe(2);
  });
});
