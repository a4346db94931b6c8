import { applyOmocodia, computeCodiceFiscale } from '../../shared/src/codice-fiscale.ts';
import { type Day, dayOf, toIso } from './dates.ts';
import type { Geography } from './geography.ts';
import { COUNTRIES, type Country, ITALIAN_FEMALE_NAMES, ITALIAN_MALE_NAMES, ITALIAN_SURNAMES } from './names.ts';
import { buildHistory, type HistoryRow } from './outcomes.ts';
import { type Rng, WeightedTable } from './random.ts';
import type { SchoolSpec } from './schools.ts';
import type { Curriculum } from './subjects.ts';

/** How the student attends: most regularly, a minority chronically absent, a few drifting away. */
export type Category = 'regular' | 'chronic' | 'drifting';

export interface Persona {
  cf: string;
  lastName: string;
  firstName: string;
  sex: 'M' | 'F';
  birthDay: Day;
  birthplace: string;
  citizenship: string;
  bornInItaly: boolean;
  arrivalDay: Day | null;
  l2Level: string;
  residenceIstat: string;
  /** latent engagement, standard normal: drives absences, grades, conduct */
  engagement: number;
  ability: number;
  category: Category;
  /** share of hours missed at the start of the year, and (drifting) by asOf */
  absenceStart: number;
  absenceEnd: number;
  deroga: string;
  religionAlternative: boolean;
  history: HistoryRow[];
}

/** Codici fiscali already given; a clash is solved the way the Agenzia delle Entrate does (omocodia). */
export class CfRegistry {
  private readonly used = new Set<string>();

  claim(cf: string): string {
    let out = cf;
    for (let level = 1; this.used.has(out); level++) {
      if (level > 7) throw new Error(`codice fiscale non disponibile: ${cf}`);
      out = applyOmocodia(cf, level);
    }
    this.used.add(out);
    return out;
  }

  get size(): number {
    return this.used.size;
  }
}

export interface PersonaContext {
  rng: Rng;
  geography: Geography;
  registry: CfRegistry;
  school: SchoolSpec;
  curriculum: Curriculum;
  grade: number;
  startYear: number;
  lessonsStart: Day;
  asOf: Day;
  /** transfers already attend at the start of the year: no arrival from abroad during it */
  arrivedBeforeStart?: boolean;
}

const countryTable = new WeightedTable(COUNTRIES, (c) => c.weight);

const DEROGHE: readonly (readonly [string, number])[] = [
  ['salute', 40],
  ['terapie', 20],
  ['sport', 15],
  ['famiglia', 10],
  ['religione', 5],
  ['altro', 10],
];

function clamp(x: number, lo: number, hi: number): number {
  return x < lo ? lo : x > hi ? hi : x;
}

export function trackRiskFactor(curriculum: Curriculum): number {
  // ISTAT / MIM: early leaving and chronic absence are highest in the professionali, lowest in licei.
  if (curriculum.track === 'professionale') return 1.5;
  if (curriculum.track === 'tecnico') return 1.1;
  if (curriculum.track === 'liceo') return 0.6;
  return 0.8;
}

export function attendanceProfile(rng: Rng, engagement: number, risk: number) {
  if (engagement < -1 && rng.chance(0.21 * risk)) {
    return { category: 'drifting' as const, start: 0.05 + 0.05 * rng.float(), end: 0.35 + 0.35 * rng.float() };
  }
  if (rng.chance((engagement < -0.5 ? 0.17 : 0.035) * risk)) {
    // a few of the chronically absent are past a quarter of the hours
    const start = rng.chance(0.15) ? 0.25 + 0.15 * rng.float() : 0.1 + 0.14 * Math.pow(rng.float(), 1.5);
    return { category: 'chronic' as const, start, end: start };
  }
  const start = clamp(0.042 * Math.exp(0.35 * rng.normal() - 0.12 * engagement), 0.01, 0.09);
  return { category: 'regular' as const, start, end: start };
}

function pickName(rng: Rng, country: Country | null, sex: 'M' | 'F'): { first: string; last: string } {
  if (!country) {
    const first = rng.pick(sex === 'M' ? ITALIAN_MALE_NAMES : ITALIAN_FEMALE_NAMES);
    return { first, last: rng.pick(ITALIAN_SURNAMES) };
  }
  // children of foreign parents born in Italy often get an Italian or international first name
  const italianFirst = rng.chance(0.15);
  const first = italianFirst
    ? rng.pick(sex === 'M' ? ITALIAN_MALE_NAMES : ITALIAN_FEMALE_NAMES)
    : rng.pick(sex === 'M' ? country.male : country.female);
  return { first, last: rng.pick(country.surnames) };
}

function randomDay(rng: Rng, from: Day, to: Day): Day {
  return from + Math.floor(rng.float() * Math.max(1, to - from + 1));
}

export function makePersona(ctx: PersonaContext): Persona {
  const { rng, school, curriculum, grade, startYear, asOf } = ctx;
  const sex = rng.chance(curriculum.femaleShare) ? 'F' : 'M';
  const foreign = rng.chance(clamp(school.foreignShare * curriculum.foreignFactor, 0, 0.45));
  const country = foreign ? countryTable.pick(rng) : null;
  const engagement = rng.normal();
  const ability = 0.55 * engagement + 0.83 * rng.normal();
  const profile = attendanceProfile(rng, engagement, trackRiskFactor(curriculum));

  // ISTAT: about two thirds of foreign pupils are born in Italy (seconde generazioni).
  const bornInItaly = !country || rng.chance(0.66);
  const lowerSecondary = school.level === 'primo grado';
  const expectedBirthYear = startYear - (lowerSecondary ? 10 : 13) - grade;

  let arrivalDay: Day | null = null;
  let placement = 0;
  let l2Level = '';
  if (country && !bornInItaly) {
    // About 1 % of all students newly arrived (in Italy for less than two years): an estimate, see
    // docs/risk-model.md (MIM counted ≈ 23 000 students entering the Italian school system in
    // 2018/19, 0,27 % of all a year, most of them in secondary school).
    const newlyArrived = rng.chance(0.22);
    if (newlyArrived) {
      // NAI: in Italy for less than two years at asOf
      const latest = ctx.arrivedBeforeStart ? Math.min(asOf, ctx.lessonsStart) - 5 : asOf - 25;
      arrivalDay = randomDay(rng, asOf - 700, latest);
      l2Level = asOf - arrivalDay < 200 ? 'A1' : rng.pick(['A1', 'A2', 'A2', 'B1']);
      placement = rng.chance(0.45) ? 1 : 0; // DPR 394/1999 art. 45: placed a year lower on arrival
    } else {
      const age = rng.int(1, 11);
      arrivalDay = dayOf(expectedBirthYear + age, rng.int(1, 12), rng.int(1, 28));
      l2Level = rng.chance(0.5) ? rng.pick(['B1', 'B2', 'B2', 'C1']) : '';
      placement = age >= 7 && rng.chance(0.3) ? 1 : 0;
    }
  } else if (country && rng.chance(0.12)) {
    l2Level = rng.pick(['B2', 'C1']);
  }

  const risk = trackRiskFactor(curriculum);
  const history = buildHistory({
    rng,
    curriculum,
    grade,
    lowerSecondary,
    startYear,
    ability,
    arrivalDay,
    // A past year's attendance: the same engagement, moved by that year's luck.
    yearAttendance: (shock) => {
      const p = attendanceProfile(rng, engagement + 0.6 * shock, risk);
      return { category: p.category, start: p.start, end: p.end };
    },
  });
  const repeats = history.filter((h) => h.outcome === 'non ammesso').length;
  const delay = repeats + placement;
  // a few start school early (anticipatari, born January–April of the following year)
  const early = delay === 0 && rng.chance(0.015);
  const birthYear = expectedBirthYear - delay + (early ? 1 : 0);
  const birthDay = early
    ? randomDay(rng, dayOf(birthYear, 1, 1), dayOf(birthYear, 4, 30))
    : randomDay(rng, dayOf(birthYear, 1, 1), dayOf(birthYear, 12, 31));
  if (arrivalDay !== null && arrivalDay <= birthDay) arrivalDay = birthDay + 200;

  const name = pickName(rng, country, sex);
  const birthplace = bornInItaly
    ? ctx.geography.italianBirthplace(rng, school.province)
    : { name: country!.name.toUpperCase(), code: country!.zCode };
  const cf = ctx.registry.claim(
    computeCodiceFiscale({
      lastName: name.last,
      firstName: name.first,
      sex,
      birthDate: toIso(birthDay),
      birthplaceCode: birthplace.code,
    }),
  );

  const derogaChance = profile.category === 'regular' ? 0.03 : 0.15;
  return {
    cf,
    lastName: name.last,
    firstName: name.first,
    sex,
    birthDay,
    birthplace: birthplace.name,
    citizenship: country ? country.name : 'Italia',
    bornInItaly,
    arrivalDay,
    l2Level,
    residenceIstat: ctx.geography.residenceIstat(rng, school.cadastral, school.province, lowerSecondary),
    engagement,
    ability,
    category: profile.category,
    absenceStart: profile.start,
    absenceEnd: profile.end,
    deroga: rng.chance(derogaChance) ? rng.weighted(DEROGHE) : '',
    religionAlternative: rng.chance(country ? country.alternativeShare : 0.1),
    history,
  };
}
