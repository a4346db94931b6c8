import { z } from 'zod';
import { fitLogistic, predictLogistic, type FitOptions } from './logistic';
import type { IndicatorKey, MeasuredIndicator } from './types';

/**
 * The calibrated probability of issue 18: a logistic model on the indicators' values, fitted on
 * past cohorts (`fitRiskModel`), stored with the settings version (`RiskSettings.model`), read by
 * `probabilityOf`. Never an input: citizenship, birthplace, NAI, L2 (they are not in the
 * indicators). Features the data did not have (no conduct grades, say) get no spread and the
 * ridge keeps their coefficient at 0.
 */
export const RISK_FEATURES = [
  'absence_share',
  'recent_absence_share',
  'late_per_week',
  'conduct_grade',
  'failing_subjects',
  'grade_average',
  'grade_slope',
  'years_not_passed',
  'suspended_judgements',
  'disengaged',
] as const;
export type RiskFeature = (typeof RISK_FEATURES)[number];

export const RiskModel = z
  .object({
    kind: z.literal('logistic'),
    features: z.array(z.enum(RISK_FEATURES)).min(1),
    intercept: z.number(),
    coefficients: z.array(z.number()),
    means: z.array(z.number()),
    sds: z.array(z.number().positive()),
    ridge: z.number().nonnegative(),
    /** What it was fitted on, said to users beside the probability. */
    fittedOn: z.object({
      description: z.string(),
      students: z.number().int().nonnegative(),
      badOutcomes: z.number().int().nonnegative(),
    }),
  })
  .refine(
    (m) =>
      m.coefficients.length === m.features.length &&
      m.means.length === m.features.length &&
      m.sds.length === m.features.length,
    {
      message: 'un coefficiente, una media e una deviazione standard per variabile',
    },
  );
export type RiskModel = z.infer<typeof RiskModel>;

type Values = Pick<MeasuredIndicator, 'key' | 'value' | 'level' | 'details'>;

/** The features of a student from their indicators; null where an indicator could not be computed. */
export function featuresOf(indicators: Values[]): Record<RiskFeature, number | null> {
  const byKey = new Map<IndicatorKey, Values>();
  for (const i of indicators) byKey.set(i.key, i);
  const value = (key: IndicatorKey) => byKey.get(key)?.value ?? null;
  const detail = (key: IndicatorKey, name: string) => {
    const v = byKey.get(key)?.details?.[name];
    return typeof v === 'number' ? v : null;
  };
  const rate = value('attendance_rate');
  const disengagement = byKey.get('disengagement');
  return {
    absence_share: rate === null ? null : 1 - rate,
    recent_absence_share: detail('attendance_trend', 'recentShare'),
    late_per_week: value('late_entries'),
    conduct_grade: value('conduct'),
    failing_subjects: value('failing_subjects'),
    grade_average: value('grade_average'),
    grade_slope: value('grade_trend'),
    years_not_passed: value('school_history'),
    suspended_judgements: detail('school_history', 'suspended'),
    disengaged: disengagement ? (disengagement.level === 'high' ? 1 : 0) : null,
  };
}

/** A feature row with the model's means in place of the missing values (the "average student" there). */
function rowOf(indicators: Values[], features: readonly RiskFeature[], means: readonly number[]): number[] {
  const f = featuresOf(indicators);
  return features.map((name, j) => f[name] ?? means[j]!);
}

/** The probability of a bad outcome for a student with these indicators. */
export function probabilityOf(indicators: Values[], model: RiskModel): number {
  return predictLogistic(model, rowOf(indicators, model.features, model.means));
}

export interface FitRiskModelOptions extends FitOptions {
  features?: readonly RiskFeature[];
  description: string;
}

/**
 * Fits the model on past students: their indicators as known at the cut date and whether the
 * year ended badly (not admitted, withdrawn, dropped out). Missing values take the feature's mean
 * over the students who have it.
 */
export function fitRiskModel(
  students: { indicators: Values[]; bad: boolean }[],
  options: FitRiskModelOptions,
): RiskModel {
  const features = options.features ?? RISK_FEATURES;
  const ridge = options.ridge ?? 1;
  const raw = students.map((s) => featuresOf(s.indicators));
  const means = features.map((name) => {
    const known = raw.map((r) => r[name]).filter((v): v is number => v !== null);
    return known.length > 0 ? known.reduce((a, v) => a + v, 0) / known.length : 0;
  });
  const x = raw.map((r) => features.map((name, j) => r[name] ?? means[j]!));
  const y: number[] = students.map((s) => (s.bad ? 1 : 0));
  const fit = fitLogistic(x, y, { ridge, ...(options.iterations ? { iterations: options.iterations } : {}) });
  return RiskModel.parse({
    kind: 'logistic',
    features: [...features],
    intercept: fit.intercept,
    coefficients: fit.coefficients,
    means: fit.means,
    sds: fit.sds,
    ridge,
    fittedOn: {
      description: options.description,
      students: students.length,
      badOutcomes: y.reduce((a, v) => a + v, 0),
    },
  });
}
