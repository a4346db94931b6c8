import { expect, test } from 'vitest';
import type { StudentRisk } from '@primm/shared/contracts/risk';
import { shapeAttendanceChart } from './attendance-chart-data';

const limit = { share: 0.25, annualHours: 1000, hours: 250, countedHours: 30, projectedCrossingDate: '2026-04-20' };

test.each([
  // weeks (held, absent) → weekly attendance %, cumulative absence % of 1 000 h
  [[[30, 0]], [100], [0]],
  [
    [
      [30, 3],
      [30, 6],
    ],
    [90, 80],
    [0.3, 0.9],
  ],
  [
    [
      [0, 0],
      [32, 8],
    ],
    [null, 75],
    [0, 0.8],
  ], // a holiday week: no lessons, no rate
])(
  'shapeAttendanceChart: when the weeks are %j, then attendance %j and cumulative absence %j',
  (weeks, attendance, cumulative) => {
    const series: StudentRisk['series'] = {
      weeks: weeks.map(([held, absent], i) => ({
        weekStart: `2026-01-${String(5 + 7 * i).padStart(2, '0')}`,
        hoursHeld: held!,
        hoursAbsent: absent!,
      })),
      grades: [],
      limit,
    };

    const shaped = shapeAttendanceChart(series);

    expect(shaped.data.map((p) => p.attendancePct)).toEqual(attendance);
    expect(shaped.data.map((p) => p.cumulativeAbsencePct)).toEqual(cumulative);
    expect(shaped).toMatchObject({ limitPct: 25, limitHours: 250, countedPct: 3, projectedCrossingDate: '2026-04-20' });
  },
);
