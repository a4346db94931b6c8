import { message, type Message } from './message';
import type { RiskSettings } from './settings';
import { withMessage } from './sentence';
import type { Indicator, MeasuredIndicator, StudentRiskInput } from './types';

type Input = Pick<StudentRiskInput, 'asOf' | 'enrolledOn' | 'hoursHeldSoFar' | 'attendanceEvents'>;

/** Absence hours counted from `enrolledOn` to `asOf` (all kinds, justified or not, deroga or not). */
export function sumAbsenceHours(
  input: Input,
  filter: (e: Input['attendanceEvents'][number]) => boolean = () => true,
): number {
  let sum = 0;
  for (const e of input.attendanceEvents) {
    if (e.date >= input.enrolledOn && e.date <= input.asOf && filter(e)) sum += e.hours;
  }
  return sum;
}

/**
 * Share of lesson hours attended so far. Chronic-absence literature counts every absence,
 * justified or not, so deroghe are included here (they matter only for the legal limit).
 * value = attended share (0–1).
 */
export function attendanceRate(input: Input, settings: RiskSettings): Indicator {
  const m = measureAttendanceRate(input, settings);
  return withMessage(m, describeAttendanceRate(m, settings));
}

/**
 * `attendanceRate` without its sentence (`describeAttendanceRate` composes it from the rest). The
 * band follows the level's thresholds (≥ satisfactory, ≥ attention, ≥ high, below), so its words
 * always agree with the level.
 */
export function measureAttendanceRate(input: Input, settings: RiskSettings): MeasuredIndicator {
  const s = settings.attendance;
  const base = { key: 'attendance_rate', domain: 'frequenza' } as const;
  const held = input.hoursHeldSoFar;
  if (held <= 0) return { key: base.key, domain: base.domain, value: null, level: 'ok' };
  const absent = Math.min(sumAbsenceHours(input), held);
  const rate = 1 - absent / held;
  const band =
    rate >= s.satisfactoryRate
      ? 'soddisfacente'
      : rate >= s.attentionBelowRate
        ? 'a_rischio'
        : rate >= s.highBelowRate
          ? 'cronica'
          : 'cronica_grave';
  const level = rate < s.highBelowRate ? 'high' : rate < s.attentionBelowRate ? 'attention' : 'ok';
  return {
    key: base.key,
    domain: base.domain,
    value: rate,
    level,
    details: { hoursHeld: held, hoursAbsent: absent, band },
  };
}

export function describeAttendanceRate(m: MeasuredIndicator, settings: RiskSettings): Message {
  if (m.value === null) return message('explain.attendance_rate.not_computable');
  const s = settings.attendance;
  const d = m.details as { hoursHeld: number; hoursAbsent: number; band: string };
  const band = ['soddisfacente', 'a_rischio', 'cronica', 'cronica_grave'].includes(d.band) ? d.band : 'cronica_grave';
  const threshold = band === 'cronica' ? s.attentionBelowRate : s.highBelowRate;
  return message(`explain.attendance_rate.${band}`, {
    rate: m.value,
    absent: d.hoursAbsent,
    held: d.hoursHeld,
    satisfactory: s.satisfactoryRate,
    chronic: s.attentionBelowRate,
    threshold,
  });
}
