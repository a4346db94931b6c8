import { gradeDigestOf } from './grade-digest';
import type { GradeDigest } from './types';
import { message, type Message } from './message';
import type { RiskSettings } from './settings';
import { withMessage } from './sentence';
import type { Indicator, MeasuredIndicator, RiskLevel, StudentRiskInput } from './types';

type Input = Pick<StudentRiskInput, 'asOf' | 'grades' | 'gradeDigest'>;

/**
 * The latest conduct grade (a scrutinio grade wins over a provisional one of the same day).
 * L. 150/2024: below 6 → not admitted; 6 → judgement suspended with a civic-education task.
 * value = the conduct grade.
 */
export function conduct(input: Input, settings: RiskSettings): Indicator {
  const m = measureConduct(settings, gradeDigestOf(input));
  return withMessage(m, describeConduct(m, settings));
}

/** `conduct` without its sentence (`describeConduct`). */
export function measureConduct(settings: RiskSettings, digest: GradeDigest): MeasuredIndicator {
  const s = settings.conduct;
  const base = { key: 'conduct', domain: 'comportamento' } as const;
  const latest = digest.conduct;
  if (!latest) return { key: base.key, domain: base.domain, value: null, level: 'ok' };
  const v = latest.value;
  const level: RiskLevel = v <= s.highAtOrBelow ? 'high' : v <= s.attentionAtOrBelow ? 'attention' : 'ok';
  return {
    key: base.key,
    domain: base.domain,
    value: v,
    level,
    details: { date: latest.date, termSeq: latest.termSeq },
  };
}

export function describeConduct(m: MeasuredIndicator, settings: RiskSettings): Message {
  if (m.value === null) return message('explain.conduct.none');
  const v = m.value;
  const variant = v < 6 ? 'below_six' : v <= 6 ? 'six' : m.level;
  return message(`explain.conduct.${variant}`, {
    grade: v,
    date: (m.details as { date: string }).date,
    threshold: settings.conduct.highAtOrBelow,
  });
}
