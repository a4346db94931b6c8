import { plural } from './format';
import type { RiskSettings } from './settings';
import type { HistoryEntry, Indicator, RiskLevel, StudentRiskInput } from './types';

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
  const s = settings.history;
  const base = { key: 'school_history', domain: 'percorso' } as const;
  const notPassed = countYearsNotPassed(input.history);
  const notAdmitted = input.history.filter((h) => h.result === 'non_ammesso').length;
  const left = notPassed - notAdmitted;
  const suspended = input.history.filter((h) => h.result === 'sospensione_giudizio').length;
  const rank = (n: number, attention: number, high: number): number => (high > 0 && n >= high ? 2 : attention > 0 && n >= attention ? 1 : 0);
  const severity = Math.max(rank(notPassed, s.repeatedAttention, s.repeatedHigh), rank(suspended, s.suspendedAttention, s.suspendedHigh));
  const level: RiskLevel = severity === 2 ? 'high' : severity === 1 ? 'attention' : 'ok';
  if (input.history.length === 0) {
    return { key: base.key, domain: base.domain, value: 0, level: 'ok', explanation: 'Nessun esito di anni precedenti registrato.', details: { notAdmitted, left, suspended } };
  }
  const parts: string[] = [];
  if (notAdmitted > 0) parts.push(plural(notAdmitted, 'anno non ammesso', 'anni non ammessi'));
  if (left > 0) parts.push(plural(left, 'anno interrotto (ritiro o abbandono)', 'anni interrotti (ritiro o abbandono)'));
  if (suspended > 0) parts.push(plural(suspended, 'giudizio sospeso', 'giudizi sospesi'));
  const explanation =
    parts.length === 0
      ? `${input.history.length === 1 ? "Nell'anno precedente registrato" : `Nei ${input.history.length} anni precedenti registrati`}: nessuna bocciatura né giudizio sospeso.`
      : `Negli anni precedenti: ${parts.join(', ')}.`;
  return { key: base.key, domain: base.domain, value: notPassed, level, explanation, details: { notAdmitted, left, suspended } };
}
