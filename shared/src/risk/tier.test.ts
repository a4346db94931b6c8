import { describe, expect, test } from 'vitest';
import { renderItalian } from './render-italian';
import type { RiskModel } from './risk-model';
import { DEFAULT_RISK_SETTINGS, type RiskSettings } from './settings';
import { computeTier, measureTier } from './tier';
import { INDICATOR_DOMAIN, type IndicatorKey, type MeasuredIndicator, type RiskLevel } from './types';

const ind = (key: IndicatorKey, level: RiskLevel, value: number | null = 1): MeasuredIndicator => ({
  key,
  domain: INDICATOR_DOMAIN[key],
  value,
  level,
});

describe('computeTier', () => {
  test.each([
    [[], 1],
    [[ind('attendance_rate', 'attention')], 1],
    [
      [ind('attendance_rate', 'attention'), ind('absence_projection', 'attention'), ind('late_entries', 'attention')],
      1,
    ], // one area only
    // Issue 18: attention in two areas no longer makes level 2 (a third of the demo region was there).
    [[ind('attendance_rate', 'attention'), ind('failing_subjects', 'attention')], 1],
    [[ind('failing_subjects', 'high')], 2],
    [[ind('failing_subjects', 'high'), ind('grade_average', 'high'), ind('grade_trend', 'high')], 2], // one weak area, counted once
    [[ind('failing_subjects', 'high'), ind('conduct', 'high')], 3],
    [[ind('absence_projection', 'high'), ind('school_history', 'high'), ind('conduct', 'attention')], 3], // past years count toward level 3
    [[ind('school_history', 'high'), ind('age_grade_delay', 'high')], 1], // past years alone never raise the level
    [[ind('school_history', 'high'), ind('attendance_rate', 'attention')], 1],
    [[ind('disengagement', 'high')], 3], // disengagement in progress: level 3 at once
    [[ind('disengagement', 'high'), ind('attendance_rate', 'ok'), ind('grade_average', 'ok', 8)], 3],
  ] as const)('when the indicators are %j, then level %i', (indicators, tier) => {
    expect(computeTier([...indicators], DEFAULT_RISK_SETTINGS).tier).toBe(tier);
  });

  test.each([
    [[], 'Livello 1: nessun segnale di rischio.'],
    [
      [ind('attendance_rate', 'attention'), ind('failing_subjects', 'high'), ind('conduct', 'ok')],
      'Livello 2: segnale alto in 1 area (rendimento), attenzione in 1 area (frequenza).',
    ],
    [
      [ind('failing_subjects', 'high'), ind('conduct', 'high')],
      'Livello 3: segnali alti in 2 aree (comportamento, rendimento).',
    ],
    [[ind('disengagement', 'high')], 'Livello 3: disimpegno in corso.'],
    [
      [ind('disengagement', 'high'), ind('grade_average', 'high', 5)],
      'Livello 3: disimpegno in corso, e segnali alti in 1 area (rendimento).',
    ],
    [
      [ind('conduct', 'attention'), ind('grade_average', 'attention', 6.2)],
      'Livello 1: nessun segnale alto; attenzione in 2 aree (comportamento, rendimento).',
    ],
    [
      [ind('school_history', 'high')],
      "Livello 1: nessun segnale alto nell'anno in corso; il percorso degli anni precedenti da solo non alza il livello.",
    ],
  ] as const)('when the indicators are %j, then the sentence says "%s" (never "Tier")', (indicators, sentence) => {
    const r = computeTier([...indicators], DEFAULT_RISK_SETTINGS);

    expect(renderItalian(r.message)).toBe(sentence);
  });

  test('when tier 2 comes from a high area, then reasons list high first', () => {
    const r = computeTier(
      [ind('attendance_rate', 'attention'), ind('failing_subjects', 'high'), ind('conduct', 'ok')],
      DEFAULT_RISK_SETTINGS,
    );

    expect(r.reasons.map((x) => [x.key, x.level])).toEqual([
      ['failing_subjects', 'high'],
      ['attendance_rate', 'attention'],
    ]);
  });

  test.each([
    [1, [ind('conduct', 'attention')], 2],
    [2, [ind('conduct', 'attention'), ind('attendance_rate', 'attention')], 2],
    [2, [ind('conduct', 'attention')], 1],
  ] as const)(
    'when the settings ask attention in %i areas for level 2 and the indicators are %j, then level %i',
    (areas, indicators, tier) => {
      const settings = {
        ...DEFAULT_RISK_SETTINGS,
        tier: { ...DEFAULT_RISK_SETTINGS.tier, tier2MinAttentionDomains: areas },
      };

      expect(computeTier([...indicators], settings).tier).toBe(tier);
    },
  );

  test('when two students share a level, then the score orders them by severity, then by lower average', () => {
    const a = computeTier(
      [ind('failing_subjects', 'high'), ind('grade_average', 'high', 5)],
      DEFAULT_RISK_SETTINGS,
    ).score;
    const b = computeTier(
      [ind('failing_subjects', 'high'), ind('grade_average', 'attention', 6.2)],
      DEFAULT_RISK_SETTINGS,
    ).score;
    const c = computeTier(
      [ind('failing_subjects', 'high'), ind('grade_average', 'attention', 6.4)],
      DEFAULT_RISK_SETTINGS,
    ).score;
    const tier3 = computeTier([ind('failing_subjects', 'high'), ind('conduct', 'high')], DEFAULT_RISK_SETTINGS).score;

    expect(a).toBeGreaterThan(b);
    expect(b).toBeGreaterThan(c);
    expect(Math.floor(c)).toBe(2);
    expect(tier3).toBeGreaterThan(a);
  });

  // A model on one feature, the overall average: log-odds = 0 at the mean 6.5, −2 per point above.
  const model: RiskModel = {
    kind: 'logistic',
    features: ['grade_average'],
    intercept: 0,
    coefficients: [-2],
    means: [6.5],
    sds: [1],
    ridge: 1,
    fittedOn: { description: 'test', students: 100, badOutcomes: 50 },
  };
  const byProbability: RiskSettings = {
    ...DEFAULT_RISK_SETTINGS,
    model,
    levels: { basis: 'probability', level2From: 0.3, level3From: 0.6 },
  };

  test.each([
    [8, 1], // p = σ(−3) ≈ 0.05
    [6.5, 2], // p = 0.5
    [6, 3], // p = σ(1) ≈ 0.73
  ] as const)('when the levels follow the probability and the average is %f, then level %i', (average, tier) => {
    const r = computeTier([ind('grade_average', 'ok', average)], byProbability);

    expect(r.tier).toBe(tier);
    expect(renderItalian(r.message)).toMatch(new RegExp(`^Livello ${tier}: probabilità stimata di esito negativo`));
  });

  test('when the levels follow the probability, then disengagement is still level 3', () => {
    expect(computeTier([ind('grade_average', 'ok', 9), ind('disengagement', 'high')], byProbability).tier).toBe(3);
  });

  test('when the settings have a model but the levels follow the rules, then the probability is given beside the rule level', () => {
    const r = computeTier([ind('grade_average', 'ok', 6.5)], { ...DEFAULT_RISK_SETTINGS, model });

    expect(r.tier).toBe(1);
    expect(r.probability).toBeCloseTo(0.5, 10);
  });

  test.each([
    [[], DEFAULT_RISK_SETTINGS],
    [[ind('failing_subjects', 'high'), ind('attendance_rate', 'attention')], DEFAULT_RISK_SETTINGS],
    [
      [ind('absence_projection', 'high'), ind('school_history', 'high'), ind('grade_average', 'high', 4.5)],
      DEFAULT_RISK_SETTINGS,
    ],
    [[ind('disengagement', 'high'), ind('conduct', 'attention')], DEFAULT_RISK_SETTINGS],
    [[ind('grade_average', 'ok', 6.5)], { ...DEFAULT_RISK_SETTINGS, model }],
    [[ind('grade_average', 'ok', 6)], byProbability],
  ])(
    'measureTier: when the indicators are %j, then computeTier without its reasons and message',
    (indicators, settings) => {
      const { reasons, message, ...level } = computeTier(indicators, settings);

      expect(message).toBeDefined();
      expect(reasons).toBeInstanceOf(Array);
      expect(measureTier(indicators, settings)).toEqual(level);
    },
  );
});
