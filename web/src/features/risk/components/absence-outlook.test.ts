import { expect, test } from 'vitest';
import type { StudentRisk } from '@primm/shared/contracts/risk';
import { aStudentRisk } from '../../../testing/fixtures';
import { absenceOutlook } from './absence-outlook';

const withProjection = (
  countedHours: number,
  details: Record<string, unknown>,
): Pick<StudentRisk, 'series' | 'indicators'> => {
  const base = aStudentRisk();
  return {
    series: {
      ...base.series,
      limit: { share: 0.25, annualHours: 1000, hours: 250, countedHours, projectedCrossingDate: null },
    },
    indicators: base.indicators.map((i) => (i.key === 'absence_projection' ? { ...i, details } : i)),
  };
};

test.each([
  // within the limit at both paces
  [
    40,
    { projectedHours: 70, crossingDate: null, recentWeeks: 4, recentProjectedHours: 90, recentCrossingDate: null },
    {
      hoursLeft: 210,
      over: false,
      yearPace: { projectedHours: 70, crossingDate: null },
      recentPace: { projectedHours: 90, crossingDate: null, weeks: 4 },
    },
  ],
  // a good autumn, then gone: only the recent pace crosses
  [
    120,
    {
      projectedHours: 200,
      crossingDate: null,
      recentWeeks: 4,
      recentProjectedHours: 480,
      recentCrossingDate: '2026-04-14',
    },
    {
      hoursLeft: 130,
      over: false,
      yearPace: { projectedHours: 200, crossingDate: null },
      recentPace: { projectedHours: 480, crossingDate: '2026-04-14', weeks: 4 },
    },
  ],
  // fewer than four weeks with lessons: no second figure
  [
    10,
    { projectedHours: 60, crossingDate: null, recentWeeks: null, recentProjectedHours: null },
    { hoursLeft: 240, over: false, yearPace: { projectedHours: 60, crossingDate: null }, recentPace: null },
  ],
  // already over: no projection, no hours left
  [260, { alreadyOver: true, crossingDate: null }, { hoursLeft: 0, over: true, yearPace: null, recentPace: null }],
])('absenceOutlook: %i h counted of 250, details %j → %j', (counted, details, expected) => {
  expect(absenceOutlook(withProjection(counted, details))).toEqual({
    limitHours: 250,
    countedHours: counted,
    ...expected,
  });
});
