import { plural } from './format';
import type { RiskSettings } from './settings';
import { withSentence } from './sentence';
import type { HistoryEntry, Indicator, MeasuredIndicator, RiskLevel, StudentRiskInput } from './types';

type Input = Pick<StudentRiskInput, 'history'>;

/** Past years that did not lead to the next grade: not admitted, withdrawn, dropped out. */
export function countYearsNotPassed(history: HistoryEntry[]): number {
  return history.filter((h) => h.result === 'non_ammesso' || h.result === 'ritirato' || h.result === 'abbandono').length;
}

/**
 * Past final outcomes: years repeated (not admitted, withdrawn, dropped out) and suspended
 * judgements. A transfer is not a failure (DESIGN.md) and counts for nothing.
 * value = years not passed.
 */
export function schoolHistory(input: Input, settings: RiskSettings): Indicator {
  const m = measureSchoolHistory(input, settings);
  return withSentence(m, explainSchoolHistory(m));
}

/** `schoolHistory` without its sentence (`explainSchoolHistory`). */
export function measureSchoolHistory(input: Input, settings: RiskSettings): MeasuredIndicator {
  const s = settings.history;
  const base = { key: 'school_history', domain: 'percorso' } as const;
  const notPassed = countYearsNotPassed(input.history);
  const notAdmitted = input.history.filter((h) => h.result === 'non_ammesso').length;
  const left = notPassed - notAdmitted;
  const suspended = input.history.filter((h) => h.result === 'sospensione_giudizio').length;
  const rank = (n: number, attention: number, high: number): number => (high > 0 && n >= high ? 2 : attention > 0 && n >= attention ? 1 : 0);
  const severity = Math.max(rank(notPassed, s.repeatedAttention, s.repeatedHigh), rank(suspended, s.suspendedAttention, s.suspendedHigh));
  const details = { notAdmitted, left, suspended, years: input.history.length };
  if (input.history.length === 0) return { key: base.key, domain: base.domain, value: 0, level: 'ok', details };
  const level: RiskLevel = severity === 2 ? 'high' : severity === 1 ? 'attention' : 'ok';
  return { key: base.key, domain: base.domain, value: notPassed, level, details };
}

export function explainSchoolHistory(m: MeasuredIndicator): string {
  const { notAdmitted, left, suspended, years } = m.details as { notAdmitted: number; left: number; suspended: number; years: number };
  if (years === 0) return 'Nessun esito di anni precedenti registrato.';
  const parts: string[] = [];
  if (notAdmitted > 0) parts.push(plural(notAdmitted, 'anno non ammesso', 'anni non ammessi'));
  if (left > 0) parts.push(plural(left, 'anno interrotto (ritiro o abbandono)', 'anni interrotti (ritiro o abbandono)'));
  if (suspended > 0) parts.push(plural(suspended, 'giudizio sospeso', 'giudizi sospesi'));
  return parts.length === 0
    ? `${years === 1 ? "Nell'anno precedente registrato" : `Nei ${years} anni precedenti registrati`}: nessuna bocciatura né giudizio sospeso.`
    : `Negli anni precedenti: ${parts.join(', ')}.`;
}
