import { assessStudent } from '../../shared/src/risk/assess-student';
import { computeOverallAverage } from '../../shared/src/risk/subject-averages';
import { DEFAULT_RISK_SETTINGS, type RiskSettings } from '../../shared/src/risk/settings';
import type { AttendanceEvent, LessonDay, StudentRiskInput, WeekAttendance } from '../../shared/src/risk/types';
import { crossValidatedProbabilities } from './logistic';
import { computeMetrics, type Metrics, type Scored } from './metrics';
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
    const values = { absences: num('absences', 0, 366), failures: num('failures', 0, 4), g1: num('G1', 0, 20), g3: num('G3', 0, 20) };
    const bad = Object.entries(values).filter(([, v]) => v === null).map(([k]) => k);
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
    weeks,
    attendanceEvents: events,
    grades: [{ date: TERM1_END, subject: 'MATEMATICA', value: mapGradeTo10(s.g1), inAverage: true, isConduct: false, termSeq: 1, kind: 'scrutinio' }],
    currentTermSeq: 1,
    classAverages,
    history: Array.from({ length: s.failures }, (_, i) => ({ schoolYear: `${2024 - i}/${String(25 - i).padStart(2, '0')}`, gradeLevel: 1, result: 'non_ammesso' as const })),
    arrivalDate: null,
  };
}

export interface UciValidation extends Metrics {
  format: 'uci';
  rule: string;
  tiers: Record<'1' | '2' | '3', number>;
  skipped: number;
  logistic: (Metrics & { features: string[]; folds: number }) | null;
  by_group: Record<string, Record<string, Metrics>>;
}

/** Runs the tier rule (tier ≥ 2 predicts G3 < 10) and the cross-validated logistic model. */
export function validateUci(text: string, settings: RiskSettings = DEFAULT_RISK_SETTINGS): UciValidation {
  const { students, skipped } = parseUci(text);
  // The "class" for the z-score is the school: the only grouping the file has.
  const averagesBySchool = new Map<string, number[]>();
  const inputs = students.map((s) => toRiskInput(s, []));
  students.forEach((s, i) => {
    const avg = computeOverallAverage(inputs[i]!.grades, inputs[i]!.asOf, 1);
    if (avg !== null) averagesBySchool.set(s.school, [...(averagesBySchool.get(s.school) ?? []), avg]);
  });
  const assessments = students.map((s, i) => assessStudent({ ...inputs[i]!, classAverages: averagesBySchool.get(s.school) ?? [] }, settings));
  const y = students.map((s) => (s.g3 < 10 ? 1 : 0) as 0 | 1);

  // Model features: what the engine reads, as numbers (grade, years repeated, absence share).
  const features = ['voto_matematica_t1', 'anni_ripetuti', 'quota_assenze_t1'];
  const x = inputs.map((inp) => [
    inp.grades[0]?.value ?? 6,
    inp.history.length,
    inp.attendanceEvents.reduce((a, e) => a + e.hours, 0) / inp.hoursHeldSoFar,
  ]);
  const folds = 5;
  const probabilities = students.length >= folds * 2 ? crossValidatedProbabilities(x, y, folds) : null;

  const scored: Scored[] = assessments.map((a, i) => ({ y: y[i]!, score: a.score, predicted: a.tier >= 2 }));
  const modelScored: Scored[] | null = probabilities
    ? probabilities.map((p, i) => ({ y: y[i]!, score: p, predicted: p >= 0.5, probability: p }))
    : null;

  const by_group: Record<string, Record<string, Metrics>> = {};
  for (const g of GROUPS) {
    const values = [...new Set(students.map((s) => s[g]))].sort();
    by_group[g] = Object.fromEntries(
      values.map((v) => {
        const idx = students.map((s, i) => (s[g] === v ? i : -1)).filter((i) => i >= 0);
        const m = computeMetrics(idx.map((i) => scored[i]!));
        const model = modelScored ? computeMetrics(idx.map((i) => modelScored[i]!)) : null;
        return [v, { ...m, ...(model ? { brier: model.brier ?? null, logistic_auc: model.auc } : {}) }];
      }),
    );
  }
  const tiers = { '1': 0, '2': 0, '3': 0 };
  for (const a of assessments) tiers[String(a.tier) as '1' | '2' | '3']++;
  const overall = computeMetrics(scored);
  const model = modelScored ? computeMetrics(modelScored) : null;
  return {
    format: 'uci',
    ...overall,
    ...(model ? { brier: model.brier ?? null } : {}),
    rule: 'tier >= 2 predice G3 < 10; auc e precision_at_10pct sul punteggio del tier; brier dal modello logistico',
    tiers,
    skipped: skipped.length,
    logistic: model ? { ...model, features, folds } : null,
    by_group,
  };
}
