import { type Day, dayOf } from './dates.ts';
import type { Rng } from './random.ts';
import { CURRICULA, type Curriculum, subjectsFor } from './subjects.ts';

export type HistoryOutcome = 'ammesso' | 'non ammesso' | 'sospensione del giudizio';

export interface HistoryRow {
  yearLabel: string;
  /** year of course attended that year, within its level */
  grade: number;
  outcome: HistoryOutcome;
  failedSubjects: string[];
}

export function yearLabel(startYear: number): string {
  return `${startYear}/${String((startYear + 1) % 100).padStart(2, '0')}`;
}

interface HistoryInput {
  rng: Rng;
  curriculum: Curriculum;
  grade: number;
  lowerSecondary: boolean;
  startYear: number;
  ability: number;
  drifting: boolean;
  /** for students born abroad: years before arrival were not in an Italian school */
  arrivalDay: Day | null;
}

function pickFailedSubjects(rng: Rng, curriculum: Curriculum, grade: number, count: number): string[] {
  // the subjects failed most often are the heavy, written ones
  const pool = subjectsFor(curriculum, grade)
    .filter((s) => s.name !== 'SCIENZE MOTORIE E SPORTIVE' && s.name !== 'EDUCAZIONE CIVICA')
    .map((s) => [s, s.hours + (s.kinds.includes('Scritto') ? 2 : 0) - 3 * s.effect] as const);
  const chosen = new Set<string>();
  for (let i = 0; i < count * 4 && chosen.size < Math.min(count, pool.length); i++) chosen.add(rng.weighted(pool).name);
  // in curriculum order, as the registers print them
  return subjectsFor(curriculum, grade).map((s) => s.name).filter((n) => chosen.has(n));
}

/**
 * Past final outcomes in secondary school, walking back from the current class: each year
 * before was either the same year of course (not promoted, so repeated) or the one below.
 * Non-promotion ≈ 2 % a year in lower secondary and ≈ 7 % in upper secondary, suspended
 * judgement ≈ 15 % in upper secondary years 1–4 (MIM, esiti degli scrutini), both more likely
 * with low ability. Years before arrival from abroad have no Italian record.
 */
export function buildHistory(input: HistoryInput): HistoryRow[] {
  const { rng, curriculum, lowerSecondary, startYear, ability } = input;
  const risk = Math.exp(-0.9 * ability) * (input.drifting ? 1.8 : 1);
  const rows: HistoryRow[] = [];
  // absolute year of course: 1–3 lower secondary, 4–8 upper secondary
  let absolute = lowerSecondary ? input.grade : 3 + input.grade;
  let year = startYear;
  let repeats = 0;
  for (;;) {
    const prev = year - 1;
    if (input.arrivalDay !== null && input.arrivalDay >= dayOf(prev + 1, 3, 1)) break;
    const upper = absolute >= 4;
    const failed = repeats < 2 && rng.chance(Math.min(0.5, (upper ? 0.065 : 0.02) * risk));
    const attended = failed ? absolute : absolute - 1;
    if (attended < 1) break;
    const attendedUpper = attended >= 4;
    const gradeInLevel = attendedUpper ? attended - 3 : attended;
    const pastCurriculum = attendedUpper ? curriculum : CURRICULA.media!;
    let outcome: HistoryOutcome = 'ammesso';
    let failedSubjects: string[] = [];
    if (failed) {
      outcome = 'non ammesso';
      failedSubjects = pickFailedSubjects(rng, pastCurriculum, gradeInLevel, rng.int(3, 6));
      repeats++;
    } else if (attendedUpper && gradeInLevel < 5 && rng.chance(Math.min(0.6, 0.14 * risk))) {
      // sospensione del giudizio exists only in upper secondary (OM 92/2007), not in the final year
      outcome = 'sospensione del giudizio';
      failedSubjects = pickFailedSubjects(rng, pastCurriculum, gradeInLevel, rng.int(1, 3));
    }
    rows.unshift({ yearLabel: yearLabel(prev), grade: gradeInLevel, outcome, failedSubjects });
    absolute = attended;
    year = prev;
  }
  return rows;
}
