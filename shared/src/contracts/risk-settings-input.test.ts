import { describe, expect, test } from 'vitest';
import { DEFAULT_RISK_SETTINGS } from '../risk/settings';
import { RiskSettingsInput } from './risk';

const { version: _version, ...defaults } = DEFAULT_RISK_SETTINGS;
/** The defaults with one section's values replaced. */
const withValues = (section: keyof typeof defaults, values: Record<string, number>) => ({
  ...defaults,
  [section]: { ...defaults[section], ...values },
});

describe('RiskSettingsInput: thresholds in an order where every level can fire', () => {
  test('when the defaults, then accepted', () => {
    expect(RiskSettingsInput.safeParse(defaults).success).toBe(true);
  });

  test.each([
    ['attendance', { attentionBelowRate: 0.8, highBelowRate: 0.9 }, 'attendance.highBelowRate'],
    ['attendance', { satisfactoryRate: 0.85 }, 'attendance.attentionBelowRate'],
    ['projection', { attentionAboveShare: 0.3 }, 'projection.attentionAboveShare'],
    ['trend', { attentionDeltaPoints: 12 }, 'trend.attentionDeltaPoints'],
    ['trend', { highMinRecentShare: 0.05 }, 'trend.attentionMinRecentShare'],
    ['trend', { recentWeeks: 8 }, 'trend.recentWeeks'],
    ['lateEntries', { attentionPerWeek: 2 }, 'lateEntries.attentionPerWeek'],
    ['grades', { averageHighBelow: 7 }, 'grades.averageHighBelow'],
    ['grades', { slopeHighBelow: -0.1 }, 'grades.slopeHighBelow'],
    ['conduct', { highAtOrBelow: 8 }, 'conduct.highAtOrBelow'],
    ['history', { repeatedAttention: 3 }, 'history.repeatedAttention'],
    ['history', { suspendedHigh: 0 }, 'history.suspendedAttention'],
    ['tier', { tier2MinHighDomains: 3 }, 'tier.tier2MinHighDomains'],
    ['levels', { level2From: 0.7 }, 'levels.level2From'],
  ] as const)('when %s has %j, then refused at %s with a sentence in Italian', (section, values, path) => {
    const result = RiskSettingsInput.safeParse(withValues(section, values));
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => [i.path.join('.'), i.code])).toEqual([[path, 'custom']]);
    expect(result.error!.issues[0]!.message).toMatch(
      /soglia|aumento|quota|settimane|frequenza|media|calo|voto|anni|giudizi|aree|probabilità/,
    );
  });

  test('when two thresholds are equal, then accepted (a level may start where the other does)', () => {
    expect(
      RiskSettingsInput.safeParse(withValues('conduct', { highAtOrBelow: 7, attentionAtOrBelow: 7 })).success,
    ).toBe(true);
  });
});
