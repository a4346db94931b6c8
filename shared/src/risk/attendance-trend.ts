import { formatNumber, formatPercent } from './format';
import type { RiskSettings } from './settings';
import { withSentence } from './sentence';
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
  return withSentence(m, explainAttendanceTrend(m, settings));
}

/** `attendanceTrend` without its sentence (`explainAttendanceTrend`). */
export function measureAttendanceTrend(input: Input, settings: RiskSettings): MeasuredIndicator {
  const s = settings.trend;
  const base = { key: 'attendance_trend', domain: 'frequenza' } as const;
  const weeks = input.weeks.filter((w) => w.weekStart <= input.asOf && w.hoursHeld > 0);
  if (weeks.length < s.minWeeks) return { key: base.key, domain: base.domain, value: null, level: 'ok', details: { weeks: weeks.length } };
  const recent = weeks.slice(-s.recentWeeks);
  const share = (ws: typeof weeks) => ws.reduce((a, w) => a + w.hoursAbsent, 0) / ws.reduce((a, w) => a + w.hoursHeld, 0);
  const recentShare = share(recent);
  const yearShare = share(weeks);
  const delta = (recentShare - yearShare) * 100;
  const level: RiskLevel =
    delta >= s.highDeltaPoints && recentShare >= s.highMinRecentShare
      ? 'high'
      : delta >= s.attentionDeltaPoints && recentShare >= s.attentionMinRecentShare
        ? 'attention'
        : 'ok';
  return { key: base.key, domain: base.domain, value: delta, level, details: { recentShare, yearShare, recentWeeks: recent.map((w) => w.weekStart) } };
}

export function explainAttendanceTrend(m: MeasuredIndicator, settings: RiskSettings): string {
  if (m.value === null) {
    const weeks = (m.details as { weeks: number } | undefined)?.weeks ?? 0;
    return `Solo ${formatNumber(weeks)} settimane di lezione finora: andamento recente non ancora calcolabile (servono ${settings.trend.minWeeks} settimane).`;
  }
  const d = m.details as { recentShare: number; yearShare: number; recentWeeks: string[] };
  const delta = m.value;
  const direction =
    Math.abs(delta) < 1 ? 'stabile' : delta > 0 ? `in aumento di ${formatNumber(delta)} punti` : `in calo di ${formatNumber(-delta)} punti`;
  return `Nelle ultime ${d.recentWeeks.length} settimane di lezione assente il ${formatPercent(d.recentShare)} delle ore, contro il ${formatPercent(d.yearShare)} dell'anno finora: ${direction}.`;
}
