import { expect, test } from 'vitest';
import type { FairnessGroup, FairnessReport } from '@primm/shared/contracts/aggregates';
import { fairnessChart } from './fairness-chart-data';
import type { ShapeText } from './overview-chart-data';

const text: ShapeText = { row: (_d, code) => code, series: (key) => key, rowHeader: 'Gruppo', total: 'Totale' };

const group = (overrides: Partial<FairnessGroup>): FairnessGroup => ({
  dimension: 'citizenshipGroup',
  group: 'italiano',
  students: 3400,
  suppressed: false,
  shareFlagged: 0.05,
  shareTier2plus: 0.15,
  falsePositiveRate: 0.1,
  falseNegativeRate: 0.2,
  ...overrides,
});

const report = (outcomesAvailable: boolean): FairnessReport => ({
  year: '2025/26',
  threshold: 10,
  noise: 2,
  outcomesAvailable,
  groups: [
    group({}),
    group({
      group: 'neo_arrivato',
      students: '<10',
      suppressed: true,
      shareFlagged: null,
      shareTier2plus: null,
      falsePositiveRate: null,
      falseNegativeRate: null,
    }),
    group({ dimension: 'sex', group: 'F', students: 2100 }),
  ],
});

test.each<[boolean, string[]]>([
  [true, ['students', 'shareFlagged', 'shareTier2plus', 'falsePositiveRate', 'falseNegativeRate']],
  [false, ['students', 'shareFlagged', 'shareTier2plus']], // no outcomes yet: no error rates at all
])('fairnessChart: when outcomesAvailable is %s, then the columns are %j', (outcomes, keys) => {
  expect(fairnessChart(report(outcomes), 'citizenshipGroup', text).series.map((s) => s.key)).toEqual(keys);
});

test('fairnessChart: when a group is under the threshold, then its students read <10 and its shares n.d., and the other dimension is left out', () => {
  const shaped = fairnessChart(report(true), 'citizenshipGroup', text);

  expect(shaped.rows).toEqual([
    {
      key: 'italiano',
      label: 'italiano',
      values: {
        students: 3400,
        shareFlagged: 0.05,
        shareTier2plus: 0.15,
        falsePositiveRate: 0.1,
        falseNegativeRate: 0.2,
      },
    },
    {
      key: 'neo_arrivato',
      label: 'neo_arrivato',
      values: {
        students: '<10',
        shareFlagged: 'n.d.',
        shareTier2plus: 'n.d.',
        falsePositiveRate: 'n.d.',
        falseNegativeRate: 'n.d.',
      },
    },
  ]);
});
