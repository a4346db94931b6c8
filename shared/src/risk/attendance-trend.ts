import { formatNumber, formatPercent } from './format';
import type { RiskSettings } from './settings';
import type { Indicator, RiskLevel, StudentRiskInput } from './types';

type Input = Pick<StudentRiskInput, 'asOf' | 'weeks'>;

/**
 * Absence in the last weeks with lessons against the year so far (window included), so a student
 * who starts missing school is seen before the yearly rate moves. Holiday weeks (no hours held)
 * are skipped, so Christmas does not dilute the window.
 * value = difference in percentage points (recent − year).
 */
export function attendanceTrend(input: Input, settings: RiskSettings): Indicator {
  const s = settings.trend;
  const base = { key: 'attendance_trend', domain: 'frequenza' } as const;
  const weeks = input.weeks.filter((w) => w.weekStart <= input.asOf && w.hoursHeld > 0);
  if (weeks.length < s.minWeeks) {
    return {
      key: base.key, domain: base.domain,
      value: null,
      level: 'ok',
      explanation: `Solo ${formatNumber(weeks.length)} settimane di lezione finora: andamento recente non ancora calcolabile (servono ${s.minWeeks} settimane).`,
    };
  }
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
  const direction =
    Math.abs(delta) < 1 ? 'stabile' : delta > 0 ? `in aumento di ${formatNumber(delta)} punti` : `in calo di ${formatNumber(-delta)} punti`;
  const explanation = `Nelle ultime ${recent.length} settimane di lezione assente il ${formatPercent(recentShare)} delle ore, contro il ${formatPercent(yearShare)} dell'anno finora: ${direction}.`;
  return { key: base.key, domain: base.domain, value: delta, level, explanation, details: { recentShare, yearShare, recentWeeks: recent.map((w) => w.weekStart) } };
}
