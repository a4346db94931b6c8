import { expect, test } from 'vitest';
import { RiskSettingsInput } from '@primm/shared/contracts/risk';
import { DEFAULT_RISK_SETTINGS } from '@primm/shared/risk/settings';
import { ALL_FIELDS, errorsByField, parseNumberField, toFormValues, toSettingsInput } from './threshold-fields';

const { version: _version, levels: _levels, model: _model, ...defaults } = DEFAULT_RISK_SETTINGS;

test('threshold fields: when compared with the defaults, then every threshold of RiskSettings has a field', () => {
  const leaves = Object.values(defaults).flatMap((group) => Object.keys(group));

  expect(ALL_FIELDS.map((f) => f.key)).toEqual(leaves);
});

test.each([
  ['95', 95],
  ['6,5', 6.5],
  ['6.5', 6.5],
  [' 60 ', 60],
  ['-0,3', -0.3],
  ['−1', -1], // typographic minus, as a word processor writes it
  ['', Number.NaN],
  ['abc', Number.NaN],
  ['1.000', 1], // a point is a decimal separator, never grouping: thresholds are small numbers
  ['6,5,1', Number.NaN],
])('parseNumberField: %j → %d', (text, expected) => {
  expect(parseNumberField(text)).toBe(expected);
});

test('toFormValues: when the defaults are shown in Italian, then shares read as percentages and decimals with a comma', () => {
  const values = toFormValues(defaults, 'it');

  expect(values['attendance.satisfactoryRate']).toBe('95');
  expect(values['trend.attentionMinRecentShare']).toBe('10');
  expect(values['grades.averageAttentionBelow']).toBe('6,5');
  expect(values['grades.slopeAttentionBelow']).toBe('-0,3');
  expect(values['grades.coreSubjects']).toBe('ITALIANO\nMATEMATICA\nLINGUA E LETTERATURA ITALIANA');
});

test('toSettingsInput: when the shown defaults are read back, then they are the defaults exactly (no 0.07 × 100 drift)', () => {
  expect(toSettingsInput(toFormValues(defaults, 'it'))).toEqual(defaults);
  expect(toSettingsInput(toFormValues(defaults, 'en'))).toEqual(defaults);
});

test.each([
  ['33,3', 0.333],
  ['7', 0.07],
  ['95 %', 0.95], // the sign the page shows beside the value
  ['12.5', 0.125],
])('toSettingsInput: a share typed as %j is sent as %d', (typed, share) => {
  const values = { ...toFormValues(defaults, 'it'), 'projection.attentionAboveShare': typed };

  expect(toSettingsInput(values).projection.attentionAboveShare).toBe(share);
});

test('toSettingsInput: when subjects are typed one a line with blanks, then the list is trimmed and blank lines dropped', () => {
  const values = { ...toFormValues(defaults, 'it'), 'grades.coreSubjects': ' Italiano \n\nMatematica\n' };

  expect(toSettingsInput(values).grades.coreSubjects).toEqual(['Italiano', 'Matematica']);
});

test('errorsByField: when the contract refuses a share, a whole number and a text, then one error a field with its bound', () => {
  const values = {
    ...toFormValues(defaults, 'it'),
    'attendance.satisfactoryRate': '120',
    'trend.recentWeeks': '2,5',
    'grades.passMark': 'sei',
    'tier.tier2MinHighDomains': '0',
  };

  const result = RiskSettingsInput.safeParse(toSettingsInput(values));

  expect(result.success).toBe(false);
  expect(errorsByField(result.error!.issues)).toEqual({
    'attendance.satisfactoryRate': { key: 'riskSettings.errors.max', bound: 1 },
    'trend.recentWeeks': { key: 'riskSettings.errors.integer' },
    'grades.passMark': { key: 'riskSettings.errors.number' },
    'tier.tier2MinHighDomains': { key: 'riskSettings.errors.above', bound: 0 }, // positive(): > 0
  });
});
