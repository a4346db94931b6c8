import { describe, expect, test } from 'vitest';
import { conduct } from './conduct';
import { DEFAULT_RISK_SETTINGS } from './settings';
import { aStudent, grade } from './test-input';

const c = (value: number | null, date = '2026-01-20', kind?: 'scrutinio' | 'orale') =>
  grade('COMPORTAMENTO', value, date, { isConduct: true, inAverage: false, ...(kind ? { kind } : {}) });
const run = (grades: ReturnType<typeof c>[]) => conduct(aStudent({ grades }), DEFAULT_RISK_SETTINGS);

describe('conduct', () => {
  test.each([
    [10, 'ok'],
    [8, 'ok'],
    [7, 'attention'],
    [6, 'high'], // L. 150/2024: judgement suspended
    [5, 'high'], // not admitted
  ] as const)('when the conduct grade is %f, then %s', (value, level) => {
    expect(run([c(value)])).toMatchObject({ value, level });
  });

  test('when there is no conduct grade yet, then no value and ok', () => {
    expect(run([])).toMatchObject({ value: null, level: 'ok' });
  });

  test('when there are several, then the latest counts and a scrutinio wins on the same day', () => {
    expect(run([c(5, '2025-11-10'), c(8, '2026-01-20', 'orale'), c(6, '2026-01-20', 'scrutinio')]).value).toBe(6);
    expect(run([c(5, '2025-11-10'), c(8, '2026-01-20')]).value).toBe(8);
  });

  test('when the grade is 6, then the sentence cites the suspended judgement', () => {
    expect(run([c(6)]).explanation).toBe(
      'Voto di comportamento 6 (20/01/2026): con 6 il giudizio è sospeso con un elaborato di educazione civica (L. 150/2024).',
    );
  });

  test('when a conduct grade is after asOf, then it is ignored', () => {
    expect(run([c(5, '2026-05-30')])).toMatchObject({ value: null });
  });
});
