import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { repoRoot } from '../config';
import type { Db } from '../db/open-database';

/** ISTAT province codes of the Marche region and their names. */
const PROVINCES = [
  { code: 'PU', istat: '041', name: 'Pesaro e Urbino' },
  { code: 'AN', istat: '042', name: 'Ancona' },
  { code: 'MC', istat: '043', name: 'Macerata' },
  { code: 'AP', istat: '044', name: 'Ascoli Piceno' },
  { code: 'FM', istat: '109', name: 'Fermo' },
] as const;

interface IstatMunicipality {
  nome: string;
  codice: string;
  sigla: string;
  codiceCatastale: string;
  popolazione?: number;
}

export const municipalitiesFile = resolve(repoRoot, 'fixtures/reference/comuni-marche.json');

/**
 * Provinces and municipalities (ISTAT, see fixtures/reference/README.md): the reference every
 * school and residence points to. Loaded once into an empty database; a no-op afterwards.
 */
export async function ensureReferenceData(db: Db, file = municipalitiesFile): Promise<void> {
  const present = await db.selectFrom('province').select('code').limit(1).executeTakeFirst();
  if (present) return;
  const municipalities = JSON.parse(readFileSync(file, 'utf8')) as IstatMunicipality[];
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('province')
      .values(PROVINCES.map((p) => ({ code: p.code, name: p.name, istat_code: p.istat })))
      .execute();
    const rows = municipalities.map((m) => ({
      istat_code: m.codice,
      name: m.nome,
      province_code: m.sigla,
      cadastral_code: m.codiceCatastale,
      population: m.popolazione ?? null,
    }));
    for (let i = 0; i < rows.length; i += 200)
      await trx
        .insertInto('municipality')
        .values(rows.slice(i, i + 200))
        .execute();
  });
}
