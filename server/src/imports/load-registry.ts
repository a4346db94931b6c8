import { NAME_MAX } from '@primm/shared/text/check-name';
import { RowError, SkipRow, forEachRecord } from './csv-file';
import type { ImportContext } from './import-context';
import { upsertSchool, type SchoolFields } from './load-school';
import { nameField } from './name-field';
import { normalizeHeader } from './read-csv';

/** Columns that tell the ministry's open-data school registry (SCUANAGRAFESTAT…csv) by its header. */
const REGISTRY_COLUMNS = ['CODICESCUOLA', 'DENOMINAZIONESCUOLA', 'DESCRIZIONETIPOLOGIAGRADOISTRUZIONESCUOLA', 'CODICEISTITUTORIFERIMENTO', 'PROVINCIA'];

export function isRegistryHeader(header: string[]): boolean {
  const names = new Set(header.map(normalizeHeader));
  return REGISTRY_COLUMNS.every((c) => names.has(normalizeHeader(c)));
}

const PROVINCES: Record<string, string> = {
  ANCONA: 'AN', 'ASCOLI PICENO': 'AP', FERMO: 'FM', MACERATA: 'MC', 'PESARO E URBINO': 'PU',
};

/**
 * The level of a registry school type, for the types primm-ews follows (the same as the
 * generator's, scripts/gen/schools.ts): lower-secondary plessi and every upper-secondary track;
 * undefined for infanzia, primaria, istituti comprensivi, CPIA, convitti.
 */
export function levelOfType(tipologia: string): SchoolFields['level'] | undefined {
  const t = tipologia.toUpperCase();
  if (t === 'SCUOLA PRIMO GRADO') return 'primo_grado';
  if (t.startsWith('LICEO') || t === "ISTITUTO D'ARTE" || t === 'ISTITUTO MAGISTRALE' || t === 'ISTITUTO SUPERIORE') return 'secondo_grado';
  if (t.startsWith('IST PROF') || t.startsWith('ISTITUTO TECNICO') || t.startsWith('IST TEC')) return 'secondo_grado';
  return undefined;
}

/** `Non Disponibile` is how the ministry writes a missing value. */
function value(text: string): string | null {
  return text === '' || text.toLowerCase() === 'non disponibile' ? null : text;
}

/**
 * SCUANAGRAFESTAT…csv (comma, CRLF, UTF-8, `Non Disponibile`): creates and updates the secondary
 * schools of the Marche; other types, other regions and the non-ordinary sections (evening
 * courses, prison and hospital sections, as the generator) are skipped, neither taken nor rejected.
 */
export async function loadRegistry(ctx: ImportContext, path: string, file: string): Promise<void> {
  const municipalities = new Map(
    (await ctx.trx.selectFrom('municipality').select(['cadastral_code', 'istat_code']).execute()).map((m) => [m.cadastral_code, m.istat_code]),
  );
  await forEachRecord(ctx, '', file, ['CODICESCUOLA', 'DENOMINAZIONESCUOLA', 'PROVINCIA', 'DESCRIZIONETIPOLOGIAGRADOISTRUZIONESCUOLA'], async (f) => {
    const tipologia = value(f.required('DESCRIZIONETIPOLOGIAGRADOISTRUZIONESCUOLA')) ?? '';
    const level = levelOfType(tipologia);
    const province = PROVINCES[f.required('PROVINCIA').toUpperCase()];
    const characteristic = value(f.get('DESCRIZIONECARATTERISTICASCUOLA'));
    if (!level || !province || (characteristic !== null && characteristic.toUpperCase() !== 'NORMALE')) throw new SkipRow();
    const code = f.required('CODICESCUOLA').toUpperCase();
    if (!/^[A-Z]{2}[A-Z0-9]{8}$/.test(code)) throw new RowError('CODICESCUOLA', `codice meccanografico non valido: "${code}"`);
    const cadastral = value(f.get('CODICECOMUNESCUOLA'))?.toUpperCase() ?? null;
    // The ministry's open data is a file like any other: its names are checked as a school's own.
    const text = (column: string, max: number) => {
      const v = value(f.get(column));
      return v === null ? null : nameField(v, column, max);
    };
    const name = text('DENOMINAZIONESCUOLA', NAME_MAX.school) ?? code;
    return (await upsertSchool(ctx, {
      code,
      name,
      institute_code: value(f.get('CODICEISTITUTORIFERIMENTO'))?.toUpperCase() ?? code,
      institute_name: text('DENOMINAZIONEISTITUTORIFERIMENTO', NAME_MAX.school) ?? name,
      province_code: province,
      municipality_istat: cadastral === null ? null : municipalities.get(cadastral) ?? null,
      municipality_name: text('DESCRIZIONECOMUNE', NAME_MAX.place) ?? '',
      cadastral_code: cadastral,
      kind: nameField(tipologia, 'DESCRIZIONETIPOLOGIAGRADOISTRUZIONESCUOLA', NAME_MAX.school),
      level,
      address: text('INDIRIZZOSCUOLA', NAME_MAX.school),
    })).change;
  }, { path, file });
}
