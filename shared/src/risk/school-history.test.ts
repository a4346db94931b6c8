import { describe, expect, test } from 'vitest';
import { schoolHistory } from './school-history';
import { DEFAULT_RISK_SETTINGS } from './settings';
import type { HistoryEntry, HistoryResult } from './types';

const h = (...results: HistoryResult[]): HistoryEntry[] =>
  results.map((result, i) => ({ schoolYear: `${2024 - i}/${25 - i}`, gradeLevel: 1, result }));

describe('schoolHistory', () => {
  test.each([
    [[], 0, 'ok'],
    [['ammesso', 'ammesso'], 0, 'ok'],
    [['trasferito', 'ammesso'], 0, 'ok'], // a transfer is not a failure
    [['sospensione_giudizio'], 0, 'attention'],
    [['sospensione_giudizio', 'sospensione_giudizio', 'sospensione_giudizio'], 0, 'high'],
    [['non_ammesso'], 1, 'attention'],
    [['ritirato', 'ammesso'], 1, 'attention'], // a withdrawn year is a year not passed
    [['non_ammesso', 'non_ammesso'], 2, 'high'],
  ] as const)('when the outcomes are %j, then %i years not passed, %s', (results, n, level) => {
    expect(schoolHistory({ history: h(...results) }, DEFAULT_RISK_SETTINGS)).toMatchObject({ value: n, level });
  });

  test.each([
    [['ammesso'], "Nell'anno precedente registrato: nessuna bocciatura né giudizio sospeso."],
    [['ammesso', 'trasferito', 'ammesso'], 'Nei 3 anni precedenti registrati: nessuna bocciatura né giudizio sospeso.'],
  ] as const)(
    'when the outcomes are %j and all good, then the sentence says so with the right article',
    (results, sentence) => {
      expect(schoolHistory({ history: h(...results) }, DEFAULT_RISK_SETTINGS).explanation).toBe(sentence);
    },
  );

  test('when there are failures and suspensions, then the sentence lists both', () => {
    expect(
      schoolHistory({ history: h('non_ammesso', 'sospensione_giudizio', 'abbandono') }, DEFAULT_RISK_SETTINGS)
        .explanation,
    ).toBe('Negli anni precedenti: 1 anno non ammesso, 1 anno interrotto (ritiro o abbandono), 1 giudizio sospeso.');
  });
});
