import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { AggregateQuery, Dimension, MEASURES } from '@primm/shared/contracts/aggregates';
import { onPostgres, createTestDb, propertyRuns } from '../testing/test-db';
import { cellKeySecret } from './cell-key';
import { buildCountQuery, countGroups } from './count-groups';
import { aRandomRegion } from './random-region';
import type { GroupCount } from './publish-counts';
import { countFacts, loadStudentFacts } from './testing/in-memory-counts';

const secret = cellKeySecret('test-key');
const byKey = (cells: GroupCount[]) => [...cells].sort((a, b) => a.key.join('|').localeCompare(b.key.join('|')));

/** What the route did before counting moved to SQL: every student in memory, scope applied after. */
async function countInMemory(
  db: Awaited<ReturnType<typeof createTestDb>>,
  year: { id: number; label: string },
  query: AggregateQuery,
  only: number[] | null,
) {
  let facts = await loadStudentFacts(db, year, query);
  if (only !== null) {
    const codes = new Set(
      (
        await db
          .selectFrom('school')
          .select('code')
          .where('id', 'in', only.length ? only : [-1])
          .execute()
      ).map((s) => s.code),
    );
    facts = facts.filter((f) => codes.has(f.school));
  }
  return countFacts(facts, query.groupBy, [...MEASURES], secret);
}

describe('countGroups', () => {
  test('property: whatever grouping, filters and school scope, the SQL counts and cell-key sums equal the in-memory tabulation of every student (300 runs)', async () => {
    const db = await createTestDb();
    const { schoolIds } = await aRandomRegion(db, 7);
    const years = await db.selectFrom('school_year').select(['id', 'label']).execute();
    // Each filter unset 3 times in 4 (fc.option would set it 4 in 5): with eight of them, runs
    // then select real numbers of students instead of mostly empty sets.
    const maybe = <T>(...values: T[]) =>
      fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.constantFrom(...values) });
    const query = fc.record({
      year: fc.constantFrom(...years),
      groupBy: fc.uniqueArray(fc.constantFrom(...Dimension.options), { maxLength: 2 }),
      province: maybe('AN', 'PU', 'MC'),
      school: maybe('ANPS03000E', 'MCMM01000B'),
      level: maybe('primo_grado' as const, 'secondo_grado' as const),
      gradeLevel: maybe(1, 3, 5),
      track: maybe('liceo' as const, 'tecnico' as const),
      citizenshipGroup: maybe(
        'italiano' as const,
        'straniero_nato_in_italia' as const,
        'straniero_nato_all_estero' as const,
        'neo_arrivato' as const,
      ),
      sex: maybe('M' as const, 'F' as const),
      only: fc.oneof({ weight: 3, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.subarray(schoolIds) }),
    });

    await fc.assert(
      fc.asyncProperty(query, async ({ year, only, groupBy, ...filters }) => {
        const q = AggregateQuery.parse({
          groupBy: groupBy.join(','),
          ...Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined)),
        });

        const [inSql, inMemory] = await Promise.all([
          countGroups(db, year, q, [...MEASURES], only, secret),
          countInMemory(db, year, q, only),
        ]);

        expect(byKey(inSql)).toEqual(byKey(inMemory));
      }),
      { numRuns: propertyRuns(300) },
    );
  }, 120_000);

  test('when the region has students, then the table is not trivially empty (the property above compares real counts)', async () => {
    const db = await createTestDb();
    await aRandomRegion(db, 7);
    const year = await db
      .selectFrom('school_year')
      .select(['id', 'label'])
      .where('label', '=', '2025/26')
      .executeTakeFirstOrThrow();

    const cells = await countGroups(db, year, { groupBy: ['citizenshipGroup'] }, [...MEASURES], null, secret);

    expect(cells.map((c) => c.key[0]).sort()).toEqual([
      'italiano',
      'neo_arrivato',
      'straniero_nato_all_estero',
      'straniero_nato_in_italia',
    ]);
    for (const m of MEASURES)
      expect(
        cells.reduce((n, c) => n + c.values[m]!, 0),
        m,
      ).toBeGreaterThan(0);
  }, 60_000);

  // Query changes show in review (STYLE.md): the SQLite text of one request, parameters apart.
  test.skipIf(onPostgres)('the statement of a grouped, filtered request', async () => {
    const db = await createTestDb();

    const query = await buildCountQuery(
      db,
      { id: 1, label: '2025/26' },
      { groupBy: ['province', 'citizenshipGroup'], gradeLevel: 3 },
      ['students', 'tier3'],
      [1, 2],
      secret,
    );

    await expect(query.compile(db).sql).toMatchFileSnapshot('./__snapshots__/count-groups.sql');
  });
});
