import type { CaseSummary } from '@primm/shared/contracts/cases';

/**
 * Overdue follow-ups first, then the nearest follow-up, cases without one last; the server
 * orders the same way, this keeps the rule true whatever arrives.
 */
export function orderCaseload(cases: CaseSummary[]): CaseSummary[] {
  return cases.toSorted(
    (a, b) =>
      Number(b.overdue) - Number(a.overdue) ||
      (a.nextFollowUp === null ? 1 : 0) - (b.nextFollowUp === null ? 1 : 0) ||
      (a.nextFollowUp ?? '').localeCompare(b.nextFollowUp ?? '') ||
      a.id - b.id,
  );
}
