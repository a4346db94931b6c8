import { describeAbsenceProjection } from './absence-projection';
import { describeAttendanceRate } from './attendance-rate';
import { describeAttendanceTrend } from './attendance-trend';
import { describeConduct } from './conduct';
import { describeDisengagement } from './disengagement';
import { describeFailingSubjects } from './failing-subjects';
import { describeGradeAverage } from './grade-average';
import { describeGradeTrend } from './grade-trend';
import { describeLateEntries } from './late-entries';
import { message, type Message } from './message';
import { renderItalian } from './render-italian';
import { describeSchoolHistory } from './school-history';
import { withMessage } from './sentence';
import type { RiskSettings } from './settings';
import { computeTier } from './tier';
import type { DescribedIndicator, Indicator, MeasuredIndicator, TierReason } from './types';

/**
 * The message of a stored indicator: its own when it kept one (`age_grade_delay`, whose words
 * read the arrival date, which is not stored as data), otherwise composed from its value, details
 * and the settings it was computed with. The same words `assessStudent` gives.
 */
export function describeIndicator(m: MeasuredIndicator, settings: RiskSettings): Message {
  if (m.message !== undefined) return m.message;
  // Rows stored before messages kept the Italian sentence itself.
  if (m.explanation !== undefined) return message('explain.verbatim', { text: m.explanation });
  switch (m.key) {
    case 'attendance_rate':
      return describeAttendanceRate(m, settings);
    case 'absence_projection':
      return describeAbsenceProjection(m);
    case 'attendance_trend':
      return describeAttendanceTrend(m, settings);
    case 'late_entries':
      return describeLateEntries(m);
    case 'conduct':
      return describeConduct(m, settings);
    case 'failing_subjects':
      return describeFailingSubjects(m, settings);
    case 'grade_average':
      return describeGradeAverage(m);
    case 'grade_trend':
      return describeGradeTrend(m, settings);
    case 'school_history':
      return describeSchoolHistory(m);
    case 'disengagement':
      return describeDisengagement(m, settings);
    case 'age_grade_delay':
      throw new Error('age_grade_delay keeps its own message');
  }
}

/** The Italian sentence of a stored indicator (`renderItalian` of its message). */
export function explainIndicator(m: MeasuredIndicator, settings: RiskSettings): string {
  return renderItalian(describeIndicator(m, settings));
}

/** The stored indicators with their messages, not worded: what the lists carry. */
export function describeIndicators(indicators: MeasuredIndicator[], settings: RiskSettings): DescribedIndicator[] {
  return indicators.map((m) => {
    const out: DescribedIndicator = {
      key: m.key,
      domain: m.domain,
      value: m.value,
      level: m.level,
      message: describeIndicator(m, settings),
    };
    if (m.details !== undefined) out.details = m.details;
    return out;
  });
}

/** The stored indicators with their messages and sentences. */
export function explainIndicators(indicators: MeasuredIndicator[], settings: RiskSettings): Indicator[] {
  return indicators.map((m) => withMessage(m, describeIndicator(m, settings)));
}

/**
 * A stored result worded: the indicators with their messages and sentences, and the level's
 * reasons (with the same words), message, sentence and probability, which follow from the
 * indicators' levels and the settings (`computeTier`) and so are not stored either.
 */
export function explainStored(
  indicators: MeasuredIndicator[],
  settings: RiskSettings,
): {
  indicators: Indicator[];
  reasons: TierReason[];
  tierExplanation: string;
  tierMessage: Message;
  probability: number | null;
} {
  const explained = explainIndicators(indicators, settings);
  const byKey = new Map(explained.map((i) => [i.key, i]));
  const tier = computeTier(indicators, settings);
  return {
    indicators: explained,
    reasons: tier.reasons.map((r) => {
      const i = byKey.get(r.key)!;
      return { key: r.key, domain: r.domain, level: r.level, explanation: i.explanation, message: i.message };
    }),
    tierExplanation: renderItalian(tier.message),
    tierMessage: tier.message,
    probability: tier.probability,
  };
}
