import type { FairnessGroup } from '@primm/shared/contracts/aggregates';
import type { StudentFacts } from './student-facts';

/** A year that ended badly: not promoted, withdrawn or dropped out (a transfer is not a failure). */
const BAD_OUTCOMES = new Set(['non_ammesso', 'ritirato', 'abbandono']);

/**
 * For each citizenship group and sex: share flagged, share at tier ≥ 2 and, where final outcomes
 * exist, false positive and false negative rates of "tier ≥ 2", so that a bias against a group
 * is seen early (a 2023 investigation of Wisconsin's DEWS found far more false alarms for Black and
 * Hispanic students). Groups under the threshold publish no share at all.
 */
export function fairnessGroups(
  facts: (StudentFacts & { finalResult: string | null })[],
  threshold: number,
): FairnessGroup[] {
  const out: FairnessGroup[] = [];
  for (const dimension of ['citizenshipGroup', 'sex'] as const) {
    const values = [...new Set(facts.map((f) => f[dimension]))].sort();
    for (const group of values) {
      const members = facts.filter((f) => f[dimension] === group);
      const suppressed = members.length < threshold;
      const assessed = members.filter((f) => f.tier !== null);
      const withOutcome = assessed.filter((f) => f.finalResult !== null);
      const good = withOutcome.filter((f) => !BAD_OUTCOMES.has(f.finalResult!));
      const bad = withOutcome.filter((f) => BAD_OUTCOMES.has(f.finalResult!));
      const share = (part: number, whole: number) => (suppressed || whole < threshold ? null : part / whole);
      out.push({
        dimension,
        group,
        students: suppressed ? `<${threshold}` : members.length,
        suppressed,
        shareFlagged: share(members.filter((f) => f.flagged).length, members.length),
        shareTier2plus: share(assessed.filter((f) => (f.tier ?? 0) >= 2).length, assessed.length),
        falsePositiveRate: share(good.filter((f) => (f.tier ?? 0) >= 2).length, good.length),
        falseNegativeRate: share(bad.filter((f) => f.tier === 1).length, bad.length),
      });
    }
  }
  return out;
}
