import type { StudentRisk } from '@primm/shared/contracts/risk';

export type AttendancePoint = {
  weekStart: string;
  hoursHeld: number;
  hoursAbsent: number;
  /** Share of the week's held hours attended, in % (null: no lessons that week). */
  attendancePct: number | null;
  /** Absence so far as % of the personalised annual hours: what the ¼ limit is measured on. */
  cumulativeAbsencePct: number | null;
};

/**
 * Weekly attendance and the absence accumulated against the limit (DPR 122/2009 art. 14: at most
 * ¼ of the annual hours). The limit line is `limitPct`; the projected crossing date comes from
 * the server's projection, not from the weeks drawn.
 */
export function shapeAttendanceChart(series: StudentRisk['series']) {
  const { annualHours, share, hours, countedHours, projectedCrossingDate } = series.limit;
  let absent = 0;
  const data: AttendancePoint[] = series.weeks.map((w) => {
    absent += w.hoursAbsent;
    return {
      weekStart: w.weekStart,
      hoursHeld: w.hoursHeld,
      hoursAbsent: w.hoursAbsent,
      attendancePct: w.hoursHeld > 0 ? round1((1 - w.hoursAbsent / w.hoursHeld) * 100) : null,
      cumulativeAbsencePct: annualHours > 0 ? round1((absent / annualHours) * 100) : null,
    };
  });
  return {
    data,
    limitPct: round1(share * 100),
    limitHours: hours,
    countedHours,
    countedPct: annualHours > 0 ? round1((countedHours / annualHours) * 100) : null,
    projectedCrossingDate,
  };
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}
