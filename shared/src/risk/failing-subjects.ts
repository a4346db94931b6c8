import { formatNumber, plural } from './format';
import type { RiskSettings } from './settings';
import { gradeDigestOf } from './grade-digest';
import { subjectAveragesOf, type SubjectAverage } from './subject-averages';
import type { Indicator, RiskLevel, StudentRiskInput } from './types';

type Input = Pick<StudentRiskInput, 'asOf' | 'grades' | 'gradeDigest' | 'currentTermSeq'>;

/**
 * Subjects whose term average is below the pass mark. High with a failing core subject (Balfanz:
 * failing mathematics or English flags a student on its own) or with two or more failing subjects
 * (Chicago on-track: more than one F); one other failing subject is attention.
 * value = number of failing subjects.
 */
export function failingSubjects(
  input: Input,
  settings: RiskSettings,
  /** `computeSubjectAverages` of the input, when the caller already has it. */
  subjects: SubjectAverage[] = subjectAveragesOf(gradeDigestOf(input), input.currentTermSeq),
): Indicator {
  const s = settings.grades;
  const base = { key: 'failing_subjects', domain: 'rendimento' } as const;
  if (subjects.length === 0) {
    return { key: base.key, domain: base.domain, value: null, level: 'ok', explanation: 'Nessun voto registrato finora: insufficienze non ancora calcolabili.' };
  }
  const core = new Set(s.coreSubjects.map((c) => c.trim().toUpperCase()));
  const failing = subjects.filter((x) => x.average < s.passMark);
  const failingCore = failing.filter((x) => core.has(x.subject));
  const level: RiskLevel =
    failingCore.length > 0 || failing.length >= s.highFailingCount ? 'high' : failing.length > 0 ? 'attention' : 'ok';
  const list = failing.map((x) => `${x.subject.toLowerCase()} ${formatNumber(x.average)}`).join(', ');
  const explanation =
    failing.length === 0
      ? `Nessuna materia sotto il ${formatNumber(s.passMark)} su ${plural(subjects.length, 'materia valutata', 'materie valutate')}.`
      : `${plural(failing.length, 'materia', 'materie')} con media sotto il ${formatNumber(s.passMark)} su ${formatNumber(subjects.length)}: ${list}` +
        (failingCore.length > 0 ? ` (${failingCore.length === 1 ? 'materia di base' : 'materie di base'}).` : '.');
  return {
    key: base.key, domain: base.domain,
    value: failing.length,
    level,
    explanation,
    details: { failing: failing.map((x) => ({ subject: x.subject, average: x.average })), core: failingCore.map((x) => x.subject), subjects: subjects.length },
  };
}
