import { describe, expect, test } from 'vitest';
import { gradeTrend } from './grade-trend';
import { DEFAULT_RISK_SETTINGS } from './settings';
import { aStudent, grade } from './test-input';
import type { GradeEntry } from './types';

/** One grade every 10 days from 01/10/2025, alternating two subjects. */
const series = (values: number[]): GradeEntry[] =>
  values.map((v, i) =>
    grade(i % 2 === 0 ? 'STORIA' : 'INGLESE', v, new Date(Date.UTC(2025, 9, 1 + 10 * i)).toISOString().slice(0, 10)),
  );
const run = (grades: GradeEntry[]) => gradeTrend(aStudent({ grades }), DEFAULT_RISK_SETTINGS);

describe('gradeTrend', () => {
  test.each([
    [[7, 7, 7, 7, 7, 7], 0, 'ok'],
    [[8, 8, 7.75, 7.75, 7.5, 7.5], -0.375, 'attention'], // −0,25 every 20 days
    [[9, 9, 8, 8, 7, 7, 6, 6], -1.5, 'high'], // −1 every 20 days = −1,5 a month
    [[5, 5, 6, 6, 7, 7], 1.5, 'ok'], // improving
  ] as const)('when grades are %j, then slope %f per month, %s', (values, slope, level) => {
    const r = run(series([...values]));

    // Both subjects move together, so the centred slope equals the raw slope per subject.
    expect(r.value).toBeCloseTo(slope, 6);
    expect(r.level).toBe(level);
  });

  test('when one subject is simply lower than the other, then alternating grades are not a trend', () => {
    expect(run(series([8, 5, 8, 5, 8, 5, 8, 5])).value).toBeCloseTo(0, 6);
  });

  test('when there are fewer than 6 grades or they span under 30 days, then no value', () => {
    expect(run(series([9, 8, 7, 6, 5]))).toMatchObject({ value: null, level: 'ok' });
    const close = ['2025-10-01', '2025-10-05', '2025-10-10', '2025-10-15', '2025-10-20', '2025-10-25'].map((d, i) =>
      grade(i % 2 ? 'A' : 'B', 9 - i, d),
    );
    expect(run(close)).toMatchObject({ value: null });
  });

  test('when there are no grades yet, then no value and the sentence says so', () => {
    expect(run([]).explanation).toBe(
      '0 voti in 0 giorni: troppo pochi per un andamento (ne servono 6 in almeno 30 giorni).',
    );
  });

  test('when grades include scrutinio, NC and conduct, then only ordinary numeric grades count', () => {
    const grades = [
      ...series([7, 7, 7, 7, 7, 7]),
      grade('STORIA', 3, '2026-01-20', { kind: 'scrutinio' }),
      grade('STORIA', null, '2026-01-21'),
      grade('COMPORTAMENTO', 5, '2026-01-22', { isConduct: true }),
    ];

    expect(run(grades).value).toBeCloseTo(0, 6);
  });
});
