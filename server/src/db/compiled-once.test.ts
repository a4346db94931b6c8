import type { KyselyPlugin } from 'kysely';
import { describe, expect, test } from 'vitest';
import { createTestDb } from '../testing/test-db';
import { compiledOnce } from './compiled-once';
import type { Db } from './open-database';

const provincesOf = (db: Db, region: string) =>
  db.selectFrom('province').select(['code', 'name']).where('name', '<>', region).orderBy('code');

describe('compiledOnce', () => {
  test('when run with different values, then each answer is the one of the statement built with that value, and kysely builds it only at the first call (twice: the check)', async () => {
    const db = await createTestDb();
    let builds = 0;
    const statement = compiledOnce((d: Db, region: string) => {
      builds += 1;
      return provincesOf(d, region);
    });

    for (const region of ['Ancona', 'Fermo', 'Ancona', 'nessuna']) {
      expect((await db.executeQuery(statement(db, region))).rows).toEqual(await provincesOf(db, region).execute());
    }

    expect(builds).toBe(2);
    expect((await db.executeQuery(statement(db, 'Marche'))).rows.length).toBeGreaterThan(0);
  });

  test("when another handle (with a plugin) runs it, then it is compiled for that handle, through the handle's plugin", async () => {
    const db = await createTestDb();
    let seen = 0;
    const counting: KyselyPlugin = {
      transformQuery: ({ node }) => {
        seen += 1;
        return node;
      },
      transformResult: async ({ result }) => result,
    };
    const statement = compiledOnce(provincesOf);
    const other = db.withPlugin(counting);

    await db.executeQuery(statement(db, 'Marche'));
    await other.executeQuery(statement(other, 'Marche'));
    await other.executeQuery(statement(other, 'Lazio'));

    expect(seen).toBe(2); // the first call's two builds, on the plugin's handle only
  });

  test("when run through a transaction, then it reads the transaction's own rows", async () => {
    const db = await createTestDb();
    const statement = compiledOnce(provincesOf);
    const before = (await db.executeQuery(statement(db, 'nessuna'))).rows.length;

    const inside = await db.transaction().execute(async (trx) => {
      await trx.insertInto('province').values({ code: 'ZZ', name: 'Provincia di prova', istat_code: '999' }).execute();
      return (await trx.executeQuery(statement(trx, 'nessuna'))).rows.length;
    });

    expect(inside).toBe(before + 1);
  });

  test('when the statement holds another value computed at each build, then it refuses to run it (it would be served stale)', async () => {
    const db = await createTestDb();
    let calls = 0;
    const statement = compiledOnce((d: Db, name: string) => provincesOf(d, name).where('code', '<>', `X${calls++}`));

    expect(() => statement(db, 'Ancona')).toThrow(/must not change/);
  });

  test.each([
    ['twice', (db: Db, v: string) => provincesOf(db, v).where('code', '<>', v)],
    ['not at all', (db: Db, _v: string) => provincesOf(db, 'Ancona')],
  ])('when the value appears %s in the statement, then it refuses to run it', async (_how, build) => {
    const db = await createTestDb();

    expect(() => compiledOnce(build)(db, 'Marche')).toThrow(/exactly once/);
  });
});
