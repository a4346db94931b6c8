import type { Municipality, RegistryRow } from './reference.ts';
import { Rng } from './random.ts';

export type Level = 'primo grado' | 'secondo grado';

export interface SchoolSpec {
  code: string;
  name: string;
  instituteCode: string;
  instituteName: string;
  cadastral: string;
  municipality: string;
  province: string;
  tipologia: string;
  level: Level;
  address: string;
  /** curriculum ids of `subjects.ts`, one per indirizzo the school runs */
  curricula: string[];
  /** share of students with foreign citizenship */
  foreignShare: number;
  /** students whose home school is this one (transfers in come on top) */
  students: number;
}

const PROVINCE_SIGLA: Record<string, string> = {
  ANCONA: 'AN',
  'ASCOLI PICENO': 'AP',
  FERMO: 'FM',
  MACERATA: 'MC',
  'PESARO E URBINO': 'PU',
};

/** Registry types kept: lower secondary plessi and every upper-secondary track. */
function curriculaFor(tipologia: string, rng: Rng): string[] | null {
  const t = tipologia.toUpperCase();
  if (t === 'SCUOLA PRIMO GRADO') return ['media'];
  if (t.startsWith('LICEO SCIENTIFICO')) return ['liceo-scientifico'];
  if (t.startsWith('LICEO CLASSICO'))
    return rng.chance(0.5) ? ['liceo-classico', 'liceo-linguistico'] : ['liceo-classico'];
  if (t.startsWith('LICEO ARTISTICO') || t === "ISTITUTO D'ARTE") return ['liceo-artistico'];
  if (t.startsWith('LICEO')) return ['liceo-linguistico'];
  if (t === 'ISTITUTO MAGISTRALE') return ['liceo-scienze-umane'];
  if (t.startsWith('IST PROF')) {
    if (t.includes('ALBERGHIER')) return ['professionale-enogastronomia'];
    if (t.includes('SOCIALI')) return ['professionale-sociosanitario'];
    if (t.includes('COMM')) return ['professionale-commerciali'];
    if (t.includes('AGRICOLTURA')) return ['professionale-agricoltura'];
    return ['professionale-manutenzione'];
  }
  if (t.startsWith('ISTITUTO TECNICO') || t.startsWith('IST TEC')) {
    if (t.includes('GEOMETRI') && t.includes('COMMERCIALE')) return ['tecnico-economico', 'tecnico-cat'];
    if (t.includes('GEOMETRI')) return ['tecnico-cat'];
    if (t.includes('AGRARIO')) return ['tecnico-agraria'];
    if (t.includes('ECONOMICO E TECNOLOGICO')) return ['tecnico-economico', 'tecnico-meccanica'];
    if (t.includes('COMMERCIALE') || t.includes('SOCIALI')) return ['tecnico-economico'];
    return ['tecnico-meccanica'];
  }
  if (t === 'ISTITUTO SUPERIORE') {
    // An IIS groups several indirizzi; the registry does not say which, so pick a usual pairing.
    return rng.pick([
      ['liceo-scientifico', 'tecnico-economico'],
      ['tecnico-economico', 'professionale-commerciali'],
      ['liceo-scienze-umane', 'professionale-sociosanitario'],
      ['tecnico-meccanica', 'professionale-manutenzione'],
      ['liceo-classico', 'liceo-linguistico'],
      ['liceo-scientifico', 'tecnico-meccanica'],
      ['tecnico-agraria', 'professionale-enogastronomia'],
    ]);
  }
  return null; // infanzia, primaria, istituto comprensivo, CPIA, convitti, scuola magistrale
}

/**
 * Share of students with foreign citizenship by kind of school, calibrated so that the region has
 * about 12 % (generator version 3; it had 9 %): the Marche had 11,4 % of students with foreign
 * citizenship in 2017/18 (USR Marche figures as reported by la-notizia.net, 26/10/2018, about 60 %
 * of them born in Italy), and the national share rose from 9,7 % (2017/18) to 11,2 % in 2022/23
 * (MIM, "Gli alunni con cittadinanza non italiana a.s. 2022/2023", as reported by Tecnica della
 * Scuola). No 2022/23 figure for the Marche was found: 12 % is an estimate from these two.
 * Professional institutes have the most, licei the fewest (same sources). Measured: 13,9 % on a
 * 30 000-student region (seed 1), 9,9 % on the demo's 12 schools (few professional institutes).
 * Newly arrived students (students.ts): 1,0 % in both.
 */
function baseForeignShare(curricula: string[]): number {
  const first = curricula[0] ?? 'media';
  if (first.startsWith('liceo')) return 0.065;
  if (first.startsWith('tecnico')) return 0.11;
  if (first.startsWith('professionale')) return 0.17;
  return 0.124;
}

function specOf(
  row: RegistryRow,
  curricula: string[],
  municipalities: Map<string, Municipality>,
  rng: Rng,
): SchoolSpec {
  const cadastral = row.CODICECOMUNESCUOLA ?? '';
  const population = municipalities.get(cadastral)?.population ?? 10_000;
  // MIM data: foreign pupils concentrate in towns and in the professionali, less in licei.
  const urban = population > 40_000 ? 0.05 : population < 5_000 ? -0.03 : 0;
  const foreignShare = Math.max(0.01, Math.min(0.3, (baseForeignShare(curricula) + urban) * (0.7 + 0.6 * rng.float())));
  const clean = (s: string | undefined) => (s && s !== 'Non Disponibile' ? s : '');
  return {
    code: row.CODICESCUOLA ?? '',
    name: clean(row.DENOMINAZIONESCUOLA),
    instituteCode: clean(row.CODICEISTITUTORIFERIMENTO),
    instituteName: clean(row.DENOMINAZIONEISTITUTORIFERIMENTO),
    cadastral,
    municipality: clean(row.DESCRIZIONECOMUNE),
    province: PROVINCE_SIGLA[row.PROVINCIA ?? ''] ?? '',
    tipologia: clean(row.DESCRIZIONETIPOLOGIAGRADOISTRUZIONESCUOLA),
    level: curricula[0] === 'media' ? 'primo grado' : 'secondo grado',
    address: clean(row.INDIRIZZOSCUOLA),
    curricula,
    foreignShare,
    students: 0,
  };
}

/**
 * Picks `count` real schools: ≈ 40 % lower secondary, 60 % upper secondary, every province
 * first, then at random; spreads `students` over them (upper secondary schools are larger).
 */
export function selectSchools(
  registry: RegistryRow[],
  municipalities: Municipality[],
  count: number,
  students: number,
  rng: Rng,
): SchoolSpec[] {
  const byCadastral = new Map(municipalities.map((m) => [m.cadastral, m]));
  const eligible = registry
    // evening courses for adults, prison and hospital sections are not ordinary classes
    .filter((r) => r.DESCRIZIONECARATTERISTICASCUOLA === 'NORMALE')
    .slice()
    .sort((a, b) => (a.CODICESCUOLA ?? '').localeCompare(b.CODICESCUOLA ?? ''))
    .flatMap((r) => {
      const curricula = curriculaFor(r.DESCRIZIONETIPOLOGIAGRADOISTRUZIONESCUOLA ?? '', rng);
      return curricula && PROVINCE_SIGLA[r.PROVINCIA ?? ''] ? [specOf(r, curricula, byCadastral, rng)] : [];
    });
  const lower = rng.shuffle(eligible.filter((s) => s.level === 'primo grado'));
  const upper = rng.shuffle(eligible.filter((s) => s.level === 'secondo grado'));
  const total = Math.min(count, lower.length + upper.length);
  let wantLower = Math.min(lower.length, Math.round(total * 0.4));
  let wantUpper = total - wantLower;
  if (wantUpper > upper.length) {
    wantLower += wantUpper - upper.length;
    wantUpper = upper.length;
  }

  const chosen: SchoolSpec[] = [];
  const take = (list: SchoolSpec[], province?: string): boolean => {
    const i = list.findIndex((s) => province === undefined || s.province === province);
    if (i < 0) return false;
    chosen.push(...list.splice(i, 1));
    return true;
  };
  let lowerLeft = wantLower;
  let upperLeft = wantUpper;
  for (const [i, province] of ['AN', 'AP', 'FM', 'MC', 'PU'].entries()) {
    if (chosen.length >= total) break;
    const preferUpper = i % 2 === 0 ? upperLeft > 0 : lowerLeft === 0;
    if (preferUpper && take(upper, province)) upperLeft--;
    else if (lowerLeft > 0 && take(lower, province)) lowerLeft--;
    else if (upperLeft > 0 && take(upper, province)) upperLeft--;
  }
  for (; lowerLeft > 0; lowerLeft--) take(lower);
  for (; upperLeft > 0; upperLeft--) take(upper);
  chosen.sort((a, b) => a.code.localeCompare(b.code));

  // Largest-remainder split so the totals add up exactly.
  const weights = chosen.map((s) => (s.level === 'secondo grado' ? 1.5 : 1) * (0.6 + 0.8 * rng.float()));
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (w / sum) * students);
  chosen.forEach((s, i) => (s.students = Math.floor(exact[i]!)));
  let left = students - chosen.reduce((a, s) => a + s.students, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left-- <= 0) break;
    chosen[i]!.students++;
  }
  return chosen;
}
