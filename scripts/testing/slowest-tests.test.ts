import { describe, expect, test } from 'vitest';
import { formatSlowest, slowestTests, type VitestReport } from './slowest-tests';

const report: VitestReport = {
  testResults: [
    {
      name: '/repo/server/src/a.test.ts',
      assertionResults: [
        { title: 'fast', ancestorTitles: ['A'], duration: 3.4, status: 'passed' },
        { title: 'slow', ancestorTitles: ['A'], duration: 2500, status: 'passed' },
        { title: 'skipped', duration: null, status: 'skipped' },
      ],
    },
    {
      name: '/repo/web/src/b.test.tsx',
      assertionResults: [{ title: 'middle', duration: 900.6, status: 'passed' }],
    },
  ],
};

describe('slowestTests', () => {
  test.each([
    [1, ['slow']],
    [2, ['slow', 'middle']],
    [3, ['slow', 'middle', 'fast']],
    [10, ['slow', 'middle', 'fast', 'skipped']],
  ])('when the %i slowest are asked, then they come longest first: %j', (n, titles) => {
    expect(slowestTests(report, n, '/repo').map((t) => t.name.split(' > ').pop())).toEqual(titles);
  });

  test('when printed, then each line has the rank, the milliseconds, the share of the 5 s timeout, the file and the name', () => {
    expect(formatSlowest(slowestTests(report, 2, '/repo')).split('\n')).toEqual([
      ' 1.   2500 ms   50 %  server/src/a.test.ts > A > slow',
      ' 2.    901 ms   18 %  web/src/b.test.tsx > middle',
    ]);
  });
});
