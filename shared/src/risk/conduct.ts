import { formatDate, formatNumber } from './format';
import { gradeDigestOf, type GradeDigest } from './grade-digest';
import type { RiskSettings } from './settings';
import { withSentence } from './sentence';
import type { Indicator, MeasuredIndicator, RiskLevel, StudentRiskInput } from './types';

type Input = Pick<StudentRiskInput, 'asOf' | 'grades' | 'gradeDigest'>;

/**
 * The latest conduct grade (a scrutinio grade wins over a provisional one of the same day).
 * L. 150/2024: below 6 → not admitted; 6 → judgement suspended with a civic-education task.
 * value = the conduct grade.
 */
export function conduct(input: Input, settings: RiskSettings): Indicator {
  const m = measureConduct(settings, gradeDigestOf(input));
  return withSentence(m, explainConduct(m));
}

/** `conduct` without its sentence (`explainConduct`). */
export function measureConduct(settings: RiskSettings, digest: GradeDigest): MeasuredIndicator {
  const s = settings.conduct;
  const base = { key: 'conduct', domain: 'comportamento' } as const;
  const latest = digest.conduct;
  if (!latest) return { key: base.key, domain: base.domain, value: null, level: 'ok' };
  const v = latest.value;
  const level: RiskLevel = v <= s.highAtOrBelow ? 'high' : v <= s.attentionAtOrBelow ? 'attention' : 'ok';
  return { key: base.key, domain: base.domain, value: v, level, details: { date: latest.date, termSeq: latest.termSeq } };
}

export function explainConduct(m: MeasuredIndicator): string {
  if (m.value === null) return 'Nessun voto di comportamento finora.';
  const v = m.value;
  const meaning =
    v < 6
      ? 'sotto il 6 comporta la non ammissione (L. 150/2024)'
      : v <= 6
        ? 'con 6 il giudizio è sospeso con un elaborato di educazione civica (L. 150/2024)'
        : m.level === 'attention'
          ? 'da seguire'
          : 'nella norma';
  return `Voto di comportamento ${formatNumber(v, 2)} (${formatDate((m.details as { date: string }).date)}): ${meaning}.`;
}
