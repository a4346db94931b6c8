import { type Day, dayOf } from './dates.ts';
import type { Rng } from './random.ts';
import { CURRICULA, type Curriculum, subjectsFor } from './subjects.ts';

export type HistoryOutcome = 'ammesso' | 'non ammesso' | 'sospensione del giudizio';

export interface HistoryRow {
  yearLabel: string;
  /** year of course attended that year, within its level */
  grade: number;
  /** the level of school attended that year (an upper-secondary student's first years were in a lower-secondary school) */
  upper: boolean;
  outcome: HistoryOutcome;
  failedSubjects: string[];
  /**
   * How that year went beyond the student's lasting ability and engagement (standard normal,
   * higher = better): with `attendance` it decides the year's outcome and, when the generator
   * writes that year's register (history years), its grades and absences, so a bad year shows in
   * its own data (write-past-years.ts).
   */
  shock: number;
  /** How the student attended that year (drawn from engagement and the year's luck). */
  attendance: YearAttendance;
}

export interface YearAttendance {
  category: 'regular' | 'chronic' | 'drifting';
  /** share of hours missed at the start of the year and at its end */
  start: number;
  end: number;
}

/**
 * The chance a year ends with the student not admitted. Non-promotion ≈ 2 % a year in lower
 * secondary and ≈ 7 % in upper secondary on average (MIM, esiti degli scrutini), more likely with
 * low ability, in a bad year (`shock`) and with absences; past a quarter of the hours the year is
 * not valid (DPR 122/2009 art. 14): most such students are not admitted (deroghe save some).
 * exp(−0.7 · shock) averages exp(0.245) over students, hence the divisor.
 */
export function failureChance(upper: boolean, ability: number, shock: number, attendance: YearAttendance): number {
  const absence = (attendance.start + attendance.end) / 2;
  if (absence > 0.25) return 0.8;
  const risk =
    (Math.exp(-0.8 * ability - 0.7 * shock) / 1.28) *
    (1 + 6 * Math.max(0, absence - 0.08)) *
    (attendance.category === 'drifting' ? 1.8 : 1);
  return Math.min(0.5, (upper ? 0.055 : 0.017) * risk);
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
  /** The year's attendance from the year's luck (`attendanceProfile` of engagement moved by it). */
  yearAttendance: (shock: number) => YearAttendance;
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
  return subjectsFor(curriculum, grade)
    .map((s) => s.name)
    .filter((n) => chosen.has(n));
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
  const rows: HistoryRow[] = [];
  // absolute year of course: 1–3 lower secondary, 4–8 upper secondary
  let absolute = lowerSecondary ? input.grade : 3 + input.grade;
  let year = startYear;
  let repeats = 0;
  for (;;) {
    const prev = year - 1;
    if (input.arrivalDay !== null && input.arrivalDay >= dayOf(prev + 1, 3, 1)) break;
    const upper = absolute >= 4;
    const shock = rng.normal();
    const attendance = input.yearAttendance(shock);
    // At most three years repeated (then students leave school): a cap of two, applied walking back
    // from last year, made two earlier repeats and a failed last year impossible together.
    const failed = repeats < 3 && rng.chance(failureChance(upper, ability, shock, attendance));
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
    } else if (
      attendedUpper &&
      gradeInLevel < 5 &&
      rng.chance(Math.min(0.6, (0.14 * failureChance(true, ability, shock, attendance)) / 0.055))
    ) {
      // sospensione del giudizio exists only in upper secondary (OM 92/2007), not in the final year
      outcome = 'sospensione del giudizio';
      failedSubjects = pickFailedSubjects(rng, pastCurriculum, gradeInLevel, rng.int(1, 3));
    }
    rows.unshift({
      yearLabel: yearLabel(prev),
      grade: gradeInLevel,
      upper: attendedUpper,
      outcome,
      failedSubjects,
      shock,
      attendance,
    });
    absolute = attended;
    year = prev;
  }
  return rows;
}
