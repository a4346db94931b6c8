import { formatDate, formatNumber } from './format';
import type { RiskSettings } from './settings';
import type { GradeEntry, Indicator, RiskLevel, StudentRiskInput } from './types';

type Input = Pick<StudentRiskInput, 'asOf' | 'grades'>;

/**
 * The latest conduct grade (a scrutinio grade wins over a provisional one of the same day).
 * L. 150/2024: below 6 → not admitted; 6 → judgement suspended with a civic-education task.
 * value = the conduct grade.
 */
export function conduct(input: Input, settings: RiskSettings): Indicator {
  const s = settings.conduct;
  const base = { key: 'conduct', domain: 'comportamento' } as const;
  // The last of the conduct grades sorted (stably) by date, scrutinio after the others: found in
  // one pass, a later grade winning ties as in the stable sort.
  let latest: GradeEntry | undefined;
  for (const g of input.grades) {
    if (!g.isConduct || g.value === null || g.date > input.asOf) continue;
    if (latest === undefined || (g.date.localeCompare(latest.date) || Number(g.kind === 'scrutinio') - Number(latest.kind === 'scrutinio')) >= 0) latest = g;
  }
  if (!latest || latest.value === null) {
    return { key: base.key, domain: base.domain, value: null, level: 'ok', explanation: 'Nessun voto di comportamento finora.' };
  }
  const v = latest.value;
  const level: RiskLevel = v <= s.highAtOrBelow ? 'high' : v <= s.attentionAtOrBelow ? 'attention' : 'ok';
  const meaning =
    v < 6
      ? 'sotto il 6 comporta la non ammissione (L. 150/2024)'
      : v <= 6
        ? 'con 6 il giudizio è sospeso con un elaborato di educazione civica (L. 150/2024)'
        : level === 'attention'
          ? 'da seguire'
          : 'nella norma';
  return {
    key: base.key, domain: base.domain,
    value: v,
    level,
    explanation: `Voto di comportamento ${formatNumber(v, 2)} (${formatDate(latest.date)}): ${meaning}.`,
    details: { date: latest.date, termSeq: latest.termSeq },
  };
}
