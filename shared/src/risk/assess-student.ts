import { measureAbsenceProjection } from './absence-projection';
import { measureAgeGradeDelay } from './age-grade-delay';
import { measureAttendanceRate } from './attendance-rate';
import { measureAttendanceTrend } from './attendance-trend';
import { measureConduct } from './conduct';
import { measureDisengagement } from './disengagement';
import { explainStored } from './explain-indicator';
import { measureFailingSubjects } from './failing-subjects';
import { measureGradeAverage } from './grade-average';
import { gradeDigestOf } from './grade-digest';
import { measureGradeTrend } from './grade-trend';
import { measureLateEntries } from './late-entries';
import { measureSchoolHistory } from './school-history';
import { DEFAULT_RISK_SETTINGS, type RiskSettings } from './settings';
import { subjectAveragesOf, type SubjectAverage } from './subject-averages';
import { measureTier } from './tier';
import type { MeasuredIndicator, StudentAssessment, StudentRiskInput } from './types';

/**
 * Runs every indicator on one student and composes the level. Pure. The grades are read through
 * their digest (the input's own, or `digestGrades` of its grades); `subjects` is
 * `subjectAveragesOf(digest, input.currentTermSeq)` when the caller has already computed it (the
 * server does, for the class averages); computed here otherwise.
 */
export function assessStudent(
  input: StudentRiskInput,
  settings: RiskSettings = DEFAULT_RISK_SETTINGS,
  subjects?: SubjectAverage[],
): StudentAssessment {
  const measured = measureStudent(input, settings, subjects);
  const { indicators, reasons, tierExplanation, tierMessage } = explainStored(measured.indicators, settings);
  return {
    settingsVersion: measured.settingsVersion,
    indicators,
    tier: measured.tier,
    reasons,
    tierExplanation,
    tierMessage,
    score: measured.score,
    probability: measured.probability,
  };
}

/**
 * `assessStudent` without its words (the indicators' messages, the level's reasons and message):
 * values, levels, details, level, score and probability, what the regional recompute stores. The
 * words follow from those and the settings, and are composed when read (`explainStored`).
 * Formatting them was ≈ 4 % of a full recompute and they were a third of each stored row.
 */
export function measureStudent(
  input: StudentRiskInput,
  settings: RiskSettings = DEFAULT_RISK_SETTINGS,
  subjects?: SubjectAverage[],
): MeasuredAssessment {
  const digest = gradeDigestOf(input);
  subjects ??= subjectAveragesOf(digest, input.currentTermSeq);
  const indicators: MeasuredIndicator[] = [
    measureAttendanceRate(input, settings),
    measureAbsenceProjection(input, settings),
    measureAttendanceTrend(input, settings),
    measureLateEntries(input, settings),
    measureDisengagement(input, settings),
    measureConduct(settings, digest),
    measureFailingSubjects(settings, subjects),
    measureGradeAverage(input, settings, subjects),
    measureGradeTrend(settings, digest),
    // Keeps its message: it names the arrival date, which is not stored as data (describeIndicator).
    measureAgeGradeDelay(input, settings),
    measureSchoolHistory(input, settings),
  ];
  const tier = measureTier(indicators, settings);
  return {
    settingsVersion: settings.version,
    indicators,
    tier: tier.tier,
    score: tier.score,
    probability: tier.probability,
  };
}

export interface MeasuredAssessment extends Omit<
  StudentAssessment,
  'indicators' | 'reasons' | 'tierExplanation' | 'tierMessage'
> {
  indicators: MeasuredIndicator[];
}
