import { DEFAULT_RISK_SETTINGS } from '@primm/shared/risk/settings';
import type { MeasuredIndicator } from '@primm/shared/risk/types';
import { describe, expect, test } from 'vitest';
import { cohortReport, levelOfItem, recutLevels, type CohortItem, type CohortStudent } from './cohort-report';

const groups = { citizenship_group: 'italiano', sex: 'F', newly_arrived: 'no' } as const;

/** A student with an overall average (high below 6) and, when `disengaged`, the disengagement indicator high. */
function student(average: number, final: CohortStudent['final'], disengaged = false): CohortStudent {
  const indicators: MeasuredIndicator[] = [
    {
      key: 'grade_average',
      domain: 'rendimento',
      value: average,
      level: average < 6 ? 'high' : average < 6.5 ? 'attention' : 'ok',
    },
    { key: 'disengagement', domain: 'frequenza', value: disengaged ? 1 : 0, level: disengaged ? 'high' : 'ok' },
  ];
  return { cutDate: '2025-01-31', indicators, final, groups };
}

describe('cohortReport', () => {
  // 30 students (28 with an outcome): the lower the average, the likelier a bad outcome, with exceptions both ways.
  const cohort: CohortStudent[] = [
    ...[4.5, 5, 5.2, 5.4, 5.5, 5.6, 5.8].map((a) => student(a, 'bad')),
    student(5.9, 'good'),
    student(5.7, 'suspended'),
    student(7.5, 'bad'),
    ...[6.2, 6.4, 6.6, 6.8, 7, 7.2, 7.4, 7.6, 7.8, 8, 8.2, 8.4, 8.6, 8.8, 9].map((a) => student(a, 'good')),
    student(6.5, 'suspended'),
    student(7, 'suspended'),
    student(8, 'bad', true), // disengaged: level 3 whatever the grades
    student(6, null),
    student(5, 'transferred'), // left out
  ];
  const meta = { schoolYear: '2024/25', source: 'registri' as const };

  test('when some students have no outcome or only a transfer, then they are counted apart and left out; suspensions are not bad outcomes', () => {
    const { report } = cohortReport(cohort, DEFAULT_RISK_SETTINGS, meta);

    expect(report).toMatchObject({
      n: 28,
      positives: 9,
      suspended: 3,
      excluded: { no_outcome: 1, transferred: 1 },
      school_year: '2024/25',
      as_of: '2025-01-31',
      cut_dates: ['2025-01-31'],
      source: 'registri',
      settings_version: 1,
    });
    // Level 2 = average below 6 (9 students: 7 bad, 1 suspended, 1 good); level 3 = the disengaged one.
    expect(report.levels.map((l) => [l.level, l.n, l.suspended])).toEqual([
      [1, 18, 2],
      [2, 9, 1],
      [3, 1, 0],
    ]);
    expect(report.levels[1]!.bad_rate).toBeCloseTo(7 / 9);
    expect(report.model?.fittedOn).toEqual({ description: '2024/25, 28 studenti', students: 28, badOutcomes: 9 });
    expect(report.brier).not.toBeNull();
    expect(report.calibration.reduce((a, c) => a + c.n, 0)).toBe(28);
  });

  test('when it runs twice on the same cohort, then the report and items are identical (folds are deterministic)', () => {
    expect(cohortReport(cohort, DEFAULT_RISK_SETTINGS, meta)).toEqual(
      cohortReport(cohort, DEFAULT_RISK_SETTINGS, meta),
    );
  });

  test('when the cohort has no bad outcome, then there is no model, no probability and no Brier score', () => {
    const { report, items } = cohortReport([student(5, 'good'), student(7, 'suspended')], DEFAULT_RISK_SETTINGS, meta);

    expect(report).toMatchObject({ model: null, brier: null, auc_probability: null, positives: 0 });
    expect(items).toEqual([
      [0, 0, 2, null, 0],
      [0, 1, 1, null, 0],
    ]);
  });

  test('items keep the outcome, the suspension, the rules level, the out-of-fold probability and disengagement: nothing else', () => {
    const { items } = cohortReport(cohort, DEFAULT_RISK_SETTINGS, meta);

    expect(items).toHaveLength(28);
    for (const item of items) {
      expect(item).toHaveLength(5);
      expect(item[3]).toBeGreaterThan(0);
      expect(item[3]).toBeLessThan(1);
    }
    expect(items.at(-1)).toEqual([1, 0, 3, expect.any(Number), 1]);
  });
});

const rules = { basis: 'rules' as const, level2From: 0.3, level3From: 0.6 };
const byProbability = { basis: 'probability' as const, level2From: 0.3, level3From: 0.6 };

test.each<[string, CohortItem, typeof rules | typeof byProbability, number]>([
  ['rules: the stored level', [1, 0, 2, 0.9, 0], rules, 2],
  ['probability under the first cut', [0, 0, 3, 0.29, 0], byProbability, 1],
  ['probability on the first cut', [0, 0, 1, 0.3, 0], byProbability, 2],
  ['probability on the second cut', [0, 0, 1, 0.6, 0], byProbability, 3],
  ['disengaged: level 3 whatever the probability', [0, 0, 3, 0.01, 1], byProbability, 3],
  ['no probability (no model): the rules level', [0, 0, 2, null, 0], byProbability, 2],
])('levelOfItem: %s', (_name, item, choice, expected) => {
  expect(levelOfItem(item, choice)).toBe(expected);
});

test('recutLevels: when the cut points move, then students move between levels and each level keeps its outcomes', () => {
  const items: CohortItem[] = [
    [0, 0, 1, 0.1, 0],
    [0, 0, 1, 0.35, 0],
    [1, 0, 2, 0.5, 0],
    [1, 0, 3, 0.8, 0],
  ];

  const before = recutLevels(items, byProbability);
  const after = recutLevels(items, { basis: 'probability', level2From: 0.4, level3From: 0.7 });

  expect(before.map((l) => [l.n, l.bad])).toEqual([
    [1, 0],
    [2, 1],
    [1, 1],
  ]);
  expect(after.map((l) => [l.n, l.bad])).toEqual([
    [2, 0],
    [1, 1],
    [1, 1],
  ]);
  expect(after[2]).toMatchObject({ bad_rate: 1, ci_low: expect.any(Number), ci_high: 1 });
});
