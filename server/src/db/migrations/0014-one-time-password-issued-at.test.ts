import { Migrator } from 'kysely';
import { expect, test } from 'vitest';
import { migrationProvider } from './index';
import { openSqlite } from '../open-database';

test('migration 0014: accounts still on their one-time password get the upgrade time as its issue time, the others none', async () => {
  const db = openSqlite(':memory:');
  const migrator = new Migrator({ db, provider: migrationProvider });
  await migrator.migrateTo('0013-risk-derived-at-read');
  const user = (email: string, must: number) => ({ email, display_name: email, role: 'docente' as const, password_hash: 'h', must_change_password: must, created_at: '2024-01-01T00:00:00.000Z' });
  await db.insertInto('app_user').values([user('nuovo@scuola.test', 1), user('attivo@scuola.test', 0)]).execute();
  const before = new Date().toISOString();

  await migrator.migrateTo('0014-one-time-password-issued-at');

  const rows = await db.selectFrom('app_user').select(['email', 'one_time_password_issued_at']).orderBy('email').execute();
  expect(rows[0]).toEqual({ email: 'attivo@scuola.test', one_time_password_issued_at: null });
  expect(rows[1]!.one_time_password_issued_at! >= before).toBe(true);
  await db.destroy();
});
