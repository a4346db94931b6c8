import { message, type Message } from './message';
import type { RiskSettings } from './settings';
import { withMessage } from './sentence';
import type { HistoryEntry, Indicator, MeasuredIndicator, RiskLevel, StudentRiskInput } from './types';

type Input = Pick<StudentRiskInput, 'history'>;

/** Past years that did not lead to the next grade: not admitted, withdrawn, dropped out. */
export function countYearsNotPassed(history: HistoryEntry[]): number {
  return history.filter((h) => h.result === 'non_ammesso' || h.result === 'ritirato' || h.result === 'abbandono')
    .length;
}

/**
 * Past final outcomes: years repeated (not admitted, withdrawn, dropped out) and suspended
 * judgements. A transfer is not a failure (DESIGN.md) and counts for nothing.
 * value = years not passed.
 */
export function schoolHistory(input: Input, settings: RiskSettings): Indicator {
  const m = measureSchoolHistory(input, settings);
  return withMessage(m, describeSchoolHistory(m));
}

/** `schoolHistory` without its sentence (`describeSchoolHistory`). */
export function measureSchoolHistory(input: Input, settings: RiskSettings): MeasuredIndicator {
  const s = settings.history;
  const base = { key: 'school_history', domain: 'percorso' } as const;
  const notPassed = countYearsNotPassed(input.history);
  const notAdmitted = input.history.filter((h) => h.result === 'non_ammesso').length;
  const left = notPassed - notAdmitted;
  const suspended = input.history.filter((h) => h.result === 'sospensione_giudizio').length;
  const rank = (n: number, attention: number, high: number): number =>
    high > 0 && n >= high ? 2 : attention > 0 && n >= attention ? 1 : 0;
  const severity = Math.max(
    rank(notPassed, s.repeatedAttention, s.repeatedHigh),
    rank(suspended, s.suspendedAttention, s.suspendedHigh),
  );
  const details = { notAdmitted, left, suspended, years: input.history.length };
  if (input.history.length === 0) return { key: base.key, domain: base.domain, value: 0, level: 'ok', details };
  const level: RiskLevel = severity === 2 ? 'high' : severity === 1 ? 'attention' : 'ok';
  return { key: base.key, domain: base.domain, value: notPassed, level, details };
}

export function describeSchoolHistory(m: MeasuredIndicator): Message {
  const { notAdmitted, left, suspended, years } = m.details as {
    notAdmitted: number;
    left: number;
    suspended: number;
    years: number;
  };
  if (years === 0) return message('explain.school_history.none');
  const parts: Message[] = [];
  if (notAdmitted > 0) parts.push(message('explain.school_history.notAdmitted', { count: notAdmitted }));
  if (left > 0) parts.push(message('explain.school_history.left', { count: left }));
  if (suspended > 0) parts.push(message('explain.school_history.suspended', { count: suspended }));
  return parts.length === 0
    ? message('explain.school_history.clean', { count: years })
    : message('explain.school_history.some', { parts });
}
