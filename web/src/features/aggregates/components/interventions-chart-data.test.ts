import { expect, test } from 'vitest';
import type { Cell } from '@primm/shared/contracts/aggregates';
import { DESTINATIONS, measuresChart } from './interventions-chart-data';
import type { ShapeText } from './overview-chart-data';

const text: ShapeText = {
  row: (_d, _c, label) => label,
  series: (key) => key,
  rowHeader: 'Destinazione',
  total: 'Totale',
};

test.each<[string, Cell, Cell]>([
  ['published', 31, 31],
  ['under the threshold', '<10', '<10'],
  ['hidden', 'n.d.', 'n.d.'],
])('measuresChart: when the IeFP count is %s, then its row shows %j', (_label, cell, expected) => {
  const shaped = measuresChart({ reorient_school: 24, reorient_iefp: cell }, DESTINATIONS, text);

  expect(shaped.rows.map((r) => [r.key, r.values.students])).toEqual([
    ['reorient_school', 24],
    ['reorient_iefp', expected],
    ['reorient_work', null], // not in the answer: nothing to show
    ['reorient_cpia', null],
    ['pua_referral', null],
  ]);
});
