import type { StudentRisk } from '@primm/shared/contracts/risk';

export interface AbsenceOutlook {
  /** The ¾ rule's limit in hours (DPR 122/2009 art. 14 c. 7) and the absence counted against it so far. */
  limitHours: number;
  countedHours: number;
  /** Hours of absence still possible before the limit; 0 once over. */
  hoursLeft: number;
  over: boolean;
  /** Where the year ends at the pace of the year so far, and at the pace of the last weeks with lessons. */
  yearPace: Pace | null;
  recentPace: (Pace & { weeks: number }) | null;
}
export interface Pace {
  projectedHours: number;
  /** The lesson day on which the limit would be crossed at this pace; null if it is not. */
  crossingDate: string | null;
}

/**
 * The summary's absence figures from the assessment: the limit and the hours counted (the
 * series) and the two projections of the absence-projection indicator (issue 18: a second figure
 * at the pace of the last four weeks, so a student who stopped coming is not hidden by a good
 * autumn). No projection without its figures (too early in the year, or already over).
 */
export function absenceOutlook(risk: Pick<StudentRisk, 'series' | 'indicators'>): AbsenceOutlook {
  const { hours: limitHours, countedHours } = risk.series.limit;
  const d = risk.indicators.find((i) => i.key === 'absence_projection')?.details ?? {};
  const num = (key: string) => (typeof d[key] === 'number' ? d[key] : null);
  const date = (key: string) => (typeof d[key] === 'string' ? d[key] : null);
  const over = countedHours > limitHours;
  const projected = num('projectedHours');
  const recentProjected = num('recentProjectedHours');
  const recentWeeks = num('recentWeeks');
  return {
    limitHours,
    countedHours,
    hoursLeft: Math.max(0, limitHours - countedHours),
    over,
    yearPace: over || projected === null ? null : { projectedHours: projected, crossingDate: date('crossingDate') },
    recentPace:
      over || recentProjected === null || recentWeeks === null
        ? null
        : { projectedHours: recentProjected, crossingDate: date('recentCrossingDate'), weeks: recentWeeks },
  };
}
