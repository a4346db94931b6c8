import { message, type Message } from './message';
import type { RiskSettings } from './settings';
import { withMessage } from './sentence';
import type { Indicator, MeasuredIndicator, RiskLevel, StudentRiskInput } from './types';

type Input = Pick<StudentRiskInput, 'asOf' | 'weeks'>;

/**
 * Absence in the last weeks with lessons against the year so far (window included), so a student
 * who starts missing school is seen before the yearly rate moves. Holiday weeks (no hours held)
 * are skipped, so Christmas does not dilute the window.
 * value = difference in percentage points (recent − year).
 */
export function attendanceTrend(input: Input, settings: RiskSettings): Indicator {
  const m = measureAttendanceTrend(input, settings);
  return withMessage(m, describeAttendanceTrend(m, settings));
}

/** `attendanceTrend` without its sentence (`describeAttendanceTrend`). */
export function measureAttendanceTrend(input: Input, settings: RiskSettings): MeasuredIndicator {
  const s = settings.trend;
  const base = { key: 'attendance_trend', domain: 'frequenza' } as const;
  const weeks = input.weeks.filter((w) => w.weekStart <= input.asOf && w.hoursHeld > 0);
  if (weeks.length < s.minWeeks)
    return { key: base.key, domain: base.domain, value: null, level: 'ok', details: { weeks: weeks.length } };
  const recent = weeks.slice(-s.recentWeeks);
  const share = (ws: typeof weeks) =>
    ws.reduce((a, w) => a + w.hoursAbsent, 0) / ws.reduce((a, w) => a + w.hoursHeld, 0);
  const recentShare = share(recent);
  const yearShare = share(weeks);
  const delta = (recentShare - yearShare) * 100;
  const level: RiskLevel =
    delta >= s.highDeltaPoints && recentShare >= s.highMinRecentShare
      ? 'high'
      : delta >= s.attentionDeltaPoints && recentShare >= s.attentionMinRecentShare
        ? 'attention'
        : 'ok';
  return {
    key: base.key,
    domain: base.domain,
    value: delta,
    level,
    details: { recentShare, yearShare, recentWeeks: recent.map((w) => w.weekStart) },
  };
}

export function describeAttendanceTrend(m: MeasuredIndicator, settings: RiskSettings): Message {
  if (m.value === null) {
    const weeks = (m.details as { weeks: number } | undefined)?.weeks ?? 0;
    return message('explain.attendance_trend.not_computable', { weeks, minWeeks: settings.trend.minWeeks });
  }
  const d = m.details as { recentShare: number; yearShare: number; recentWeeks: string[] };
  const delta = m.value;
  const direction = Math.abs(delta) < 1 ? 'stable' : delta > 0 ? 'up' : 'down';
  return message(`explain.attendance_trend.${direction}`, {
    weeks: d.recentWeeks.length,
    recent: d.recentShare,
    year: d.yearShare,
    points: Math.abs(delta),
  });
}
