import { Migrator, sql } from 'kysely';
import { expect, test } from 'vitest';
import { migrationProvider } from './index';
import { openSqlite } from '../open-database';

const user = (email: string, role: string) => ({
  email,
  display_name: email,
  role: role as 'admin',
  password_hash: null,
  created_at: '2026-01-01T00:00:00.000Z',
});

test('migration 0023: when applied over existing accounts, then they and what refers to them stay, the new roles are accepted and others still refused; undone, then the new roles are gone', async () => {
  const db = openSqlite(':memory:');
  const migrator = new Migrator({ db, provider: migrationProvider });
  await migrator.migrateTo('0022-service-token');
  const { id } = await db.insertInto('app_user').values(user('referente@scuola.test', 'referente')).returning('id').executeTakeFirstOrThrow();
  await db.insertInto('user_session').values({ id: 'token-hash', user_id: id, created_at: '2026-01-01', last_seen_at: '2026-01-01', expires_at: '2026-01-02' }).execute();

  expect((await migrator.migrateTo('0023-network-roles')).error).toBeUndefined();

  expect(await db.selectFrom('user_session').select('user_id').execute()).toEqual([{ user_id: id }]);
  const pua = await db.insertInto('app_user').values(user('pua@comune.test', 'pua')).returning('id').executeTakeFirstOrThrow();
  await db.insertInto('province').values({ code: 'AN', name: 'Ancona', istat_code: '042' }).execute();
  await db.insertInto('municipality').values({ istat_code: '042002', name: 'Ancona', province_code: 'AN', cadastral_code: 'A271', population: null }).execute();
  await db.insertInto('user_municipality').values({ user_id: pua.id, municipality_istat: '042002' }).execute();
  await expect(db.insertInto('app_user').values(user('x@scuola.test', 'sindaco')).execute()).rejects.toThrow(/CHECK/);
  await expect(db.insertInto('user_session').values({ id: 'orphan', user_id: 999, created_at: '2026-01-01', last_seen_at: '2026-01-01', expires_at: '2026-01-02' }).execute()).rejects.toThrow(/FOREIGN KEY/);
  expect((await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(db)).rows).toEqual([{ foreign_keys: 1 }]);

  expect((await migrator.migrateDown()).error).toBeUndefined();
  expect(await db.selectFrom('app_user').select('email').execute()).toEqual([{ email: 'referente@scuola.test' }]);
  await expect(db.insertInto('app_user').values(user('pua2@comune.test', 'pua')).execute()).rejects.toThrow(/CHECK/);
  await db.destroy();
});
