import { describe, expect, test } from 'vitest';
import { failingSubjects } from './failing-subjects';
import { DEFAULT_RISK_SETTINGS } from './settings';
import { aStudent, grade } from './test-input';
import type { GradeEntry } from './types';

const run = (grades: GradeEntry[], currentTermSeq = 1) =>
  failingSubjects(aStudent({ grades, currentTermSeq, asOf: '2026-03-31' }), DEFAULT_RISK_SETTINGS);

describe('failingSubjects', () => {
  test.each([
    [[grade('STORIA', 7), grade('INGLESE', 6)], 0, 'ok'],
    [[grade('STORIA', 5), grade('STORIA', 6.5)], 1, 'attention'], // (5 + 6,5) / 2 = 5,75
    [[grade('STORIA', 5), grade('STORIA', 7)], 0, 'ok'], // average exactly 6
    [[grade('STORIA', 5), grade('INGLESE', 7)], 1, 'attention'], // one non-core subject
    // Issue 18: mid-year, one failing core subject or two failing subjects are common (a suspended
    // judgement recovers them): attention. High beyond what a suspended judgement usually covers.
    [[grade('MATEMATICA', 5.75), grade('INGLESE', 7)], 1, 'attention'],
    [[grade('STORIA', 5), grade('INGLESE', 4)], 2, 'attention'],
    [[grade('STORIA', 5), grade('INGLESE', 4), grade('FISICA', 5)], 3, 'attention'],
    [[grade('STORIA', 5), grade('INGLESE', 4), grade('FISICA', 5), grade('CHIMICA', 5.5)], 4, 'high'], // more than three
    [[grade('MATEMATICA', 5), grade('ITALIANO', 5.5), grade('INGLESE', 7)], 2, 'high'], // both core subjects together
  ] as const)('when grades are %j, then %i failing, %s', (grades, n, level) => {
    const r = run([...grades]);

    expect(r.value).toBe(n);
    expect(r.level).toBe(level);
  });

  test('when there are no grades yet, then no value and ok', () => {
    expect(run([])).toMatchObject({ value: null, level: 'ok' });
  });

  test('when grades are NC, not in the average, conduct or after asOf, then they are left out', () => {
    const r = run([
      grade('STORIA', null),
      grade('STORIA', 3, '2025-11-10', { inAverage: false }),
      grade('COMPORTAMENTO', 5, '2025-11-10', { isConduct: true }),
      grade('INGLESE', 3, '2026-05-10', { termSeq: 2 }),
      grade('INGLESE', 7),
    ]);

    expect(r).toMatchObject({ value: 0, level: 'ok' });
    expect(r.explanation).toBe('Nessuna materia sotto il 6 su 1 materia valutata.');
  });

  test('when the term has a scrutinio grade, then it replaces the term grades', () => {
    const r = run([grade('STORIA', 4), grade('STORIA', 5), grade('STORIA', 6, '2026-01-20', { kind: 'scrutinio' })]);

    expect(r.value).toBe(0);
  });

  test('when the second term has started, then each subject uses its latest term with grades', () => {
    const r = run([grade('STORIA', 4), grade('STORIA', 7, '2026-02-10', { termSeq: 2 }), grade('INGLESE', 5)], 2);

    // storia: term 2 → 7; inglese: no term-2 grade yet → term 1, 5
    expect(r.details?.failing).toEqual([{ subject: 'INGLESE', average: 5 }]);
    expect(r.explanation).toBe('1 materia con media sotto il 6 su 2: inglese 5.');
  });

  test('when a core subject fails, then the sentence says so', () => {
    expect(run([grade('matematica', 4), grade('MATEMATICA', 5)]).explanation).toBe(
      '1 materia con media sotto il 6 su 1: matematica 4,5 (materia di base).',
    );
  });
});
