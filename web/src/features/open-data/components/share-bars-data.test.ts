import { expect, test } from 'vitest';
import type { OpenDataTable } from '@primm/shared/contracts/open-data';
import { shareBars } from './share-bars-data';

const table = (an: Record<string, number | string>, total: Record<string, number | string>) =>
  ({
    schoolYear: '2025/26',
    threshold: 10,
    measures: ['tier1', 'tier2', 'tier3'],
    rows: [{ province: 'AN', provinceName: 'Ancona', values: an }],
    total,
    withheld: [],
  }) as unknown as OpenDataTable;

test.each([
  // 60 / 30 / 10 of 100: plain shares
  [{ tier1: 60, tier2: 30, tier3: 10 }, [0.6, 0.3, 0.1]],
  // a hidden count is never estimated
  [{ tier1: 20, tier2: 10, tier3: '<10' }, null],
  [{ tier1: 'n.d.', tier2: 'n.d.', tier3: 0 }, null],
  // nobody with a level: no bar (no division by zero)
  [{ tier1: 0, tier2: 0, tier3: 0 }, null],
])('shareBars: when Ancona has %o, then its bar is %o', (an, shares) => {
  const [bar] = shareBars(table(an, { tier1: 60, tier2: 30, tier3: 10 }), ['tier1', 'tier2', 'tier3'], 'Marche');

  expect(bar!.segments?.map((s) => s.share) ?? null).toEqual(shares);
});

test('shareBars: when asked, then one bar per province and the region last', () => {
  const bars = shareBars(
    table({ tier1: 60, tier2: 30, tier3: 10 }, { tier1: 60, tier2: 30, tier3: 10 }),
    ['tier1', 'tier2', 'tier3'],
    'Marche',
  );

  expect(bars.map((b) => b.label)).toEqual(['Ancona', 'Marche']);
});
