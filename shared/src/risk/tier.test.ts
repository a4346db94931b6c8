import { describe, expect, test } from 'vitest';
import { DEFAULT_RISK_SETTINGS } from './settings';
import { computeTier } from './tier';
import { INDICATOR_DOMAIN, type Indicator, type IndicatorKey, type RiskLevel } from './types';

const ind = (key: IndicatorKey, level: RiskLevel, value: number | null = 1): Indicator => ({
  key,
  domain: INDICATOR_DOMAIN[key],
  value,
  level,
  explanation: `${key} ${level}`,
});

describe('computeTier', () => {
  test.each([
    [[], 1],
    [[ind('attendance_rate', 'attention')], 1],
    [[ind('attendance_rate', 'attention'), ind('absence_projection', 'attention'), ind('late_entries', 'attention')], 1], // one area only
    [[ind('attendance_rate', 'attention'), ind('failing_subjects', 'attention')], 2], // two areas
    [[ind('failing_subjects', 'high')], 2],
    [[ind('failing_subjects', 'high'), ind('grade_average', 'high'), ind('grade_trend', 'high')], 2], // one weak area, counted once
    [[ind('failing_subjects', 'high'), ind('conduct', 'high')], 3],
    [[ind('absence_projection', 'high'), ind('school_history', 'high'), ind('conduct', 'attention')], 3],
  ] as const)('when the indicators are %j, then tier %i', (indicators, tier) => {
    expect(computeTier([...indicators], DEFAULT_RISK_SETTINGS).tier).toBe(tier);
  });

  test('when tier 2 comes from a high area, then reasons list high first and the sentence names the areas', () => {
    const r = computeTier([ind('attendance_rate', 'attention'), ind('failing_subjects', 'high'), ind('conduct', 'ok')], DEFAULT_RISK_SETTINGS);

    expect(r.reasons.map((x) => [x.key, x.level])).toEqual([
      ['failing_subjects', 'high'],
      ['attendance_rate', 'attention'],
    ]);
    expect(r.explanation).toBe('Tier 2: segnale alto in 1 area (rendimento), attenzione in 1 area (frequenza).');
  });

  test('when the settings change, then the tier follows them', () => {
    const strict = { ...DEFAULT_RISK_SETTINGS, tier: { ...DEFAULT_RISK_SETTINGS.tier, tier2MinAttentionDomains: 1 } };

    expect(computeTier([ind('conduct', 'attention')], strict).tier).toBe(2);
  });

  test('when two students share a tier, then the score orders them by severity, then by lower average', () => {
    const a = computeTier([ind('failing_subjects', 'high'), ind('grade_average', 'high', 5)], DEFAULT_RISK_SETTINGS).score;
    const b = computeTier([ind('failing_subjects', 'high'), ind('grade_average', 'attention', 6.2)], DEFAULT_RISK_SETTINGS).score;
    const c = computeTier([ind('failing_subjects', 'high'), ind('grade_average', 'attention', 6.4)], DEFAULT_RISK_SETTINGS).score;
    const tier3 = computeTier([ind('failing_subjects', 'high'), ind('conduct', 'high')], DEFAULT_RISK_SETTINGS).score;

    expect(a).toBeGreaterThan(b);
    expect(b).toBeGreaterThan(c);
    expect(Math.floor(c)).toBe(2);
    expect(tier3).toBeGreaterThan(a);
  });
});
