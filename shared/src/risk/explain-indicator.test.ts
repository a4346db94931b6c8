import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { assessStudent, measureStudent } from './assess-student';
import { explainStored } from './explain-indicator';
import { randomStudent, settingsVariant } from './test-arbitraries';
import { aStudent } from './test-input';

describe('sentences composed when read (explainStored) are those assessStudent composes', () => {
  test('property: a measured assessment stored as JSON and read back gives the same indicators, sentences, reasons and tier explanation', () => {
    let withReasons = 0;
    fc.assert(
      fc.property(randomStudent, settingsVariant, (input, settings) => {
        const expected = assessStudent(input, settings);
        const measured = measureStudent(input, settings);
        // As the recompute stores them (risk_result.indicators) and a list reads them.
        const stored = JSON.parse(JSON.stringify(measured.indicators));

        const read = explainStored(stored, settings);

        expect(read.indicators).toEqual(JSON.parse(JSON.stringify(expected.indicators)));
        expect(read.reasons).toEqual(expected.reasons);
        expect(read.tierExplanation).toBe(expected.tierExplanation);
        expect(measured.tier).toBe(expected.tier);
        if (expected.reasons.length > 0) withReasons++;
      }),
      { numRuns: 1_500 },
    );
    expect(withReasons).toBeGreaterThan(300);
  });

  test('only age_grade_delay keeps its sentence in what is stored (its wording reads the arrival date)', () => {
    const input = aStudent({ overrides: { birthDate: '2007-05-01', gradeLevel: 2, level: 'secondo_grado', arrivalDate: '2024-10-01' } });

    const stored = measureStudent(input).indicators;

    expect(stored.filter((i) => i.explanation !== undefined).map((i) => i.key)).toEqual(['age_grade_delay']);
    expect(stored.find((i) => i.key === 'age_grade_delay')!.explanation).toContain('01/10/2024');
  });
});
