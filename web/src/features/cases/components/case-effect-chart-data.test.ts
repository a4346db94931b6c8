import { expect, test } from 'vitest';
import type { CaseEffect } from '@primm/shared/contracts/cases';
import { shapeCaseEffect } from './case-effect-chart-data';

const week = (weekStart: string, side: 'before' | 'after', attendanceRate: number | null, average: number | null) => ({
  weekStart,
  side,
  attendanceRate,
  average,
  hoursHeld: 30,
  hoursAbsent: attendanceRate === null ? 0 : 30 * (1 - attendanceRate),
});

test.each<[string, CaseEffect['before'], CaseEffect['after'], number | null, number | null]>([
  ['better', { attendanceRate: 0.75, average: 5.5 }, { attendanceRate: 0.9375, average: 6.25 }, 18.8, 0.75], // 93,75 − 75 = 18,75 → 18,8
  ['worse', { attendanceRate: 0.9, average: 7 }, { attendanceRate: 0.8, average: 6.5 }, -10, -0.5],
  ['no grades after', { attendanceRate: 0.8, average: 6 }, { attendanceRate: 0.8, average: null }, 0, null],
])(
  'shapeCaseEffect: when attendance and grades got %s, then the changes are %s points and %s',
  (_label, before, after, attendancePts, average) => {
    const effect: CaseEffect = {
      firstActionOn: '2026-01-26',
      weeksEachSide: 1,
      weeks: [
        week('2026-01-19', 'before', before.attendanceRate, before.average),
        week('2026-01-26', 'after', after.attendanceRate, after.average),
      ],
      before,
      after,
    };

    const shaped = shapeCaseEffect(effect);

    expect(shaped.change).toEqual({ attendancePts, average });
    expect(shaped.data.map((p) => [p.side, p.attendancePct])).toEqual([
      ['before', before.attendanceRate === null ? null : Math.round(before.attendanceRate * 1000) / 10],
      ['after', after.attendanceRate === null ? null : Math.round(after.attendanceRate * 1000) / 10],
    ]);
  },
);

test('shapeCaseEffect: when the case has no action yet, then nothing to draw and no change', () => {
  const shaped = shapeCaseEffect({
    firstActionOn: null,
    weeksEachSide: 4,
    weeks: [],
    before: { attendanceRate: null, average: null },
    after: { attendanceRate: null, average: null },
  });

  expect(shaped).toMatchObject({ data: [], firstActionOn: null, change: { attendancePts: null, average: null } });
});
