import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { FairnessGroup } from '@primm/shared/contracts/aggregates';
import type { Db } from '../db/open-database';
import { createTestDb, onPostgres } from '../testing/test-db';
import { fairnessGroups, type FairnessCell } from './fairness';
import { buildFairnessQuery, countFairness } from './fairness-counts';
import { aRandomRegion } from './random-region';
import { loadStudentFacts } from './testing/in-memory-counts';

const none = { students: 0, flagged: 0, assessed: 0, assessedTier2plus: 0, good: 0, goodTier2plus: 0, bad: 0, badTier1: 0 };
const cell = (citizenshipGroup: string, sex: string, counts: Partial<typeof none>): FairnessCell => ({ citizenshipGroup, sex, ...none, ...counts });

describe('fairnessGroups', () => {
  test('when 20 Italian students (5 at tier 2, 4 flagged) and 6 newly arrived, then shares for the first, nothing for the second', () => {
    const cells = [
      cell('italiano', 'F', { students: 12, flagged: 4, assessed: 12, assessedTier2plus: 5 }),
      cell('italiano', 'M', { students: 8, assessed: 8 }),
      cell('neo_arrivato', 'F', { students: 6, flagged: 6, assessed: 6, assessedTier2plus: 6 }),
    ];

    const groups = fairnessGroups(cells, 10);

    expect(groups).toEqual([
      { dimension: 'citizenshipGroup', group: 'italiano', students: 20, suppressed: false, shareFlagged: 0.2, shareTier2plus: 0.25, falsePositiveRate: null, falseNegativeRate: null },
      { dimension: 'citizenshipGroup', group: 'neo_arrivato', students: '<10', suppressed: true, shareFlagged: null, shareTier2plus: null, falsePositiveRate: null, falseNegativeRate: null },
      // 18 women: 10 flagged, 11 of 18 at tier ≥ 2; the 8 men are under the threshold.
      { dimension: 'sex', group: 'F', students: 18, suppressed: false, shareFlagged: 10 / 18, shareTier2plus: 11 / 18, falsePositiveRate: null, falseNegativeRate: null },
      { dimension: 'sex', group: 'M', students: '<10', suppressed: true, shareFlagged: null, shareTier2plus: null, falsePositiveRate: null, falseNegativeRate: null },
    ]);
  });

  test.each([
    // assessed, tier ≥ 2, good (tier ≥ 2), bad (tier 1) → shareTier2plus, false positive, false negative
    [{ assessed: 30, assessedTier2plus: 12, good: 14, goodTier2plus: 2, bad: 12, badTier1: 3 }, [12 / 30, 2 / 14, 3 / 12]],
    [{ assessed: 30, assessedTier2plus: 12, good: 9, goodTier2plus: 2, bad: 12, badTier1: 3 }, [12 / 30, null, 3 / 12]], // 9 good: too few for a rate
    [{ assessed: 9, assessedTier2plus: 9, good: 0, goodTier2plus: 0, bad: 0, badTier1: 0 }, [null, null, null]], // 9 assessed of 30: no share
  ])('fairnessGroups: 30 students with %j → shares %j', (counts, [tier2plus, falsePositive, falseNegative]) => {
    const [group] = fairnessGroups([cell('italiano', 'F', { students: 30, ...counts })], 10);

    expect(group).toMatchObject({ students: 30, shareTier2plus: tier2plus, falsePositiveRate: falsePositive, falseNegativeRate: falseNegative });
  });

  test('when a group spans several cells, then their counts add up before the threshold is applied', () => {
    const cells = [cell('italiano', 'F', { students: 6, flagged: 1 }), cell('straniero_nato_in_italia', 'F', { students: 5, flagged: 2 })];

    const women = fairnessGroups(cells, 10).find((g) => g.group === 'F');

    expect(women).toMatchObject({ students: 11, suppressed: false, shareFlagged: 3 / 11, shareTier2plus: null });
  });
});

/** A year that ended badly, as the route read it before counting moved to SQL. */
const BAD = new Set(['non_ammesso', 'ritirato', 'abbandono']);

/** What the route computed before counting moved to SQL: every student in memory, then tabulated. */
async function fairnessInMemory(db: Db, year: { id: number; label: string }, threshold: number): Promise<{ outcomesAvailable: boolean; groups: FairnessGroup[] }> {
  const facts = await loadStudentFacts(db, year, { groupBy: [] });
  const finals = await db.selectFrom('outcome').innerJoin('student', 'student.id', 'outcome.student_id')
    .select(['outcome.student_id', 'outcome.result']).where('school_year', '=', year.label).where('period', '=', 'finale').execute();
  const outcomesAvailable = finals.some((f) => ['ammesso', 'non_ammesso', 'sospensione_giudizio'].includes(f.result));
  const resultOf = new Map(finals.map((f) => [f.student_id, f.result]));
  const all = facts.map((f) => ({ ...f, finalResult: outcomesAvailable ? (resultOf.get(f.studentId) ?? null) : null }));
  const groups: FairnessGroup[] = [];
  for (const dimension of ['citizenshipGroup', 'sex'] as const) {
    for (const group of [...new Set(all.map((f) => f[dimension]))].sort()) {
      const members = all.filter((f) => f[dimension] === group);
      const suppressed = members.length < threshold;
      const assessed = members.filter((f) => f.tier !== null);
      const withOutcome = assessed.filter((f) => f.finalResult !== null);
      const good = withOutcome.filter((f) => !BAD.has(f.finalResult!));
      const bad = withOutcome.filter((f) => BAD.has(f.finalResult!));
      const share = (part: number, whole: number) => (suppressed || whole < threshold ? null : part / whole);
      groups.push({
        dimension, group, students: suppressed ? `<${threshold}` : members.length, suppressed,
        shareFlagged: share(members.filter((f) => f.flagged).length, members.length),
        shareTier2plus: share(assessed.filter((f) => (f.tier ?? 0) >= 2).length, assessed.length),
        falsePositiveRate: share(good.filter((f) => (f.tier ?? 0) >= 2).length, good.length),
        falseNegativeRate: share(bad.filter((f) => f.tier === 1).length, bad.length),
      });
    }
  }
  return { outcomesAvailable, groups };
}

class Rollback extends Error {}

/** Runs `act` on a region of its own, then rolls it back: one database for many regions. */
async function inRegion(db: Db, seed: number, students: number, act: (trx: Db) => Promise<void>) {
  await db.transaction().execute(async (trx) => {
    await aRandomRegion(trx, seed, students);
    await act(trx);
    throw new Rollback();
  }).catch((e: unknown) => {
    if (!(e instanceof Rollback)) throw e;
  });
}

describe('countFairness', () => {
  test('property: on random regions (overrides, flags, final outcomes), for either year and any threshold, the SQL counts give the report of the in-memory tabulation (40 runs)', async () => {
    const db = await createTestDb();
    const region = fc.record({
      seed: fc.integer({ min: 1, max: 10_000 }),
      students: fc.integer({ min: 0, max: 160 }),
      label: fc.constantFrom('2025/26', '2024/25'),
      threshold: fc.constantFrom(1, 3, 10, 25),
    });

    await fc.assert(
      fc.asyncProperty(region, async ({ seed, students, label, threshold }) => {
        await inRegion(db, seed, students, async (trx) => {
          const year = await trx.selectFrom('school_year').select(['id', 'label']).where('label', '=', label).executeTakeFirstOrThrow();

          const { outcomesAvailable, cells } = await countFairness(trx, year);

          expect({ outcomesAvailable, groups: fairnessGroups(cells, threshold) }).toEqual(await fairnessInMemory(trx, year, threshold));
        });
      }),
      { numRuns: 40 },
    );
  }, 120_000);

  test('when the region has final verdicts, then rates of tier ≥ 2 are published (the property above compares real rates)', async () => {
    const db = await createTestDb();
    await aRandomRegion(db, 7);
    const year = await db.selectFrom('school_year').select(['id', 'label']).where('label', '=', '2025/26').executeTakeFirstOrThrow();

    const { outcomesAvailable, cells } = await countFairness(db, year);

    expect(outcomesAvailable).toBe(true);
    const italians = fairnessGroups(cells, 10).find((g) => g.group === 'italiano')!;
    expect([italians.shareFlagged, italians.shareTier2plus, italians.falsePositiveRate, italians.falseNegativeRate]).not.toContain(null);
  }, 60_000);

  // Query changes show in review (STYLE.md): the SQLite text, parameters apart.
  test.skipIf(onPostgres)('the statement, when final outcomes exist', async () => {
    const db = await createTestDb();

    const query = await buildFairnessQuery(db, { id: 1, label: '2025/26' }, true);

    await expect(query.compile(db).sql).toMatchFileSnapshot('./__snapshots__/fairness-counts.sql');
  });
});
