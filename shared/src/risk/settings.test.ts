import { describe, expect, test } from 'vitest';
import { DEFAULT_RISK_SETTINGS, RiskSettings } from './settings';

describe('RiskSettings', () => {
  test('when parsed from a stored version with only some thresholds, then the rest take the defaults', () => {
    const s = RiskSettings.parse({
      version: 2,
      attendance: {},
      projection: { attentionAboveShare: 0.18 },
      trend: {},
      lateEntries: {},
      grades: {},
      conduct: {},
      history: {},
      tier: {},
    });

    expect(s.projection).toEqual({ ...DEFAULT_RISK_SETTINGS.projection, attentionAboveShare: 0.18 });
  });

  test('when a share is out of range, then it is refused', () => {
    expect(
      RiskSettings.safeParse({
        ...DEFAULT_RISK_SETTINGS,
        projection: { ...DEFAULT_RISK_SETTINGS.projection, maxAbsenceShare: 25 },
      }).success,
    ).toBe(false);
  });

  test('the defaults carry the legal limit of ¾ attendance', () => {
    expect(DEFAULT_RISK_SETTINGS.projection.maxAbsenceShare).toBe(0.25);
  });
});
