import { absenceRateAt } from './attendance.ts';
import type { Term } from './calendar.ts';
import type { ClassSpec } from './classes.ts';
import type { Day } from './dates.ts';
import type { Rng } from './random.ts';
import type { Persona } from './students.ts';
import { type GradeKind, type Subject, subjectsFor } from './subjects.ts';

export interface GradeEvent {
  day: Day;
  subject: string;
  kind: GradeKind | 'Scrutinio';
  value: string;
}

/**
 * How a teacher writes grades: whole numbers only, quarters with `+`/`-` and halves as `½` or
 * `7/8`, or halves with a decimal comma (`6,5`). Registers show all three, often in one class.
 */
export type GradeStyle = 'integer' | 'quarter-half' | 'quarter-slash' | 'decimal';

export interface ClassGradePlan {
  subjects: readonly Subject[];
  /** class-wide written tests per subject */
  writtenTests: Map<string, Day[]>;
  styles: Map<string, GradeStyle>;
  classEffect: number;
  /** The grade an average student gets in an average subject (see `BASE_MEAN`). */
  baseMean: number;
}

/**
 * Calibrated so that, at the end of March, about 1 subject average in 8 is below 6 in upper
 * secondary and 1 in 12 in lower secondary. National end-of-year figures are lower still (upper
 * secondary: ≈ 20 % of students with a suspended judgement, 1–3 subjects, and ≈ 6 % not admitted;
 * lower secondary: ≈ 2 % not admitted); mid-year averages of single tests run lower than the
 * council's final grades. Before this calibration one subject average in 4.5 failed, and over 40 %
 * of students had two or more failing subjects in both levels.
 */
const BASE_MEAN = { lower: 7.7, upper: 7.35 } as const;

const JUDGEMENTS = ['insufficiente', 'sufficiente', 'discreto', 'buono', 'distinto', 'ottimo'] as const;

function perMonth(hours: number): number {
  return hours >= 4 ? 1.3 : hours === 3 ? 1.1 : hours === 2 ? 0.9 : 0.5;
}

function months(days: readonly Day[]): number {
  return days.length === 0 ? 0 : (days[days.length - 1]! - days[0]! + 1) / 30.4;
}

function stochasticRound(rng: Rng, x: number): number {
  return Math.floor(x + rng.float());
}

export function formatGrade(x: number, style: GradeStyle): string {
  const v = Math.min(10, Math.max(2, x));
  if (style === 'integer') return String(Math.round(v));
  if (style === 'decimal') {
    const h = Math.round(v * 2) / 2;
    return Number.isInteger(h) ? String(h) : `${Math.floor(h)},5`;
  }
  const q = Math.round(v * 4) / 4;
  const whole = Math.floor(q);
  const frac = q - whole;
  if (frac === 0) return String(whole);
  if (frac === 0.25) return `${whole}+`;
  if (frac === 0.75) return `${whole + 1}-`;
  return style === 'quarter-half' ? `${whole}½` : `${whole}/${whole + 1}`;
}

/** Parses a grade written in the notation of docs/data-format.md; `null` for NC and judgements. */
export function gradeValue(s: string): number | null {
  const m = /^(\d{1,2})(\+|-|½|,5)?$/.exec(s);
  if (m) {
    const base = Number(m[1]);
    return base + (m[2] === '+' ? 0.25 : m[2] === '-' ? -0.25 : m[2] ? 0.5 : 0);
  }
  const slash = /^(\d{1,2})\/(\d{1,2})$/.exec(s);
  if (slash && Number(slash[2]) === Number(slash[1]) + 1) return Number(slash[1]) + 0.5;
  return null;
}

export function planClassGrades(
  rng: Rng,
  cls: ClassSpec,
  classDays: readonly Day[],
  lowerSecondary: boolean,
): ClassGradePlan {
  const subjects = subjectsFor(cls.curriculum, cls.grade);
  const writtenTests = new Map<string, Day[]>();
  const styles = new Map<string, GradeStyle>();
  const span = months(classDays);
  for (const s of subjects) {
    styles.set(
      s.name,
      rng.weighted<GradeStyle>(
        lowerSecondary
          ? [
              ['integer', 0.5],
              ['decimal', 0.3],
              ['quarter-half', 0.12],
              ['quarter-slash', 0.08],
            ]
          : [
              ['integer', 0.3],
              ['decimal', 0.25],
              ['quarter-half', 0.25],
              ['quarter-slash', 0.2],
            ],
      ),
    );
    if (!s.kinds.includes('Scritto') || classDays.length === 0) continue;
    const n = stochasticRound(rng, span * (s.hours >= 3 ? 1 : 0.6));
    const testable = classDays.filter((d) => d >= classDays[0]! + 10);
    if (testable.length === 0) continue;
    const tests = Array.from({ length: n }, () => rng.pick(testable));
    writtenTests.set(
      s.name,
      [...new Set(tests)].sort((a, b) => a - b),
    );
  }
  return {
    subjects,
    writtenTests,
    styles,
    classEffect: 0.3 * rng.normal(),
    baseMean: lowerSecondary ? BASE_MEAN.lower : BASE_MEAN.upper,
  };
}

export interface GradesInput {
  rng: Rng;
  persona: Persona;
  plan: ClassGradePlan;
  /** the class's lesson days inside the enrolment, up to asOf */
  days: readonly Day[];
  absentDays: ReadonlySet<Day>;
  yearStart: Day;
  asOf: Day;
  /** records a numeric grade for the term averages of esiti.csv */
  record: (day: Day, subject: string, value: number) => void;
}

export function generateGrades(input: GradesInput): GradeEvent[] {
  const { rng, persona, plan, days, absentDays } = input;
  const out: GradeEvent[] = [];
  if (days.length === 0) return out;
  const first = days[0]!;
  const last = days[days.length - 1]!;
  // no marks in the first week and a half: teachers start with entry tests and revision
  const present = days.filter((d) => !absentDays.has(d) && d >= input.yearStart + 10);
  if (present.length === 0) return out;
  const span = months(days);
  const yearSpan = Math.max(1, input.asOf - input.yearStart);

  // A register keeps one grade per student, day, subject and kind: the import's natural key.
  const taken = new Set<string>();
  const take = (day: Day, subject: string, kind: string) => {
    const key = `${day}|${subject}|${kind}`;
    if (taken.has(key)) return false;
    taken.add(key);
    return true;
  };

  const grade = (day: Day, s: Subject, kind: GradeKind, subjectEffect: number) => {
    if (!take(day, s.name, kind)) return;
    const progress = (day - input.yearStart) / yearSpan;
    const rate = absenceRateAt(persona, progress);
    // NC: not enough elements to grade, for students who are rarely there
    if (rate > 0.3 && rng.chance(0.05)) {
      out.push({ day, subject: s.name, kind, value: 'NC' });
      return;
    }
    const drift = persona.category === 'drifting' ? 1.8 * Math.pow(progress, 1.3) : 0;
    const mean =
      plan.baseMean +
      0.8 * persona.ability +
      s.effect +
      subjectEffect +
      plan.classEffect -
      5 * Math.max(0, rate - 0.06) -
      drift;
    const value = mean + (kind === 'Scritto' ? 1 : 0.85) * rng.normal();
    const text = formatGrade(value, plan.styles.get(s.name) ?? 'integer');
    out.push({ day, subject: s.name, kind, value: text });
    const numeric = gradeValue(text);
    if (numeric !== null) input.record(day, s.name, numeric);
  };

  for (const s of plan.subjects) {
    const subjectEffect = 0.45 * rng.normal();
    for (const test of plan.writtenTests.get(s.name) ?? []) {
      if (test < first || test > last) continue;
      if (!absentDays.has(test)) grade(test, s, 'Scritto', subjectEffect);
      else if (rng.chance(0.5)) {
        // make-up test (verifica di recupero) a week or two later
        const makeUp = present.find((d) => d >= test + rng.int(7, 14));
        if (makeUp !== undefined) grade(makeUp, s, 'Scritto', subjectEffect);
      }
    }
    const other = s.kinds.filter((k) => k !== 'Scritto');
    if (other.length === 0) continue;
    const n = stochasticRound(rng, span * perMonth(s.hours));
    for (let i = 0; i < n; i++) grade(rng.pick(present), s, rng.pick(other), subjectEffect);
  }

  // Religion or the alternative activity: a judgement now and then, never in the averages.
  const subject = persona.religionAlternative ? 'ATTIVITÀ ALTERNATIVA' : 'RELIGIONE CATTOLICA';
  const level = Math.round(3.2 + 0.9 * persona.ability);
  for (let i = stochasticRound(rng, span * 0.4); i > 0; i--) {
    const j = Math.max(0, Math.min(5, level + rng.int(-1, 1)));
    const day = rng.pick(present);
    if (take(day, subject, 'Orale')) out.push({ day, subject, kind: 'Orale', value: JUDGEMENTS[j]! });
  }
  return out.sort((a, b) => a.day - b.day);
}

/** Conduct at the scrutinio (L. 150/2024: below 6 not promoted, 6 means judgement suspended). */
export function conductGrade(rng: Rng, persona: Persona): string {
  const base =
    8.7 + 0.6 * persona.engagement - (persona.category === 'drifting' ? 1.2 : persona.category === 'chronic' ? 0.5 : 0);
  return String(Math.max(6, Math.min(10, Math.round(base + 0.6 * rng.normal()))));
}

export function termIndexOf(terms: readonly Term[], day: Day): number {
  return terms.findIndex((t) => day >= t.from && day <= t.to);
}

/**
 * Each subject's grades summed by term as they are generated (`record`, generateGrades' callback),
 * so the scrutinio can list the subjects whose term average is below 6 (`failedIn`).
 */
export function termAverages(terms: readonly Term[]) {
  const sums = new Map<string, [number, number]>();
  return {
    record(day: Day, subject: string, value: number): void {
      const key = `${termIndexOf(terms, day)}|${subject}`;
      const acc = sums.get(key) ?? [0, 0];
      acc[0] += value;
      acc[1] += 1;
      sums.set(key, acc);
    },
    /** The subjects, in the order given, whose average in term `termIndex` is below 6. */
    failedIn(termIndex: number, subjects: readonly string[]): string[] {
      return subjects.filter((name) => {
        const acc = sums.get(`${termIndex}|${name}`);
        return acc !== undefined && acc[0] / acc[1] < 6;
      });
    },
  };
}
