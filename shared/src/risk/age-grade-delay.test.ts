import { describe, expect, test } from 'vitest';
import { ageGradeDelay, measureAgeGradeDelay } from './age-grade-delay';
import { DEFAULT_RISK_SETTINGS } from './settings';
import type { HistoryEntry, StudentRiskInput } from './types';

type Input = Parameters<typeof ageGradeDelay>[0];
const base: Input = {
  schoolYear: '2025/26',
  level: 'secondo_grado',
  gradeLevel: 1,
  birthDate: '2011-06-01',
  history: [],
  arrivalDate: null,
};
const failed = (n: number): HistoryEntry[] =>
  Array.from({ length: n }, (_, i) => ({ schoolYear: `${2024 - i}/${25 - i}`, gradeLevel: 1, result: 'non_ammesso' }));

describe('ageGradeDelay', () => {
  test.each([
    // 2025/26, first year of secondo grado: expected birth year 2011
    [{}, 0, 'ok'],
    [{ birthDate: '2012-02-01' }, 0, 'ok'], // "anticipatario": ahead, not delayed
    [{ birthDate: '2010-12-31' }, 1, 'ok'], // one year behind, no recorded failure
    [{ birthDate: '2010-03-01', history: failed(1) }, 1, 'attention'],
    [{ birthDate: '2009-03-01', history: failed(2) }, 2, 'high'],
    [{ birthDate: '2009-03-01', history: failed(1), arrivalDate: '2022-09-01' }, 2, 'attention'], // 1 repeated + 1 placement
    [{ birthDate: '2009-03-01', arrivalDate: '2024-01-15' }, 2, 'ok'], // placement on arrival only
    [{ level: 'primo_grado', gradeLevel: 3, birthDate: '2012-05-05' }, 0, 'ok'], // 3ª media in 2025/26: born 2012
    [{ level: 'primo_grado', gradeLevel: 1, birthDate: '2012-05-05' }, 2, 'ok'],
  ] as const)('when %j, then %i years behind, %s', (over, delay, level) => {
    const r = ageGradeDelay({ ...base, ...(over as Partial<Input>) }, DEFAULT_RISK_SETTINGS);

    expect(r.value).toBe(delay);
    expect(r.level).toBe(level);
  });

  test('when the delay is partly placement on arrival, then it is shown apart and is not a repeated year', () => {
    const r = ageGradeDelay(
      { ...base, birthDate: '2009-03-01', history: failed(1), arrivalDate: '2022-09-01' },
      DEFAULT_RISK_SETTINGS,
    );

    expect(r.details).toMatchObject({ delayYears: 2, repeatedYears: 1, placementYears: 1, unexplainedYears: 0 });
    expect(r.explanation).toBe(
      "2 anni di ritardo rispetto all'età: 1 dovuto ad anni non superati; 1 dovuto all'inserimento in una classe inferiore all'arrivo in Italia (01/09/2022; DPR 394/1999 art. 45), che non è una ripetenza.",
    );
  });

  test('when arrivalDate changes, then value and level do not (it only words the sentence)', () => {
    for (const arrivalDate of [null, '2015-01-01', '2025-09-01']) {
      const r = ageGradeDelay(
        { ...base, birthDate: '2008-01-01', history: failed(1), arrivalDate },
        DEFAULT_RISK_SETTINGS,
      );
      expect({ value: r.value, level: r.level }).toEqual({ value: 3, level: 'attention' });
    }
  });

  test('when birth date or grade level are missing, then no value', () => {
    const noGrade: Pick<StudentRiskInput, 'gradeLevel'> = { gradeLevel: null };
    expect(ageGradeDelay({ ...base, ...noGrade }, DEFAULT_RISK_SETTINGS)).toMatchObject({ value: null, level: 'ok' });
    expect(ageGradeDelay({ ...base, birthDate: null }, DEFAULT_RISK_SETTINGS)).toMatchObject({
      value: null,
      level: 'ok',
    });
  });

  test.each([
    [{}],
    [{ birthDate: '2009-03-01', history: failed(1), arrivalDate: '2022-09-01' }],
    [{ birthDate: '2009-03-01', history: failed(2) }],
    [{ birthDate: null }],
  ] as const)(
    'measureAgeGradeDelay: when %j, then the indicator of ageGradeDelay with its message and without its sentence',
    (over) => {
      const input = { ...base, ...(over as Partial<Input>) };

      const { explanation, ...worded } = ageGradeDelay(input, DEFAULT_RISK_SETTINGS);

      expect(explanation).not.toBe('');
      expect(measureAgeGradeDelay(input, DEFAULT_RISK_SETTINGS)).toEqual(worded);
    },
  );
});
