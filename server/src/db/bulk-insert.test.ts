import { describe, expect, test } from 'vitest';
import { createTestDb } from '../testing/test-db';
import { insertFlat, insertRows, insertRowsStaged, statementSizes } from './bulk-insert';
import { isPostgres } from './dialect';
import type { Db } from './open-database';

/** Enough provinces that their values pass the staging threshold (2 000) on PostgreSQL. */
const ROWS = 1_500;
const provinces = (suffix: string) =>
  Array.from({ length: ROWS }, (_, i) => ({
    code: `Z${String(i).padStart(4, '0')}`,
    name: i % 2 === 0 ? `Provincia ${i}${suffix}` : `Provincia ${i}`,
    istat_code: `9${String(i).padStart(4, '0')}`,
  }));
type Province = ReturnType<typeof provinces>[number];
const COLUMNS = ['code', 'name', 'istat_code'] as const;
const UPSERT = `on conflict ("code") do update set "name" = excluded."name" where "province"."name" <> excluded."name" returning "code"`;

async function stored(db: Db): Promise<{ code: string; name: string; istat_code: string }[]> {
  return db
    .selectFrom('province')
    .select(['code', 'name', 'istat_code'])
    .where('code', 'like', 'Z%')
    .orderBy('code')
    .execute();
}

describe('insertRowsStaged: the importer’s big writes, by COPY on PostgreSQL', () => {
  test('insertRowsStaged: when thousands of rows go in and then again with half of them changed, then the table, the returned rows and the counts are those of insertRows', async () => {
    const staged = await createTestDb();
    const plain = await createTestDb();
    const results = [];
    for (const db of [staged, plain]) {
      const write = db === staged ? insertRowsStaged : insertRows;
      const first = await write<Province, { code: string }>(db, 'province', COLUMNS, provinces(''), UPSERT);
      const second = await write<Province, { code: string }>(db, 'province', COLUMNS, provinces(' (nuova)'), UPSERT);
      results.push({
        first: { affected: first.affected, codes: first.rows.map((r) => r.code).sort() },
        second: { affected: second.affected, codes: second.rows.map((r) => r.code).sort() },
        table: await stored(db),
      });
    }
    expect(results[0]).toEqual(results[1]);
    expect(results[0]!.first.codes).toHaveLength(ROWS);
    expect(results[0]!.second.codes).toHaveLength(ROWS / 2);
    expect(results[0]!.table.filter((r) => r.name.endsWith('(nuova)'))).toHaveLength(ROWS / 2);
  });

  test('insertRowsStaged: when the transaction it wrote in rolls back, then none of its rows stays', async () => {
    const db = await createTestDb();
    await expect(
      db.transaction().execute(async (trx) => {
        await insertRowsStaged(trx, 'province', COLUMNS, provinces(''));
        expect(await stored(trx)).toHaveLength(ROWS);
        throw new Error('annullata');
      }),
    ).rejects.toThrow('annullata');
    expect(await stored(db)).toEqual([]);
    // Outside a transaction it makes one of its own: written, and the connection usable after.
    await insertRowsStaged(db, 'province', COLUMNS, provinces(''));
    expect(await stored(db)).toHaveLength(ROWS);
  });
});

describe('statementSizes: the row counts of the statements of one multi-row write', () => {
  test.each([
    { rows: 0, columns: 15, sqlite: [], postgres: [] },
    { rows: 1, columns: 15, sqlite: [1], postgres: [1] },
    { rows: 333, columns: 15, sqlite: [333], postgres: [333] },
    { rows: 657, columns: 15, sqlite: [333, 256, 64, 4], postgres: [657] },
    { rows: 1_500, columns: 3, sqlite: [1_024, 256, 128, 64, 16, 8, 4], postgres: [1_500] },
    { rows: 2_000, columns: 3, sqlite: [1_666, 256, 64, 8, 4, 2], postgres: [2_000] },
    { rows: 9_000, columns: 15, sqlite: [...Array<number>(27).fill(333), 8, 1], postgres: [4_000, 4_000, 1_000] },
  ])(
    'statementSizes: when $rows rows of $columns columns are written, then they go in statements of full size and, on SQLite, powers of two',
    async ({ rows, columns, sqlite, postgres }) => {
      const db = await createTestDb();
      const sizes = statementSizes(db, rows, columns);
      expect(sizes).toEqual(isPostgres(db) ? postgres : sqlite);
      expect(sizes.reduce((a, b) => a + b, 0)).toBe(rows);
    },
  );

  test('insertRows and insertFlat: when a write ends in several statements of powers of two, then every row is stored and returned once, in the order given', async () => {
    const db = await createTestDb();
    const rows = provinces('');
    const returned = await insertRows<Province, { code: string }>(db, 'province', COLUMNS, rows, 'returning "code"');
    expect(returned.rows.map((r) => r.code)).toEqual(rows.map((r) => r.code));
    expect(await stored(db)).toEqual([...rows].sort((a, b) => a.code.localeCompare(b.code)));
    await db.deleteFrom('province').where('code', 'like', 'Z%').execute();
    const flat = rows.flatMap((r) => [r.code, r.name, r.istat_code]);
    const again = await insertFlat<{ code: string }>(db, 'province', COLUMNS, flat, ROWS, 'returning "code"');
    expect(again.rows.map((r) => r.code)).toEqual(rows.map((r) => r.code));
    expect(await stored(db)).toEqual([...rows].sort((a, b) => a.code.localeCompare(b.code)));
  });
});
