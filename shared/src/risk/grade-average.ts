import { mean, standardDeviation } from 'simple-statistics';
import { message, type Message } from './message';
import type { RiskSettings } from './settings';
import { gradeDigestOf } from './grade-digest';
import { subjectAveragesOf, overallAverageOf, type SubjectAverage } from './subject-averages';
import { withMessage } from './sentence';
import type { Indicator, MeasuredIndicator, RiskLevel, StudentRiskInput } from './types';

type Input = Pick<StudentRiskInput, 'asOf' | 'grades' | 'gradeDigest' | 'currentTermSeq' | 'classAverages'>;

/**
 * Overall average (mean of subject averages) and its distance from the class in standard
 * deviations (z-score against `classAverages`, which includes the student). The z-score is left
 * out for classes smaller than `minClassSize` or with no spread.
 * value = overall average (0–10).
 */
export function gradeAverage(input: Input, settings: RiskSettings): Indicator {
  const m = measureGradeAverage(input, settings, subjectAveragesOf(gradeDigestOf(input), input.currentTermSeq));
  return withMessage(m, describeGradeAverage(m));
}

/** `gradeAverage` without its sentence (`describeGradeAverage`). */
export function measureGradeAverage(
  input: Pick<StudentRiskInput, 'classAverages'>,
  settings: RiskSettings,
  subjects: SubjectAverage[],
): MeasuredIndicator {
  const s = settings.grades;
  const base = { key: 'grade_average', domain: 'rendimento' } as const;
  const average = overallAverageOf(subjects);
  if (average === null) return { key: base.key, domain: base.domain, value: null, level: 'ok' };
  const classMates = input.classAverages;
  const sd = classMates.length >= s.minClassSize ? standardDeviation(classMates) : 0;
  const classMean = classMates.length > 0 ? mean(classMates) : null;
  const z = sd > 0 && classMean !== null ? (average - classMean) / sd : null;
  const level: RiskLevel =
    average < s.averageHighBelow
      ? 'high'
      : average < s.averageAttentionBelow || (z !== null && z <= s.zAttentionBelow)
        ? 'attention'
        : 'ok';
  return {
    key: base.key,
    domain: base.domain,
    value: average,
    level,
    details: { zScore: z, classMean, classSize: classMates.length },
  };
}

export function describeGradeAverage(m: MeasuredIndicator): Message {
  if (m.value === null) return message('explain.grade_average.not_computable');
  const { zScore: z, classMean } = m.details as { zScore: number | null; classMean: number | null };
  if (z === null || classMean === null) return message('explain.grade_average.no_class', { average: m.value });
  return message(`explain.grade_average.${z < 0 ? 'below_class' : 'above_class'}`, {
    average: m.value,
    classMean,
    z: Math.abs(z),
  });
}
