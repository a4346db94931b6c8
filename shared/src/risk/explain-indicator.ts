import { explainAbsenceProjection } from './absence-projection';
import { explainAttendanceRate } from './attendance-rate';
import { explainAttendanceTrend } from './attendance-trend';
import { explainConduct } from './conduct';
import { explainFailingSubjects } from './failing-subjects';
import { explainGradeAverage } from './grade-average';
import { explainGradeTrend } from './grade-trend';
import { explainLateEntries } from './late-entries';
import { explainSchoolHistory } from './school-history';
import { withSentence } from './sentence';
import type { RiskSettings } from './settings';
import { computeTier } from './tier';
import type { Indicator, MeasuredIndicator, TierReason } from './types';

/**
 * The sentence of a stored indicator: its own when it kept one (`age_grade_delay`, whose wording
 * reads the arrival date, which is not stored as data), otherwise composed from its value,
 * details and the settings it was computed with. The same words `assessStudent` gives.
 */
export function explainIndicator(m: MeasuredIndicator, settings: RiskSettings): string {
  if (m.explanation !== undefined) return m.explanation;
  switch (m.key) {
    case 'attendance_rate': return explainAttendanceRate(m, settings);
    case 'absence_projection': return explainAbsenceProjection(m);
    case 'attendance_trend': return explainAttendanceTrend(m, settings);
    case 'late_entries': return explainLateEntries(m);
    case 'conduct': return explainConduct(m);
    case 'failing_subjects': return explainFailingSubjects(m, settings);
    case 'grade_average': return explainGradeAverage(m);
    case 'grade_trend': return explainGradeTrend(m, settings);
    case 'school_history': return explainSchoolHistory(m);
    case 'age_grade_delay': throw new Error('age_grade_delay keeps its own sentence');
  }
}

/** The stored indicators with their sentences. */
export function explainIndicators(indicators: MeasuredIndicator[], settings: RiskSettings): Indicator[] {
  return indicators.map((m) => withSentence(m, explainIndicator(m, settings)));
}

/**
 * A stored result worded: the indicators with their sentences, and the tier's reasons (with the
 * same sentences) and explanation, which follow from the indicators' levels and the settings
 * (`computeTier`) and so are not stored either.
 */
export function explainStored(indicators: MeasuredIndicator[], settings: RiskSettings): { indicators: Indicator[]; reasons: TierReason[]; tierExplanation: string } {
  const explained = explainIndicators(indicators, settings);
  const byKey = new Map(explained.map((i) => [i.key, i.explanation]));
  const tier = computeTier(indicators, settings);
  return {
    indicators: explained,
    reasons: tier.reasons.map((r) => ({ key: r.key, domain: r.domain, level: r.level, explanation: byKey.get(r.key) ?? '' })),
    tierExplanation: tier.explanation,
  };
}
