import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { repoRoot } from '../config';
import { createTestDb } from '../testing/test-db';
import { createContext } from './import-context';
import { importPaths } from './import-paths';
import { upsertSchool } from './load-school';

const registry = resolve(repoRoot, 'fixtures/reference/SCUANAGRAFESTAT20252620250901-MARCHE.csv');
const options = { pseudonymKey: 'test-key', source: 'cli' as const };

describe('ministry school registries (SCUANAGRAFESTAT…csv, SCUANAAUTSTAT…csv, SCUANAGRAFEPAR…csv)', () => {
  test('when the Marche registry is imported, then its ordinary lower- and upper-secondary schools are created, Non Disponibile read as null', async () => {
    const db = await createTestDb();

    const summary = await importPaths(db, [registry], options);

    // 1 560 rows; 404 are ordinary (NORMALE) SCUOLA PRIMO GRADO or upper-secondary types, the rest skipped
    expect(summary).toMatchObject({ inserted: 404, updated: 0, unchanged: 0, rejected: 0, errors: [] });
    expect(
      await db
        .selectFrom('school')
        .select(['level', (eb) => eb.fn.countAll<number>().as('n')])
        .groupBy('level')
        .orderBy('level')
        .execute(),
    ).toEqual([
      { level: 'primo_grado', n: 220 },
      { level: 'secondo_grado', n: 184 },
    ]);
    expect(
      await db
        .selectFrom('school')
        .select([
          'name',
          'institute_code',
          'province_code',
          'municipality_istat',
          'cadastral_code',
          'kind',
          'level',
          'address',
        ])
        .where('code', '=', 'ANPS03000E')
        .executeTakeFirst(),
    ).toEqual({
      name: 'G. GALILEI',
      institute_code: 'ANPS03000E',
      province_code: 'AN',
      municipality_istat: '042002',
      cadastral_code: 'A271',
      kind: 'LICEO SCIENTIFICO',
      level: 'secondo_grado',
      address: 'VIA S.ALLENDE GOSSENS',
    });
    expect(
      await db
        .selectFrom('school')
        .select(({ fn }) => fn.countAll<number>().as('n'))
        .where('address', 'is', null)
        .executeTakeFirst(),
    ).toEqual({ n: 1 });
    expect(await db.selectFrom('school').selectAll().where('address', '=', 'Non Disponibile').execute()).toEqual([]);
  });

  test('when the six-line extract of fixtures/import/mim-registry is imported, then 4 schools as its README says', async () => {
    const db = await createTestDb();

    const summary = await importPaths(db, [resolve(repoRoot, 'fixtures/import/mim-registry')], options);

    expect(summary).toMatchObject({ schools: 0, inserted: 4, rejected: 0 });
    expect(
      await db
        .selectFrom('school')
        .select(['code', 'name', 'level', 'province_code', 'address'])
        .orderBy('code')
        .execute(),
    ).toEqual([
      {
        code: 'ANMM844021',
        name: 'G.LEOPARDI-PASSATEMPO DI OSIMO',
        level: 'primo_grado',
        province_code: 'AN',
        address: null,
      },
      {
        code: 'ANPS03000E',
        name: 'G. GALILEI',
        level: 'secondo_grado',
        province_code: 'AN',
        address: 'VIA S.ALLENDE GOSSENS',
      },
      { code: 'ANRI018016', name: '"MILIANI"', level: 'secondo_grado', province_code: 'AN', address: 'VIA VENETO 1' },
      {
        code: 'PSMM815016',
        name: 'PIANDIMELETO "E.DA PIANDIMELETO',
        level: 'primo_grado',
        province_code: 'PU',
        address: 'VIA GIACOMO LEOPARDI 6',
      },
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

  test.each([
    {
      dir: 'mim-registry-autonome', // the autonomous provinces' registry: the state header, no Marche row
      counts: { inserted: 0, updated: 0, unchanged: 0, rejected: 0 },
      warnings: [
        'SCUANAAUTSTAT-ESTRATTO.csv: nessuna scuola delle Marche: 0 righe delle Marche su 3 (trovate: TRENTINO-ALTO ADIGE)',
      ],
      nothingImported:
        'Nessuna riga importata: 3 righe lette, 0 scartate, 3 lasciate da parte (SCUANAAUTSTAT-ESTRATTO.csv: 3 fuori dalle Marche)',
      schools: [],
    },
    {
      dir: 'mim-registry-paritarie', // no institute columns, a name broken over two lines inside quotes, `FERMO` in full
      counts: { inserted: 2, updated: 0, unchanged: 0, rejected: 0 },
      warnings: [],
      nothingImported: null,
      schools: [
        {
          code: 'AN1A00700Y',
          name: 'LICEO PARITARIO DI PROVA',
          institute_code: 'AN1A00700Y',
          province_code: 'AN',
          municipality_istat: '042002',
          level: 'secondo_grado',
          paritaria: 1,
        },
        {
          code: 'FM1M00500X',
          name: 'ISTITUTO "SAN PROVA" SCUOLA SECONDARIA',
          institute_code: 'FM1M00500X',
          province_code: 'FM',
          municipality_istat: '109006',
          level: 'primo_grado',
          paritaria: 1,
        },
      ],
    },
    {
      dir: 'mim-registry', // the state registry: paritaria 0
      counts: { inserted: 4, updated: 0, unchanged: 0, rejected: 0 },
      warnings: [],
      nothingImported: null,
      schools: [
        {
          code: 'ANMM844021',
          name: 'G.LEOPARDI-PASSATEMPO DI OSIMO',
          institute_code: 'ANIC84400V',
          province_code: 'AN',
          municipality_istat: '042034',
          level: 'primo_grado',
          paritaria: 0,
        },
        {
          code: 'ANPS03000E',
          name: 'G. GALILEI',
          institute_code: 'ANPS03000E',
          province_code: 'AN',
          municipality_istat: '042002',
          level: 'secondo_grado',
          paritaria: 0,
        },
        {
          code: 'ANRI018016',
          name: '"MILIANI"',
          institute_code: 'ANIS01800E',
          province_code: 'AN',
          municipality_istat: '042017',
          level: 'secondo_grado',
          paritaria: 0,
        },
        {
          code: 'PSMM815016',
          name: 'PIANDIMELETO "E.DA PIANDIMELETO',
          institute_code: 'PSIC815005',
          province_code: 'PU',
          municipality_istat: '041047',
          level: 'primo_grado',
          paritaria: 0,
        },
      ],
    },
  ])(
    'when fixtures/import/$dir is imported, then the counts, warnings, reason and schools are as its README says',
    async (c) => {
      const db = await createTestDb();

      const summary = await importPaths(db, [resolve(repoRoot, 'fixtures/import', c.dir)], options);

      expect(summary).toMatchObject(c.counts);
      expect(summary.warnings.map((w) => `${w.file}: ${w.message}`)).toEqual(c.warnings);
      expect(summary.nothingImported).toBe(c.nothingImported);
      expect(
        await db
          .selectFrom('school')
          .select(['code', 'name', 'institute_code', 'province_code', 'municipality_istat', 'level', 'paritaria'])
          .orderBy('code')
          .execute(),
      ).toEqual(c.schools);
    },
  );

  test('when the paritarie registry is imported again, then nothing changes', async () => {
    const db = await createTestDb();
    const paritarie = resolve(repoRoot, 'fixtures/import/mim-registry-paritarie/SCUANAGRAFEPAR-ESTRATTO.csv');
    await importPaths(db, [paritarie], options);

    const again = await importPaths(db, [paritarie], options);

    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 2, rejected: 0 });
  });

  test('when a paritaria is then written by a file that does not say (a school folder, OneRoster), then it stays paritaria, unchanged', async () => {
    const db = await createTestDb();
    await importPaths(db, [resolve(repoRoot, 'fixtures/import/mim-registry-paritarie')], options);
    const stored = await db.selectFrom('school').selectAll().where('code', '=', 'AN1A00700Y').executeTakeFirstOrThrow();
    const { id: _id, created_at: _c, updated_at: _u, paritaria: _p, ...fields } = stored;

    const written = await upsertSchool(createContext(db, 'test-key', null, '2026-01-01T00:00:00Z'), fields);

    expect(written.change).toBe('unchanged');
    expect(
      await db.selectFrom('school').select('paritaria').where('code', '=', 'AN1A00700Y').executeTakeFirst(),
    ).toEqual({ paritaria: 1 });
  });
});
