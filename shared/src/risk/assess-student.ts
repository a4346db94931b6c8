import { absenceProjection } from './absence-projection';
import { ageGradeDelay } from './age-grade-delay';
import { attendanceRate } from './attendance-rate';
import { attendanceTrend } from './attendance-trend';
import { conduct } from './conduct';
import { failingSubjects } from './failing-subjects';
import { gradeAverage } from './grade-average';
import { gradeDigestOf } from './grade-digest';
import { gradeTrend } from './grade-trend';
import { lateEntries } from './late-entries';
import { schoolHistory } from './school-history';
import { DEFAULT_RISK_SETTINGS, type RiskSettings } from './settings';
import { subjectAveragesOf, type SubjectAverage } from './subject-averages';
import { computeTier } from './tier';
import type { StudentAssessment, StudentRiskInput } from './types';

/**
 * Runs every indicator on one student and composes the tier. Pure. The grades are read through
 * their digest (the input's own, or `digestGrades` of its grades); `subjects` is
 * `subjectAveragesOf(digest, input.currentTermSeq)` when the caller has already computed it (the
 * server does, for the class averages); computed here otherwise.
 */
export function assessStudent(
  input: StudentRiskInput,
  settings: RiskSettings = DEFAULT_RISK_SETTINGS,
  subjects?: SubjectAverage[],
): StudentAssessment {
  const digest = gradeDigestOf(input);
  subjects ??= subjectAveragesOf(digest, input.currentTermSeq);
  const indicators = [
    attendanceRate(input, settings),
    absenceProjection(input, settings),
    attendanceTrend(input, settings),
    lateEntries(input, settings),
    conduct(input, settings, digest),
    failingSubjects(input, settings, subjects),
    gradeAverage(input, settings, subjects),
    gradeTrend(input, settings, digest),
    ageGradeDelay(input, settings),
    schoolHistory(input, settings),
  ];
  const tier = computeTier(indicators, settings);
  return {
    settingsVersion: settings.version,
    indicators,
    tier: tier.tier,
    reasons: tier.reasons,
    tierExplanation: tier.explanation,
    score: tier.score,
  };
}
