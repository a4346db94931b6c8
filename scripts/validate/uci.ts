import { assessStudent } from '../../shared/src/risk/assess-student';
import {
  calibrationTable,
  computeMetrics,
  groupErrorRates,
  type GroupErrors,
  type LevelRow,
  levelTable,
  type Metrics,
  type Scored,
} from '../../shared/src/risk/backtest-metrics';
import { stratifiedFolds } from '../../shared/src/risk/logistic';
import { fitRiskModel, probabilityOf, RISK_FEATURES } from '../../shared/src/risk/risk-model';
import { computeOverallAverage } from '../../shared/src/risk/subject-averages';
import { DEFAULT_RISK_SETTINGS, type RiskSettings } from '../../shared/src/risk/settings';
import type {
  AttendanceEvent,
  LessonDay,
  MeasuredIndicator,
  StudentRiskInput,
  Tier,
  WeekAttendance,
} from '../../shared/src/risk/types';
import { readDelimited } from './read-delimited';

/** A row of student-mat.csv / student-por.csv with the fields the validation uses. */
export interface UciStudent {
  line: number;
  school: string;
  sex: string;
  address: string;
  absences: number;
  failures: number;
  g1: number;
  g3: number;
}

export class UciFormatError extends Error {}

const REQUIRED = ['absences', 'failures', 'G1', 'G3'] as const;
const GROUPS = ['sex', 'address', 'school'] as const;

export function parseUci(text: string): { students: UciStudent[]; skipped: { line: number; reason: string }[] } {
  const [header, ...rows] = readDelimited(text);
  if (!header) throw new UciFormatError('File vuoto.');
  const col = new Map(header.map((h, i) => [h.trim(), i]));
  const missing = REQUIRED.filter((c) => !col.has(c));
  if (missing.length > 0) throw new UciFormatError(`Colonne mancanti nel formato UCI: ${missing.join(', ')}.`);
  const students: UciStudent[] = [];
  const skipped: { line: number; reason: string }[] = [];
  rows.forEach((row, i) => {
    const line = i + 2;
    const get = (name: string) => {
      const j = col.get(name);
      return j === undefined ? '' : (row[j] ?? '').trim();
    };
    const num = (name: string, min: number, max: number) => {
      const v = get(name);
      const n = v === '' ? NaN : Number(v.replace(',', '.'));
      return Number.isFinite(n) && n >= min && n <= max ? n : null;
    };
    const values = {
      absences: num('absences', 0, 366),
      failures: num('failures', 0, 4),
      g1: num('G1', 0, 20),
      g3: num('G3', 0, 20),
    };
    const bad = Object.entries(values)
      .filter(([, v]) => v === null)
      .map(([k]) => k);
    if (bad.length > 0) {
      skipped.push({ line, reason: `valori mancanti o fuori scala: ${bad.join(', ')}` });
      return;
    }
    students.push({
      line,
      school: get('school') || '?',
      sex: get('sex') || '?',
      address: get('address') || '?',
      absences: values.absences!,
      failures: values.failures!,
      g1: values.g1!,
      g3: values.g3!,
    });
  });
  return { students, skipped };
}

/** 0–20 → 0–10 on the line through 10 → 6 (both pass marks) and 20 → 10: v = 2 + 0,4 × g. */
export function mapGradeTo10(g: number): number {
  return 2 + 0.4 * g;
}

// A synthetic calendar for "the end of the first term": Monday–Friday, 6 hours a day, lessons
// from 15/09/2025 to 05/06/2026, term 1 ending on Friday 19/12/2025 (14 weeks of 38).
const HOURS_PER_DAY = 6;
const LESSONS_START = '2025-09-15';
const TERM1_END = '2025-12-19';
const LESSONS_END = '2026-06-05';

function lessonDays(from: string, to: string): string[] {
  const days: string[] = [];
  for (let d = new Date(`${from}T00:00:00Z`); d.toISOString().slice(0, 10) <= to; d.setUTCDate(d.getUTCDate() + 1)) {
    const wd = d.getUTCDay();
    if (wd !== 0 && wd !== 6) days.push(d.toISOString().slice(0, 10));
  }
  return days;
}
const TERM1_DAYS = lessonDays(LESSONS_START, TERM1_END);
const REMAINING: LessonDay[] = lessonDays('2025-12-20', LESSONS_END).map((date) => ({ date, hours: HOURS_PER_DAY }));
const ANNUAL_HOURS = (TERM1_DAYS.length + REMAINING.length) * HOURS_PER_DAY;

/**
 * One UCI row as the engine would see it at the end of term 1:
 * - `absences` is the year's count; read as lesson days, the term-1 share (70 of 190 days,
 *   rounded) becomes whole-day absences spread evenly over term 1 (no deroga, not justified);
 * - G1 becomes the term-1 scrutinio grade of MATEMATICA on the Italian scale;
 * - `failures` becomes that many past years `non_ammesso`;
 * - birth date and grade level are not known (age-grade delay not computable); no conduct grade.
 * Nothing of sex, address, school or family enters the input: they are only used for by_group.
 */
export function toRiskInput(s: UciStudent, classAverages: number[]): StudentRiskInput {
  const absentDays = Math.round((s.absences * TERM1_DAYS.length) / (TERM1_DAYS.length + REMAINING.length));
  const events: AttendanceEvent[] = [];
  for (let k = 0; k < Math.min(absentDays, TERM1_DAYS.length); k++) {
    const date = TERM1_DAYS[Math.floor((k * TERM1_DAYS.length) / absentDays)]!;
    events.push({ date, kind: 'assenza', hours: HOURS_PER_DAY, justified: false, deroga: null });
  }
  const weeks: WeekAttendance[] = [];
  for (let w = 0; w < TERM1_DAYS.length; w += 5) {
    const days = TERM1_DAYS.slice(w, w + 5);
    weeks.push({
      weekStart: days[0]!,
      hoursHeld: days.length * HOURS_PER_DAY,
      hoursAbsent: events.filter((e) => days.includes(e.date)).reduce((a, e) => a + e.hours, 0),
    });
  }
  return {
    asOf: TERM1_END,
    schoolYear: '2025/26',
    level: 'secondo_grado',
    gradeLevel: null,
    birthDate: null,
    lessonsStart: LESSONS_START,
    lessonsEnd: LESSONS_END,
    enrolledOn: LESSONS_START,
    annualHours: ANNUAL_HOURS,
    hoursHeldSoFar: TERM1_DAYS.length * HOURS_PER_DAY,
    remainingLessonDays: REMAINING,
    heldLessonDays: TERM1_DAYS.map((date) => ({ date, hours: HOURS_PER_DAY })),
    weeks,
    attendanceEvents: events,
    grades: [
      {
        date: TERM1_END,
        subject: 'MATEMATICA',
        value: mapGradeTo10(s.g1),
        inAverage: true,
        isConduct: false,
        termSeq: 1,
        kind: 'scrutinio',
      },
    ],
    currentTermSeq: 1,
    classAverages,
    history: Array.from({ length: s.failures }, (_, i) => ({
      schoolYear: `${2024 - i}/${String(25 - i).padStart(2, '0')}`,
      gradeLevel: 1,
      result: 'non_ammesso' as const,
    })),
    arrivalDate: null,
  };
}

type GroupRow = GroupErrors & Partial<Pick<Metrics, 'precision' | 'sensitivity' | 'auc'>>;

export interface UciValidation extends Metrics {
  format: 'uci';
  rule: string;
  /** Per level: students, share, failure rate and its Wilson 95 % interval (issue 18). */
  levels: LevelRow[];
  skipped: number;
  /** "G1 < 10 alone", the reference the default rule must match (issue 18). */
  g1_baseline: Metrics;
  /** The risk model (`fitRiskModel` on the indicators), out of fold; null on files too small to fold. */
  logistic:
    | (Metrics & {
        features: string[];
        folds: number;
        calibration: ReturnType<typeof calibrationTable>;
        cross_school: Metrics | null;
      })
    | null;
  /** Per grouping variable and value: FPR and FNR of the level ≥ 2 rule, their ratio to the best group; under 10 suppressed. */
  by_group: Record<string, Record<string, GroupRow>>;
  /** How the rule's accuracy against "G1 < 10 alone" holds on parts of the file (nothing of the rule is fitted to it). */
  stability: Stability | null;
}

interface Stability {
  /** 2 000 resamples with replacement (seeded): accuracy of the rule minus that of G1 < 10. */
  bootstrap: { resamples: number; mean: number; ci_low: number; ci_high: number; share_at_least_baseline: number };
  /** The rule and the baseline on each half of a split stratified by outcome, and on each school. */
  parts: { part: string; n: number; accuracy: number | null; g1_accuracy: number | null; sensitivity: number | null }[];
}

/** The metrics of the level ≥ 2 rule and the model on one file in the UCI format. */
export function validateUci(text: string, settings: RiskSettings = DEFAULT_RISK_SETTINGS): UciValidation {
  const { students, skipped } = parseUci(text);
  // The "class" for the z-score is the school: the only grouping the file has.
  const averagesBySchool = new Map<string, number[]>();
  const inputs = students.map((s) => toRiskInput(s, []));
  students.forEach((s, i) => {
    const avg = computeOverallAverage(inputs[i]!.grades, inputs[i]!.asOf, 1);
    if (avg !== null) averagesBySchool.set(s.school, [...(averagesBySchool.get(s.school) ?? []), avg]);
  });
  const assessments = students.map((s, i) =>
    assessStudent({ ...inputs[i]!, classAverages: averagesBySchool.get(s.school) ?? [] }, settings),
  );
  const y = students.map((s) => (s.g3 < 10 ? 1 : 0) as 0 | 1);
  const scored: Scored[] = assessments.map((a, i) => ({ y: y[i]!, score: a.score, predicted: a.tier >= 2 }));
  const baseline = computeMetrics(students.map((s, i) => ({ y: y[i]!, score: -s.g1, predicted: s.g1 < 10 })));

  // The risk model of the engine (shared/src/risk/risk-model.ts) on the indicators, out of fold:
  // stratified folds (every fold has the file's share of failures), no random draw.
  const indicators: MeasuredIndicator[][] = assessments.map((a) => a.indicators);
  const folds = 5;
  let probabilities: number[] | null = null;
  let crossSchool: Metrics | null = null;
  if (students.length >= folds * 2 && y.some((v) => v === 1) && y.some((v) => v === 0)) {
    const fold = stratifiedFolds(y, folds);
    probabilities = new Array<number>(students.length);
    for (let f = 0; f < folds; f++) {
      const train = students.map((_, i) => i).filter((i) => fold[i] !== f);
      const model = fitRiskModel(
        train.map((i) => ({ indicators: indicators[i]!, bad: y[i] === 1 })),
        { description: `fold ${f + 1}` },
      );
      for (let i = 0; i < students.length; i++)
        if (fold[i] === f) probabilities[i] = probabilityOf(indicators[i]!, model);
    }
    // Another cohort: fitted on the larger school, scored on the other one.
    const schools = [...new Set(students.map((s) => s.school))].sort((a, b) => count(students, b) - count(students, a));
    if (schools.length >= 2) {
      const train = students.map((_, i) => i).filter((i) => students[i]!.school === schools[0]);
      const test = students.map((_, i) => i).filter((i) => students[i]!.school !== schools[0]);
      const model = fitRiskModel(
        train.map((i) => ({ indicators: indicators[i]!, bad: y[i] === 1 })),
        { description: `scuola ${schools[0]}` },
      );
      crossSchool = computeMetrics(
        test.map((i) => {
          const p = probabilityOf(indicators[i]!, model);
          return { y: y[i]!, score: p, predicted: p >= 0.5, probability: p };
        }),
      );
    }
  }
  const modelScored: Scored[] | null = probabilities
    ? probabilities.map((p, i) => ({ y: y[i]!, score: p, predicted: p >= 0.5, probability: p }))
    : null;

  const groupsOf = (s: UciStudent) => ({ sex: s.sex, address: s.address, school: s.school });
  const errors = groupErrorRates(
    scored.map((x, i) => ({ y: x.y, predicted: x.predicted, groups: groupsOf(students[i]!) })),
  );
  const by_group: Record<string, Record<string, GroupRow>> = {};
  for (const g of ['sex', 'address', 'school'] as const) {
    by_group[g] = Object.fromEntries(
      Object.entries(errors[g] ?? {}).map(([value, e]) => {
        if ('suppressed' in e) return [value, e];
        const m = computeMetrics(scored.filter((_, i) => students[i]![g] === value));
        return [value, { ...e, precision: m.precision, sensitivity: m.sensitivity, auc: m.auc }];
      }),
    );
  }

  const overall = computeMetrics(scored);
  const model = modelScored ? computeMetrics(modelScored) : null;
  return {
    format: 'uci',
    ...overall,
    ...(model ? { brier: model.brier ?? null } : {}),
    rule: 'livello >= 2 predice G3 < 10; auc e precision_at_10pct sul punteggio del livello; brier dal modello logistico fuori campione',
    levels: levelTable(assessments.map((a, i) => ({ y: y[i]!, level: a.tier as Tier }))),
    skipped: skipped.length,
    g1_baseline: baseline,
    logistic:
      model && modelScored
        ? {
            ...model,
            features: [...RISK_FEATURES],
            folds,
            calibration: calibrationTable(
              modelScored.map((m) => ({ y: m.y, score: m.score, probability: m.probability! })),
            ),
            cross_school: crossSchool,
          }
        : null,
    by_group,
    stability: students.length >= 20 ? stabilityOf(students, scored, students.length) : null,
  };
}

function count(students: UciStudent[], school: string): number {
  return students.filter((s) => s.school === school).length;
}

/** Mulberry32: a small seeded generator, so the bootstrap gives the same figures every run. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function stabilityOf(students: UciStudent[], scored: Scored[], n: number): Stability {
  const g1 = students.map((s) => s.g1 < 10);
  const accuracy = (idx: number[], predicted: (i: number) => boolean) =>
    idx.length === 0 ? null : idx.filter((i) => predicted(i) === (scored[i]!.y === 1)).length / idx.length;
  const rule = (i: number) => scored[i]!.predicted;
  const base = (i: number) => g1[i]!;

  const random = seeded(18);
  const resamples = 2000;
  const diffs: number[] = [];
  for (let b = 0; b < resamples; b++) {
    const idx = Array.from({ length: n }, () => Math.floor(random() * n));
    diffs.push(accuracy(idx, rule)! - accuracy(idx, base)!);
  }
  diffs.sort((a, b) => a - b);

  const fold = stratifiedFolds(
    scored.map((s) => s.y),
    2,
  );
  const partOf = (name: string, idx: number[]) => {
    const m = computeMetrics(idx.map((i) => scored[i]!));
    return {
      part: name,
      n: idx.length,
      accuracy: accuracy(idx, rule),
      g1_accuracy: accuracy(idx, base),
      sensitivity: m.sensitivity,
    };
  };
  const all = students.map((_, i) => i);
  return {
    bootstrap: {
      resamples,
      mean: diffs.reduce((a, d) => a + d, 0) / resamples,
      ci_low: diffs[Math.floor(0.025 * resamples)]!,
      ci_high: diffs[Math.floor(0.975 * resamples)]!,
      share_at_least_baseline: diffs.filter((d) => d >= 0).length / resamples,
    },
    parts: [
      partOf(
        'metà 1 (stratificata)',
        all.filter((i) => fold[i] === 0),
      ),
      partOf(
        'metà 2 (stratificata)',
        all.filter((i) => fold[i] === 1),
      ),
      ...[...new Set(students.map((s) => s.school))].sort().map((school) =>
        partOf(
          `scuola ${school}`,
          all.filter((i) => students[i]!.school === school),
        ),
      ),
    ],
  };
}
