import { describe, expect, test } from 'vitest';
import { openPostgres } from '../../server/src/db/open-postgres';
import { benchRecompute } from './recompute';

// A region of a few hundred students: the bench's phases, not its speed (timings are never asserted).
const STUDENTS = 400;

describe('bench recompute', () => {
  test('on the SQLite file: the full runs write every result, the unchanged ones none, the incremental one the re-imported school', async () => {
    const r = await benchRecompute({ students: STUDENTS, seed: 3 });

    expect(r).toMatchObject({
      database: 'sqlite',
      pg_import_s: null,
      full_unchanged_written: 0,
      full_rehash_written: 0,
    });
    expect(r.full_written).toBe(r.full_students);
    expect(r.full_cold_written).toBe(r.full_students);
    expect(r.full_students).toBeGreaterThan(STUDENTS * 0.8);
    expect(r.incremental_written).toBe(r.incremental_school_students);
  }, 120_000);

  test.runIf(process.env.PG_URL)(
    'with --database-url: the same runs on PostgreSQL, in a schema of their own that is dropped at the end',
    async () => {
      const url = process.env.PG_URL!;
      const r = await benchRecompute({ students: STUDENTS, seed: 3, databaseUrl: url });

      expect(r).toMatchObject({ database: 'postgresql', full_unchanged_written: 0, full_rehash_written: 0 });
      expect(r.pg_import_s).toBeGreaterThan(0);
      expect(r.full_written).toBe(r.full_students);
      expect(r.incremental_written).toBe(r.incremental_school_students);
      const db = openPostgres(url, { max: 1 });
      const schemas = (await db
        .selectFrom('information_schema.schemata' as never)
        .select('schema_name' as never)
        .execute()) as { schema_name: string }[];
      await db.destroy();
      expect(schemas.map((s) => s.schema_name).filter((n) => n.startsWith('bench_'))).toEqual([]);
    },
    300_000,
  );
});
