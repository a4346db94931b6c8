import { message, type Message } from './message';
import type { RiskSettings } from './settings';
import { gradeDigestOf } from './grade-digest';
import { subjectAveragesOf, type SubjectAverage } from './subject-averages';
import { withMessage } from './sentence';
import type { Indicator, MeasuredIndicator, RiskLevel, StudentRiskInput } from './types';

type Input = Pick<StudentRiskInput, 'asOf' | 'grades' | 'gradeDigest' | 'currentTermSeq'>;

/**
 * Subjects whose term average is below the pass mark. High with more than the failing subjects a
 * suspended judgement usually covers (`highFailingCount`, 4) or with the core subjects failing
 * together (`highCoreFailingCount`, Italian and mathematics); any other failing subject is
 * attention (settings.ts says why).
 * value = number of failing subjects.
 */
export function failingSubjects(input: Input, settings: RiskSettings): Indicator {
  const m = measureFailingSubjects(settings, subjectAveragesOf(gradeDigestOf(input), input.currentTermSeq));
  return withMessage(m, describeFailingSubjects(m, settings));
}

/** `failingSubjects` without its sentence (`describeFailingSubjects`). */
export function measureFailingSubjects(settings: RiskSettings, subjects: SubjectAverage[]): MeasuredIndicator {
  const s = settings.grades;
  const base = { key: 'failing_subjects', domain: 'rendimento' } as const;
  if (subjects.length === 0) return { key: base.key, domain: base.domain, value: null, level: 'ok' };
  const core = new Set(s.coreSubjects.map((c) => c.trim().toUpperCase()));
  const failing = subjects.filter((x) => x.average < s.passMark);
  const failingCore = failing.filter((x) => core.has(x.subject));
  const level: RiskLevel =
    failingCore.length >= s.highCoreFailingCount || failing.length >= s.highFailingCount
      ? 'high'
      : failing.length > 0
        ? 'attention'
        : 'ok';
  return {
    key: base.key,
    domain: base.domain,
    value: failing.length,
    level,
    details: {
      failing: failing.map((x) => ({ subject: x.subject, average: x.average })),
      core: failingCore.map((x) => x.subject),
      subjects: subjects.length,
    },
  };
}

export function describeFailingSubjects(m: MeasuredIndicator, settings: RiskSettings): Message {
  if (m.value === null) return message('explain.failing_subjects.not_computable');
  const passMark = settings.grades.passMark;
  const d = m.details as { failing: { subject: string; average: number }[]; core: string[]; subjects: number };
  if (d.failing.length === 0)
    return message('explain.failing_subjects.none', {
      passMark,
      subjects: message('explain.unit.subjectGraded', { count: d.subjects }),
    });
  const params = {
    failing: message('explain.unit.subject', { count: d.failing.length }),
    passMark,
    subjects: d.subjects,
    list: d.failing.map((x) => message('explain.failing_subjects.item', { subject: x.subject, average: x.average })),
  };
  return d.core.length > 0
    ? message('explain.failing_subjects.some_core', { ...params, count: d.core.length })
    : message('explain.failing_subjects.some', params);
}
