import type { FairnessGroup } from '@primm/shared/contracts/aggregates';
import { perturbCount } from '@primm/shared/aggregates/perturb';
import { suppressCounts, type CountRecord, type Relation } from '@primm/shared/aggregates/suppress';
import { differencing, differencingFiner } from './publish-counts';

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
  /** Per count, the sum of the counted students' cell keys (cell-key.ts), when the noise is wanted. */
  keys?: Record<Count, number>;
}

export type Count =
  'students' | 'flagged' | 'assessed' | 'assessedTier2plus' | 'good' | 'goodTier2plus' | 'bad' | 'badTier1';
const COUNTS: Count[] = [
  'students',
  'flagged',
  'assessed',
  'assessedTier2plus',
  'good',
  'goodTier2plus',
  'bad',
  'badTier1',
];

/** Counts a reader can form by subtraction from the published ones (never published themselves). */
const REST = {
  notFlagged: ['students', 'flagged'],
  notAssessed: ['students', 'assessed'],
  tier1: ['assessed', 'assessedTier2plus'],
  goodTier1: ['good', 'goodTier2plus'],
  badTier2plus: ['bad', 'badTier1'],
} as const;

/**
 * For each citizenship group and sex: share flagged, share at tier ≥ 2 and, where final outcomes
 * exist, false positive and false negative rates of "tier ≥ 2", so that a bias against a group
 * is seen early (a 2023 investigation of Wisconsin's DEWS found far more false alarms for Black and
 * Hispanic students). Groups in code-unit order, citizenship first.
 *
 * Every share is a ratio of two counts, and with the group's students published a share gives its
 * count back (issue 17, finding 6: an exact shareFlagged of a group of 40 says how many are
 * flagged). So the counts behind the shares are published under the rules of every aggregate:
 * the groups of each dimension and their total form a table (groups sum to the total, which
 * /api/aggregates publishes), with the subtractions a reader can make (students not flagged,
 * assessed at tier 1…) as unpublished cells; small-cell and complementary suppression with the
 * interval audit (shared/src/aggregates/suppress.ts); then each published count moves by its cell
 * key's noise, the same noise /api/aggregates gives the same students. A share is the ratio of
 * two published counts, null when either is hidden (or the denominator is 0): it never says more
 * than the counts would.
 *
 * A frozen snapshot (the previous year at the same date) is published with `coarser` and `finer`,
 * as a snapshot table is (aggregate-snapshots.ts publishSnapshot): the same report counted on a
 * superset of its students (later snapshots, the year now) and on a subset (earlier snapshots).
 * A count a few students apart from the same count there would give those few away by
 * subtraction: it is hidden and protected (publish-counts.ts differencing).
 */
export function fairnessGroups(
  cells: FairnessCell[],
  threshold: number,
  options: { noise?: number; coarser?: FairnessCell[][]; finer?: FairnessCell[][] } = {},
): FairnessGroup[] {
  const counted = countedOf(cells);
  const groups = groupsOf(cells);
  const records: CountRecord[] = [...counted].map(([id, { values }]) => ({
    id,
    values,
    unpublished: [...Object.keys(REST), 'noOutcome'],
  }));
  const measures = Object.keys(counted.get('total')!.values);
  const relations: Relation[] = [];
  for (const dimension of ['citizenshipGroup', 'sex'] as const) {
    const ids = groups.filter((g) => g.dimension === dimension).map((g) => g.id);
    for (const m of measures)
      relations.push({ members: ids.map((id) => [id, m] as [string, string]), target: ['total', m] });
  }
  for (const id of counted.keys()) {
    for (const [rest, [whole, part]] of Object.entries(REST))
      relations.push({
        members: [
          [id, part],
          [id, rest],
        ],
        target: [id, whole],
      });
    relations.push({
      members: [
        [id, 'good'],
        [id, 'bad'],
        [id, 'noOutcome'],
      ],
      target: [id, 'assessed'],
    });
  }
  const asTable = (c: FairnessCell[]) => ({
    records: [...countedOf(c)].map(([id, { values }]) => ({ id, values })),
  });
  const table = { records };
  const protect = [
    ...(options.coarser ?? []).flatMap((c) => differencing(table, asTable(c), threshold)),
    ...(options.finer ?? []).flatMap((c) => differencingFiner(table, asTable(c), threshold)),
  ];

  const { shown } = suppressCounts(records, relations, { threshold, protect });
  return groups.map((g): FairnessGroup => {
    const { keys } = counted.get(g.id)!;
    const published = (k: Count) => {
      const v = shown[g.id]![k]!;
      return typeof v === 'number' && keys ? perturbCount(v, keys[k], threshold, options.noise ?? 0) : v;
    };
    const share = (part: Count, whole: Count) => {
      const [p, w] = [published(part), published(whole)];
      return typeof p === 'number' && typeof w === 'number' && w > 0 ? p / w : null;
    };
    const students = published('students');
    return {
      dimension: g.dimension,
      group: g.group,
      students,
      suppressed: typeof students !== 'number',
      shareFlagged: share('flagged', 'students'),
      shareTier2plus: share('assessedTier2plus', 'assessed'),
      falsePositiveRate: share('goodTier2plus', 'good'),
      falseNegativeRate: share('badTier1', 'bad'),
    };
  });
}

/** The groups of each dimension, citizenship first, each in code-unit order. */
function groupsOf(cells: FairnessCell[]) {
  const groups: { id: string; dimension: 'citizenshipGroup' | 'sex'; group: string }[] = [];
  for (const dimension of ['citizenshipGroup', 'sex'] as const) {
    for (const group of [...new Set(cells.map((c) => c[dimension]))].sort())
      groups.push({ id: `${dimension}:${group}`, dimension, group });
  }
  return groups;
}

/** The counts (and their subtractions) of the total and of every group, with their key sums. */
function countedOf(cells: FairnessCell[]) {
  const withKeys = cells.length > 0 && cells.every((c) => c.keys);
  const sum = (subset: FairnessCell[]) => {
    const values = Object.fromEntries(COUNTS.map((k) => [k, subset.reduce((n, c) => n + c[k], 0)])) as Record<
      string,
      number
    >;
    for (const [rest, [whole, part]] of Object.entries(REST)) values[rest] = values[whole]! - values[part]!;
    values.noOutcome = values.assessed! - values.good! - values.bad!;
    const keys = withKeys
      ? (Object.fromEntries(COUNTS.map((k) => [k, subset.reduce((n, c) => n + c.keys![k], 0)])) as Record<
          Count,
          number
        >)
      : undefined;
    return { values, keys };
  };
  return new Map<string, ReturnType<typeof sum>>([
    ['total', sum(cells)],
    ...groupsOf(cells).map((g) => [g.id, sum(cells.filter((c) => c[g.dimension] === g.group))] as const),
  ]);
}
