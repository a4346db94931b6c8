import { Migrator } from 'kysely';
import { expect, test } from 'vitest';
import { migrationProvider } from './index';
import { openSqlite } from '../open-database';

test('migration 0022: when applied over existing imports, then they keep their rows with no token; undone, then the schema is as before', async () => {
  const db = openSqlite(':memory:');
  const migrator = new Migrator({ db, provider: migrationProvider });
  await migrator.migrateTo('0021-school-paritaria');
  await db.insertInto('import_batch').values({ started_at: '2026-01-01', source: 'web', status: 'committed', files: '[]' }).execute();

  const up = await migrator.migrateTo('0022-service-token');

  expect(up.error).toBeUndefined();
  expect(await db.selectFrom('import_batch').select(['status', 'service_token_id']).execute()).toEqual([{ status: 'committed', service_token_id: null }]);
  const down = await migrator.migrateDown();
  expect(down.error).toBeUndefined();
  expect(await db.selectFrom('import_batch').selectAll().execute()).toEqual([expect.not.objectContaining({ service_token_id: null })]);
  expect((await migrator.migrateTo('0022-service-token')).error).toBeUndefined();
  await db.destroy();
});
