import type { FairnessGroup } from '@primm/shared/contracts/aggregates';

/** A year that ended badly: not promoted, withdrawn or dropped out (a transfer is not a failure). */
export const BAD_OUTCOMES = ['non_ammesso', 'ritirato', 'abbandono'] as const;

/**
 * The students of one citizenship group and sex, counted (fairness-counts.ts). "Assessed" have a
 * tier; "good" and "bad" are the assessed whose final outcome is known and did not / did end badly.
 */
export interface FairnessCell {
  citizenshipGroup: string;
  sex: string;
  students: number;
  flagged: number;
  assessed: number;
  assessedTier2plus: number;
  good: number;
  goodTier2plus: number;
  bad: number;
  badTier1: number;
}

type Count = Exclude<keyof FairnessCell, 'citizenshipGroup' | 'sex'>;
const COUNTS: Count[] = ['students', 'flagged', 'assessed', 'assessedTier2plus', 'good', 'goodTier2plus', 'bad', 'badTier1'];

/**
 * For each citizenship group and sex: share flagged, share at tier ≥ 2 and, where final outcomes
 * exist, false positive and false negative rates of "tier ≥ 2", so that a bias against a group
 * is seen early (a 2023 investigation of Wisconsin's DEWS found far more false alarms for Black and
 * Hispanic students). Groups under the threshold publish no share at all, and no share is
 * published over fewer students than the threshold. Groups in code-unit order, citizenship first.
 */
export function fairnessGroups(cells: FairnessCell[], threshold: number): FairnessGroup[] {
  const out: FairnessGroup[] = [];
  for (const dimension of ['citizenshipGroup', 'sex'] as const) {
    const values = [...new Set(cells.map((c) => c[dimension]))].sort();
    for (const group of values) {
      const n = Object.fromEntries(COUNTS.map((k) => [k, 0])) as Record<Count, number>;
      for (const c of cells) if (c[dimension] === group) for (const k of COUNTS) n[k] += c[k];
      const suppressed = n.students < threshold;
      const share = (part: number, whole: number) => (suppressed || whole < threshold ? null : part / whole);
      out.push({
        dimension,
        group,
        students: suppressed ? `<${threshold}` : n.students,
        suppressed,
        shareFlagged: share(n.flagged, n.students),
        shareTier2plus: share(n.assessedTier2plus, n.assessed),
        falsePositiveRate: share(n.goodTier2plus, n.good),
        falseNegativeRate: share(n.badTier1, n.bad),
      });
    }
  }
  return out;
}
