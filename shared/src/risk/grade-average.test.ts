import { describe, expect, test } from 'vitest';
import { gradeAverage } from './grade-average';
import { DEFAULT_RISK_SETTINGS } from './settings';
import { aStudent, grade } from './test-input';

// A class of 5 with population SD 1: averages 5, 6, 7, 8, 9 → mean 7, sd √2 ≈ 1,414.
const CLASS = [5, 6, 7, 8, 9];

describe('gradeAverage', () => {
  test.each([
    [[8, 9], CLASS, 8.5, 'ok'],
    [[7, 6.5], CLASS, 6.75, 'ok'], // z = −0,18
    [[6, 6.5], CLASS, 6.25, 'attention'], // below 6,5
    [[5, 6], CLASS, 5.5, 'high'], // below 6
    [[7, 6.8], [6.9, 9, 9, 9, 9], 6.9, 'attention'], // fine alone, but z = −2: far below the class
    [[7, 6.8], [6.9, 9, 9], 6.9, 'ok'], // class too small for a z-score
    [[7, 6.8], [6.9, 6.9, 6.9, 6.9, 6.9], 6.9, 'ok'], // no spread: no z-score
  ] as const)('when subject averages are %j in class %j, then %f, %s', (subjects, classAverages, average, level) => {
    const grades = subjects.map((v, i) => grade(`MATERIA ${i}`, v));

    const r = gradeAverage(aStudent({ grades, classAverages: [...classAverages] }), DEFAULT_RISK_SETTINGS);

    expect(r.value).toBeCloseTo(average, 6);
    expect(r.level).toBe(level);
  });

  test('when the overall average is computed, then it is the mean of subject averages, not of grades', () => {
    const r = gradeAverage(
      aStudent({ grades: [grade('A', 4), grade('A', 4), grade('A', 4), grade('B', 8)] }),
      DEFAULT_RISK_SETTINGS,
    );

    expect(r.value).toBe(6);
  });

  test('when there are no grades yet, then no value and ok', () => {
    expect(gradeAverage(aStudent({ classAverages: CLASS }), DEFAULT_RISK_SETTINGS)).toMatchObject({
      value: null,
      level: 'ok',
    });
  });

  test('when compared with the class, then the sentence gives the class mean and the distance', () => {
    const r = gradeAverage(aStudent({ grades: [grade('A', 5)], classAverages: CLASS }), DEFAULT_RISK_SETTINGS);

    expect(r.explanation).toBe('Media generale 5 (media della classe 7, 1,4 deviazioni standard sotto).');
    expect(r.details?.zScore).toBeCloseTo(-Math.SQRT2, 6);
  });
});
