import { formatNumber, plural } from './format';
import type { RiskSettings } from './settings';
import { gradeDigestOf } from './grade-digest';
import { subjectAveragesOf, type SubjectAverage } from './subject-averages';
import { withSentence } from './sentence';
import type { Indicator, MeasuredIndicator, RiskLevel, StudentRiskInput } from './types';

type Input = Pick<StudentRiskInput, 'asOf' | 'grades' | 'gradeDigest' | 'currentTermSeq'>;

/**
 * Subjects whose term average is below the pass mark. High with a failing core subject (Balfanz:
 * failing mathematics or English flags a student on its own) or with two or more failing subjects
 * (Chicago on-track: more than one F); one other failing subject is attention.
 * value = number of failing subjects.
 */
export function failingSubjects(input: Input, settings: RiskSettings): Indicator {
  const m = measureFailingSubjects(settings, subjectAveragesOf(gradeDigestOf(input), input.currentTermSeq));
  return withSentence(m, explainFailingSubjects(m, settings));
}

/** `failingSubjects` without its sentence (`explainFailingSubjects`). */
export function measureFailingSubjects(settings: RiskSettings, subjects: SubjectAverage[]): MeasuredIndicator {
  const s = settings.grades;
  const base = { key: 'failing_subjects', domain: 'rendimento' } as const;
  if (subjects.length === 0) return { key: base.key, domain: base.domain, value: null, level: 'ok' };
  const core = new Set(s.coreSubjects.map((c) => c.trim().toUpperCase()));
  const failing = subjects.filter((x) => x.average < s.passMark);
  const failingCore = failing.filter((x) => core.has(x.subject));
  const level: RiskLevel =
    failingCore.length > 0 || failing.length >= s.highFailingCount ? 'high' : failing.length > 0 ? 'attention' : 'ok';
  return {
    key: base.key, domain: base.domain,
    value: failing.length,
    level,
    details: { failing: failing.map((x) => ({ subject: x.subject, average: x.average })), core: failingCore.map((x) => x.subject), subjects: subjects.length },
  };
}

export function explainFailingSubjects(m: MeasuredIndicator, settings: RiskSettings): string {
  if (m.value === null) return 'Nessun voto registrato finora: insufficienze non ancora calcolabili.';
  const passMark = settings.grades.passMark;
  const d = m.details as { failing: { subject: string; average: number }[]; core: string[]; subjects: number };
  if (d.failing.length === 0) return `Nessuna materia sotto il ${formatNumber(passMark)} su ${plural(d.subjects, 'materia valutata', 'materie valutate')}.`;
  const list = d.failing.map((x) => `${x.subject.toLowerCase()} ${formatNumber(x.average)}`).join(', ');
  return `${plural(d.failing.length, 'materia', 'materie')} con media sotto il ${formatNumber(passMark)} su ${formatNumber(d.subjects)}: ${list}` +
    (d.core.length > 0 ? ` (${d.core.length === 1 ? 'materia di base' : 'materie di base'}).` : '.');
}
