import { Migrator } from 'kysely';
import { expect, test } from 'vitest';
import { migrationProvider } from './index';
import { openSqlite } from '../open-database';

test('migration 0017: committed imports are linked to the schools their files name, failed ones to none', async () => {
  const db = openSqlite(':memory:');
  const migrator = new Migrator({ db, provider: migrationProvider });
  await migrator.migrateTo('0016-mediator-family-language');
  const school = (code: string) => ({ code, name: code, institute_code: code, institute_name: code, province_code: 'AN', municipality_istat: null, municipality_name: 'ANCONA', cadastral_code: null, kind: 'LICEO', level: 'secondo_grado' as const, address: null, created_at: 'x', updated_at: 'x' });
  await db.insertInto('province').values({ code: 'AN', name: 'Ancona', istat_code: '042' }).execute();
  const [a, b] = await db.insertInto('school').values([school('ANPS03000E'), school('ANIS00800L')]).returning('id').execute();
  const files = (names: string[]) => JSON.stringify(names.map((name) => ({ name, sha256: 'x', bytes: 1 })));
  const batch = (status: 'committed' | 'failed', names: string[]) => ({ started_at: '2026-01-01', source: 'web' as const, status, files: files(names) });
  const [ok, failed] = await db.insertInto('import_batch').values([
    batch('committed', ['regione/ANPS03000E/scuola.csv', 'regione/ANPS03000E/studenti.csv', 'ANIS00800L/voti.csv', 'SCUANAGRAFE.csv']),
    batch('failed', ['ANPS03000E/scuola.csv']),
  ]).returning('id').execute();

  await migrator.migrateTo('0017-import-batch-school');

  const links = await db.selectFrom('import_batch_school').selectAll().orderBy('school_id').execute();
  expect(links).toEqual([{ import_batch_id: ok!.id, school_id: a!.id }, { import_batch_id: ok!.id, school_id: b!.id }]);
  expect(links.some((l) => l.import_batch_id === failed!.id)).toBe(false);
  await db.destroy();
});
