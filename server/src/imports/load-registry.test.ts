import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { repoRoot } from '../config';
import { createTestDb } from '../testing/test-db';
import { importPaths } from './import-paths';

const registry = resolve(repoRoot, 'fixtures/reference/SCUANAGRAFESTAT20252620250901-MARCHE.csv');
const options = { pseudonymKey: 'test-key', source: 'cli' as const };

describe('ministry school registry (SCUANAGRAFESTAT…csv)', () => {
  test('when the Marche registry is imported, then its ordinary lower- and upper-secondary schools are created, Non Disponibile read as null', async () => {
    const db = await createTestDb();

    const summary = await importPaths(db, [registry], options);

    // 1 560 rows; 404 are ordinary (NORMALE) SCUOLA PRIMO GRADO or upper-secondary types, the rest skipped
    expect(summary).toMatchObject({ inserted: 404, updated: 0, unchanged: 0, rejected: 0, errors: [] });
    expect(await db.selectFrom('school').select(['level', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('level').orderBy('level').execute())
      .toEqual([{ level: 'primo_grado', n: 220 }, { level: 'secondo_grado', n: 184 }]);
    expect(await db.selectFrom('school').select(['name', 'institute_code', 'province_code', 'municipality_istat', 'cadastral_code', 'kind', 'level', 'address']).where('code', '=', 'ANPS03000E').executeTakeFirst())
      .toEqual({ name: 'G. GALILEI', institute_code: 'ANPS03000E', province_code: 'AN', municipality_istat: '042002', cadastral_code: 'A271', kind: 'LICEO SCIENTIFICO', level: 'secondo_grado', address: 'VIA S.ALLENDE GOSSENS' });
    expect(await db.selectFrom('school').select(({ fn }) => fn.countAll<number>().as('n')).where('address', 'is', null).executeTakeFirst()).toEqual({ n: 1 });
    expect(await db.selectFrom('school').selectAll().where('address', '=', 'Non Disponibile').execute()).toEqual([]);
  });

  test('when the six-line extract of fixtures/import/mim-registry is imported, then 4 schools as its README says', async () => {
    const db = await createTestDb();

    const summary = await importPaths(db, [resolve(repoRoot, 'fixtures/import/mim-registry')], options);

    expect(summary).toMatchObject({ schools: 0, inserted: 4, rejected: 0 });
    expect(await db.selectFrom('school').select(['code', 'name', 'level', 'province_code', 'address']).orderBy('code').execute()).toEqual([
      { code: 'ANMM844021', name: 'G.LEOPARDI-PASSATEMPO DI OSIMO', level: 'primo_grado', province_code: 'AN', address: null },
      { code: 'ANPS03000E', name: 'G. GALILEI', level: 'secondo_grado', province_code: 'AN', address: 'VIA S.ALLENDE GOSSENS' },
      { code: 'ANRI018016', name: '"MILIANI"', level: 'secondo_grado', province_code: 'AN', address: 'VIA VENETO 1' },
      { code: 'PSMM815016', name: 'PIANDIMELETO "E.DA PIANDIMELETO', level: 'primo_grado', province_code: 'PU', address: 'VIA GIACOMO LEOPARDI 6' },
    ]);
  });

  test('when the registry is imported again, then nothing changes', async () => {
    const db = await createTestDb();
    await importPaths(db, [registry], options);

    const again = await importPaths(db, [registry], options);

    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 404, rejected: 0 });
  });

  test('when a school folder follows the registry, then the school it names is the registry one, unchanged', async () => {
    const db = await createTestDb();
    await importPaths(db, [registry], options);

    const summary = await importPaths(db, [resolve(repoRoot, 'fixtures/import/generator-format')], options);

    expect(summary).toMatchObject({ inserted: 25, unchanged: 1, rejected: 0 });
  });
});
