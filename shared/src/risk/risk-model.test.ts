import { describe, expect, test } from 'vitest';
import { fitRiskModel, featuresOf, probabilityOf, RiskModel } from './risk-model';
import { DEFAULT_RISK_SETTINGS, RiskSettings } from './settings';
import { INDICATOR_DOMAIN, type IndicatorKey, type MeasuredIndicator, type RiskLevel } from './types';

const ind = (
  key: IndicatorKey,
  value: number | null,
  level: RiskLevel = 'ok',
  details?: Record<string, unknown>,
): MeasuredIndicator => ({ key, domain: INDICATOR_DOMAIN[key], value, level, ...(details ? { details } : {}) });

describe('featuresOf', () => {
  test('when the indicators are known, then each feature reads its value; missing ones are null', () => {
    const f = featuresOf([
      ind('attendance_rate', 0.85),
      ind('grade_average', 5.5),
      ind('school_history', 1, 'attention', { notAdmitted: 1, left: 0, suspended: 2, years: 3 }),
      ind('disengagement', 0.9, 'high'),
    ]);

    expect(f).toMatchObject({
      absence_share: expect.closeTo(0.15, 10),
      grade_average: 5.5,
      years_not_passed: 1,
      suspended_judgements: 2,
      disengaged: 1,
      conduct_grade: null,
    });
  });
});

describe('fitRiskModel / probabilityOf', () => {
  // Students whose outcome is bad exactly when their average is below 6 (with a few exceptions),
  // and whose absence is unrelated: the model must lean on the average.
  const students = Array.from({ length: 200 }, (_, i) => {
    const average = 4 + (i % 50) / 10; // 4,0 … 8,9
    const bad = average < 6 ? i % 10 !== 0 : i % 10 === 0;
    return { indicators: [ind('grade_average', average), ind('attendance_rate', 0.9 + (i % 7) / 100)], bad };
  });
  const model = fitRiskModel(students, {
    description: 'costruito',
    features: ['grade_average', 'absence_share', 'conduct_grade'],
  });

  test('when fitted, then the model validates against its schema and can be stored with the settings', () => {
    expect(RiskModel.parse(JSON.parse(JSON.stringify(model)))).toEqual(model);
    expect(RiskSettings.parse({ ...DEFAULT_RISK_SETTINGS, model }).model).toEqual(model);
    expect(model.fittedOn).toEqual({ description: 'costruito', students: 200, badOutcomes: 84 }); // 72 below 6, 12 exceptions above
  });

  test('when a feature was never known (no conduct grade), then its coefficient is 0', () => {
    expect(model.coefficients[2]).toBe(0);
  });

  test.each([
    [4.5, 0.7, 1],
    [7.5, 0, 0.3],
  ])('when the average is %f, then the probability is between %f and %f', (average, low, high) => {
    const p = probabilityOf([ind('grade_average', average), ind('attendance_rate', 0.95)], model);

    expect(p).toBeGreaterThanOrEqual(low);
    expect(p).toBeLessThanOrEqual(high);
  });

  test('when an indicator is missing, then the model takes the mean there (not 0)', () => {
    const withMean = probabilityOf(
      [ind('grade_average', model.means[0]!), ind('attendance_rate', 1 - model.means[1]!)],
      model,
    );

    expect(probabilityOf([], model)).toBeCloseTo(withMean, 12);
  });

  test('when the coefficients do not match the features, then the schema refuses the model', () => {
    expect(RiskModel.safeParse({ ...model, coefficients: [1] }).success).toBe(false);
  });
});
