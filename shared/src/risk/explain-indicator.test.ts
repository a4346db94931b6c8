import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { assessStudent, measureStudent } from './assess-student';
import { describeIndicators, explainStored } from './explain-indicator';
import { renderItalian } from './render-italian';
import { DEFAULT_RISK_SETTINGS } from './settings';
import { randomStudent, settingsVariant } from './test-arbitraries';
import { aStudent } from './test-input';

describe('sentences composed when read (explainStored) are those assessStudent composes', () => {
  test('property: a measured assessment stored as JSON and read back gives the same indicators, messages, sentences, reasons and level sentence', () => {
    let withReasons = 0;
    fc.assert(
      fc.property(randomStudent, settingsVariant, (input, settings) => {
        const expected = assessStudent(input, settings);
        const measured = measureStudent(input, settings);
        // As the recompute stores them (risk_result.indicators) and a list reads them.
        const stored = JSON.parse(JSON.stringify(measured.indicators));

        const read = explainStored(stored, settings);

        expect(read.indicators).toEqual(JSON.parse(JSON.stringify(expected.indicators)));
        expect(read.reasons).toEqual(JSON.parse(JSON.stringify(expected.reasons)));
        expect(read.tierExplanation).toBe(expected.tierExplanation);
        expect(read.tierMessage).toEqual(expected.tierMessage);
        for (const i of read.indicators) expect(renderItalian(i.message)).toBe(i.explanation);
        // what the lists carry: the same messages, not worded
        expect(describeIndicators(stored, settings)).toEqual(read.indicators.map(({ explanation: _e, ...i }) => i));
        expect(measured.tier).toBe(expected.tier);
        if (expected.reasons.length > 0) withReasons++;
      }),
      // Sized to run well under a second; the shapes each branch stores are covered by fixed cases.
      { numRuns: 150 },
    );
    expect(withReasons).toBeGreaterThan(30);
  });

  test('only age_grade_delay keeps its message in what is stored (its wording reads the arrival date)', () => {
    const input = aStudent({
      overrides: { birthDate: '2007-05-01', gradeLevel: 2, level: 'secondo_grado', arrivalDate: '2024-10-01' },
    });

    const stored = measureStudent(input).indicators;

    expect(stored.filter((i) => i.message !== undefined || i.explanation !== undefined).map((i) => i.key)).toEqual([
      'age_grade_delay',
    ]);
    expect(renderItalian(stored.find((i) => i.key === 'age_grade_delay')!.message!)).toContain('01/10/2024');
  });

  test('a row stored before messages, with the Italian sentence of age_grade_delay, reads back with that sentence', () => {
    const legacy = [
      {
        key: 'age_grade_delay' as const,
        domain: 'percorso' as const,
        value: 0,
        level: 'ok' as const,
        explanation: "In pari con l'anno di corso previsto per l'età.",
      },
    ];

    const read = explainStored(legacy, DEFAULT_RISK_SETTINGS);

    expect(read.indicators[0]).toMatchObject({
      explanation: "In pari con l'anno di corso previsto per l'età.",
      message: { key: 'explain.verbatim' },
    });
    // a list carries that sentence as a verbatim message, and no stored sentence beside it
    expect(describeIndicators(legacy, DEFAULT_RISK_SETTINGS)).toEqual([
      {
        key: 'age_grade_delay',
        domain: 'percorso',
        value: 0,
        level: 'ok',
        message: { key: 'explain.verbatim', params: { text: "In pari con l'anno di corso previsto per l'età." } },
      },
    ]);
  });
});
