import { NAME_MAX } from '@primm/shared/text/check-name';
import { RowError, SkipRow, forEachRecord } from './csv-file';
import type { ImportContext } from './import-context';
import { upsertSchool, type SchoolFields } from './load-school';
import { nameField } from './name-field';
import { normalizeHeader } from './read-csv';

/**
 * Columns that tell the ministry's open-data school registries by their header: the state
 * schools' (SCUANAGRAFESTAT…csv, also the autonomous provinces' SCUANAAUTSTAT…csv) name the
 * institute each school belongs to; the paritarie's (SCUANAGRAFEPAR…csv) have no institute.
 */
const REGISTRY_COLUMNS = [
  'CODICESCUOLA',
  'DENOMINAZIONESCUOLA',
  'DESCRIZIONETIPOLOGIAGRADOISTRUZIONESCUOLA',
  'PROVINCIA',
];
const STATE_COLUMN = 'CODICEISTITUTORIFERIMENTO';

export type RegistryKind = 'statali' | 'paritarie';

export function registryKindOf(header: string[]): RegistryKind | undefined {
  const names = new Set(header.map(normalizeHeader));
  if (!REGISTRY_COLUMNS.every((c) => names.has(normalizeHeader(c)))) return undefined;
  return names.has(normalizeHeader(STATE_COLUMN)) ? 'statali' : 'paritarie';
}

export function isRegistryHeader(header: string[]): boolean {
  return registryKindOf(header) !== undefined;
}

/** Provinces as the registries write them, in full (`FERMO`); `PESARO-URBINO` seen in older extracts. */
const PROVINCES: Record<string, string> = {
  ANCONA: 'AN',
  'ASCOLI PICENO': 'AP',
  FERMO: 'FM',
  MACERATA: 'MC',
  'PESARO E URBINO': 'PU',
  'PESARO-URBINO': 'PU',
  'PESARO URBINO': 'PU',
};

/** Why a registry row is left aside, as counted in the summary (`4 fuori dalle Marche`). */
const SKIP = {
  region: 'fuori dalle Marche',
  type: 'di una tipologia non seguita (infanzia, primaria, comprensivi, CPIA…)',
  section: 'sezioni non ordinarie (serali, carcerarie, ospedaliere)',
} as const;

/**
 * The level of a registry school type, for the types primm-ews follows (the same as the
 * generator's, scripts/gen/schools.ts): lower-secondary plessi and every upper-secondary track;
 * undefined for infanzia, primaria, istituti comprensivi, CPIA, convitti.
 */
export function levelOfType(tipologia: string): SchoolFields['level'] | undefined {
  const t = tipologia.toUpperCase();
  if (t === 'SCUOLA PRIMO GRADO') return 'primo_grado';
  if (t.startsWith('LICEO') || t === "ISTITUTO D'ARTE" || t === 'ISTITUTO MAGISTRALE' || t === 'ISTITUTO SUPERIORE')
    return 'secondo_grado';
  if (t.startsWith('IST PROF') || t.startsWith('ISTITUTO TECNICO') || t.startsWith('IST TEC')) return 'secondo_grado';
  return undefined;
}

/** `Non Disponibile` is how the ministry writes a missing value. */
function value(text: string): string | null {
  return text === '' || text.toLowerCase() === 'non disponibile' ? null : text;
}

/**
 * The paritarie's registry breaks some names over lines inside quotes (`"ISTITUTO\nSAN
 * GIUSEPPE"`): a line break there is layout, read as one space. Any other control character is
 * still refused by nameField.
 */
function oneLine(text: string): string {
  return text.replace(/\s*\r?\n\s*/g, ' ');
}

/**
 * SCUANAGRAFESTAT…csv and SCUANAGRAFEPAR…csv (comma, CRLF, UTF-8, `Non Disponibile`): creates
 * and updates the secondary schools of the Marche, state or paritarie (marked so: their students
 * are under the same compulsory education); other types, other regions and the non-ordinary
 * sections (evening courses, prison and hospital sections, as the generator) are left aside,
 * neither taken nor rejected, and counted by reason. A file without one Marche row says so: it
 * is another region's registry (the autonomous provinces' has the same header).
 */
export async function loadRegistry(
  ctx: ImportContext,
  path: string,
  file: string,
  kind: RegistryKind = 'statali',
): Promise<void> {
  const municipalities = new Map(
    (await ctx.trx.selectFrom('municipality').select(['cadastral_code', 'istat_code']).execute()).map((m) => [
      m.cadastral_code,
      m.istat_code,
    ]),
  );
  const paritaria = kind === 'paritarie' ? 1 : 0;
  let rows = 0;
  let marche = 0;
  const regions = new Set<string>();
  await forEachRecord(
    ctx,
    '',
    file,
    ['CODICESCUOLA', 'DENOMINAZIONESCUOLA', 'PROVINCIA', 'DESCRIZIONETIPOLOGIAGRADOISTRUZIONESCUOLA'],
    async (f) => {
      rows += 1;
      const province = PROVINCES[f.required('PROVINCIA').toUpperCase()];
      if (!province) {
        if (regions.size < 5) regions.add(f.get('REGIONE').toUpperCase() || f.get('PROVINCIA').toUpperCase());
        throw new SkipRow(SKIP.region);
      }
      marche += 1;
      const tipologia = value(f.required('DESCRIZIONETIPOLOGIAGRADOISTRUZIONESCUOLA')) ?? '';
      const level = levelOfType(tipologia);
      if (!level) throw new SkipRow(SKIP.type);
      const characteristic = value(f.get('DESCRIZIONECARATTERISTICASCUOLA'));
      if (characteristic !== null && characteristic.toUpperCase() !== 'NORMALE') throw new SkipRow(SKIP.section);
      const code = f.required('CODICESCUOLA').toUpperCase();
      if (!/^[A-Z]{2}[A-Z0-9]{8}$/.test(code))
        throw new RowError('CODICESCUOLA', `codice meccanografico non valido: "${code}"`);
      const cadastral = value(f.get('CODICECOMUNESCUOLA'))?.toUpperCase() ?? null;
      // The ministry's open data is a file like any other: its names are checked as a school's own.
      const text = (column: string, max: number) => {
        const v = value(oneLine(f.get(column)));
        return v === null ? null : nameField(v, column, max);
      };
      const name = text('DENOMINAZIONESCUOLA', NAME_MAX.school) ?? code;
      return (
        await upsertSchool(ctx, {
          code,
          name,
          institute_code: value(f.get('CODICEISTITUTORIFERIMENTO'))?.toUpperCase() ?? code,
          institute_name: text('DENOMINAZIONEISTITUTORIFERIMENTO', NAME_MAX.school) ?? name,
          province_code: province,
          municipality_istat: cadastral === null ? null : (municipalities.get(cadastral) ?? null),
          municipality_name: text('DESCRIZIONECOMUNE', NAME_MAX.place) ?? '',
          cadastral_code: cadastral,
          kind: nameField(tipologia, 'DESCRIZIONETIPOLOGIAGRADOISTRUZIONESCUOLA', NAME_MAX.school),
          level,
          address: text('INDIRIZZOSCUOLA', NAME_MAX.school),
          paritaria,
        })
      ).change;
    },
    { path, file },
  );
  if (rows > 0 && marche === 0) {
    ctx.notes.push({
      file,
      line: 0,
      column: 'PROVINCIA',
      message: `nessuna scuola delle Marche: 0 righe delle Marche su ${rows} (trovate: ${[...regions].join(', ')}${regions.size >= 5 ? '…' : ''})`,
    });
  }
}
