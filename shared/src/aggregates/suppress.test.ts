import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { suppressCounts, type CountRecord, type Relation } from './suppress';
import { publishedRanges, type HiddenRange } from './testing/published-ranges';

type Counts = Record<string, number>;

/**
 * A table as publishCounts builds it (server/src/aggregates/publish-counts.ts): cells by one or two
 * dimensions, their margins and the total; each measure sums over cells, margins and total; the
 * tiers are a partition of the students (less those with no tier). Cells of a margin under the
 * threshold are not listed (unpublished), as there.
 */
function aTable(cells: [string[], Counts][], threshold: number): { records: CountRecord[]; relations: Relation[] } {
  const measures = Object.keys(cells[0]![1]);
  const sum = (list: Counts[]) => Object.fromEntries(measures.map((m) => [m, list.reduce((s, c) => s + c[m]!, 0)]));
  const dims = cells[0]![0].length;
  const records: CountRecord[] = [{ id: 'total', values: sum(cells.map(([, c]) => c)) }];
  const relations: Relation[] = [];
  const margins = new Map<string, { dim: number; cells: string[] }>();
  for (const [key, counts] of cells) {
    records.push({ id: `row:${key.join('|')}`, values: counts });
    if (dims === 2)
      key.forEach((v, d) => {
        const id = `margin:${d}:${v}`;
        const m = margins.get(id) ?? { dim: d, cells: [] };
        m.cells.push(`row:${key.join('|')}`);
        margins.set(id, m);
      });
  }
  for (const [id, m] of margins)
    records.push({
      id,
      values: sum(cells.filter(([key]) => m.cells.includes(`row:${key.join('|')}`)).map(([, c]) => c)),
    });
  const small = new Set(
    [...margins]
      .filter(([id]) => {
        const s = records.find((r) => r.id === id)!.values.students!;
        return s > 0 && s < threshold;
      })
      .flatMap(([, m]) => m.cells),
  );
  for (const r of records) if (small.has(r.id)) r.unpublished = 'all';
  for (const measure of measures) {
    if (dims === 1)
      relations.push({ members: cells.map(([key]) => [`row:${key.join('|')}`, measure]), target: ['total', measure] });
    for (const d of dims === 2 ? [0, 1] : []) {
      const ofDim = [...margins].filter(([, m]) => m.dim === d);
      for (const [id, m] of ofDim) relations.push({ members: m.cells.map((c) => [c, measure]), target: [id, measure] });
      relations.push({ members: ofDim.map(([id]) => [id, measure]), target: ['total', measure] });
    }
  }
  for (const r of records)
    relations.push({
      members: [
        [r.id, 'tier1'],
        [r.id, 'tier2'],
        [r.id, 'tier3'],
      ],
      target: [r.id, 'students'],
    });
  return { records, relations };
}

const group = (students: number, tier1: number, tier2: number, tier3: number, transferred = 0): Counts => ({
  students,
  tier1,
  tier2,
  tier3,
  transferred,
});

describe('suppressCounts', () => {
  test('when every count is 10 or more (or 0), then nothing is hidden', () => {
    const { records, relations } = aTable(
      [
        [['AN'], group(40, 30, 10, 0)],
        [['PU'], group(50, 30, 10, 10)],
      ],
      10,
    );

    const { shown } = suppressCounts(records, relations, { threshold: 10 });

    expect(shown).toEqual({
      total: group(90, 60, 20, 10),
      'row:AN': group(40, 30, 10, 0),
      'row:PU': group(50, 30, 10, 10),
    });
  });

  // Issue 17, finding 5: groupBy=citizenshipGroup&measures=transferred — total 20, italiano 18,
  // and two hidden cells that must both be 1. Today the margins solve them exactly.
  test('when the total (20) less the one published group (18) leaves two hidden 1s, then neither can be computed back: each ranges over at least 10 values', () => {
    const transferred = (n: number) => ({ students: 200, tier1: 200, tier2: 0, tier3: 0, transferred: n });
    const { records, relations } = aTable(
      [
        [['italiano'], transferred(18)],
        [['neo_arrivato'], transferred(1)],
        [['straniero_nato_all_estero'], transferred(1)],
      ],
      10,
    );

    const { shown } = suppressCounts(records, relations, { threshold: 10 });

    const ranges = publishedRanges(records, relations, shown, 10, 'sums').filter((r) => r.cell[1] === 'transferred');
    expect(ranges.map((r) => r.cell[0])).toEqual(
      expect.arrayContaining(['row:neo_arrivato', 'row:straniero_nato_all_estero']),
    );
    for (const r of ranges) expect(r.max - r.min, `${r.cell}`).toBeGreaterThanOrEqual(10);
    expect(shown['row:neo_arrivato']!.transferred).toBe('<10');
    expect(shown['row:straniero_nato_all_estero']!.transferred).toBe('<10');
  });

  test('when two small cells sum to 18 with the total published, then the symbols cannot pin them at 9 and 9', () => {
    const { records, relations } = aTable(
      [
        [['A'], group(30, 30, 0, 0, 9)],
        [['B'], group(30, 30, 0, 0, 9)],
        [['C'], group(30, 30, 0, 0, 25)],
      ],
      10,
    );

    const { shown } = suppressCounts(records, relations, { threshold: 10 });

    const ranges = publishedRanges(records, relations, shown, 10, 'symbols').filter((r) => r.shown === '<10');
    expect(ranges).toHaveLength(2);
    for (const r of ranges) expect([r.min, r.max]).toEqual([1, 9]);
  });

  test('when one tier count is 3, then it is <10, and the cells hidden with it are n.d.', () => {
    const { records, relations } = aTable(
      [
        [['AN'], group(40, 25, 12, 3)],
        [['PU'], group(50, 28, 11, 11)],
        [['MC'], group(60, 30, 15, 15)],
      ],
      10,
    );

    const { shown, unprotected } = suppressCounts(records, relations, { threshold: 10 });

    expect(shown['row:AN']!.tier3).toBe('<10');
    expect(
      Object.values(shown)
        .flatMap((r) => Object.values(r))
        .filter((v) => v === 'n.d.').length,
    ).toBeGreaterThanOrEqual(3);
    expect(unprotected).toEqual([]);
  });

  test('when a group has fewer than 10 students, then every measure of it is <10, its zeros too', () => {
    const { records, relations } = aTable(
      [
        [['AN'], group(7, 7, 0, 0)],
        [['PU'], group(50, 30, 10, 10)],
        [['MC'], group(60, 30, 15, 15)],
      ],
      10,
    );

    const { shown } = suppressCounts(records, relations, { threshold: 10 });

    expect(shown['row:AN']).toEqual({ students: '<10', tier1: '<10', tier2: '<10', tier3: '<10', transferred: '<10' });
  });

  test('when a cell must be protected from another request, then it is n.d. and keeps the range asked for', () => {
    const { records, relations } = aTable(
      [
        [['AN'], group(27, 27, 0, 0)],
        [['PU'], group(50, 50, 0, 0)],
        [['MC'], group(60, 60, 0, 0)],
      ],
      10,
    );

    const { shown } = suppressCounts(records, relations, {
      threshold: 10,
      protect: [{ cell: ['row:AN', 'students'], min: 19, max: 27 }],
    });

    expect(shown['row:AN']!.students).toBe('n.d.');
    const an = publishedRanges(records, relations, shown, 10, 'symbols').find(
      (r) => r.cell[0] === 'row:AN' && r.cell[1] === 'students',
    )!;
    expect(an.min).toBeLessThanOrEqual(19);
    expect(an.max).toBeGreaterThanOrEqual(27);
  });
});

/** Random one- and two-way tables of students, tiers and a rare measure: many small cells. */
const aRandomTable = (size: number) =>
  fc
    .record({
      rows: fc.integer({ min: 1, max: size }),
      cols: fc.integer({ min: 0, max: size - 1 }),
      threshold: fc.integer({ min: 3, max: 10 }),
      draws: fc.array(
        fc.record({
          students: fc.oneof(fc.nat(12), fc.integer({ min: 10, max: 60 })),
          split: fc.tuple(fc.nat(100), fc.nat(100)),
          unassessed: fc.nat(2),
          transferred: fc.nat(12),
        }),
        { minLength: 12, maxLength: 12 },
      ),
    })
    .map(({ rows, cols, threshold, draws }) => {
      const keys =
        cols === 0
          ? [...Array(rows).keys()].map((r) => [`r${r}`])
          : [...Array(rows).keys()].flatMap((r) => [...Array(cols).keys()].map((c) => [`r${r}`, `c${c}`]));
      const cells: [string[], Counts][] = [];
      keys.forEach((key, i) => {
        const d = draws[i % draws.length]!;
        if (d.students === 0) return; // empty groups are not listed
        const assessed = Math.max(0, d.students - d.unassessed);
        const tier1 = Math.round((assessed * d.split[0]) / 100);
        const tier2 = Math.round(((assessed - tier1) * d.split[1]) / 100);
        cells.push([
          key,
          group(d.students, tier1, tier2, assessed - tier1 - tier2, Math.min(d.transferred, d.students)),
        ]);
      });
      return { cells, threshold };
    })
    .filter(({ cells }) => cells.length > 0);

describe('suppressCounts (property)', () => {
  // The reader's ranges are built from the published table alone; lp.ts solves most runs (fast),
  // the independent javascript-lp-solver a few small tables.
  test.each([
    ['lp.ts', 30, 4],
    ['javascript-lp-solver', 6, 2],
  ] as const)(
    'on random tables (%s, %i runs), no count 1..k−1 is shown, no hidden cell is narrower than k by the sums alone, and no <k cell is narrower than its symbol allows',
    (solver, numRuns, size) => {
      fc.assert(
        fc.property(aRandomTable(size), ({ cells, threshold: k }) => {
          const { records, relations } = aTable(cells, k);

          const { shown } = suppressCounts(records, relations, { threshold: k });

          for (const r of records)
            for (const [m, v] of Object.entries(r.values)) {
              const s = shown[r.id]![m];
              if (typeof s === 'number') expect(s === v && (v === 0 || v >= k)).toBe(true);
            }
          // Every hidden cell spans k values by the sums alone, unless the published zeros alone forbid it.
          const wide = (r: HiddenRange) => r.max - r.min >= k;
          const short = publishedRanges(records, relations, shown, k, 'sums', {
            solver,
            only: (r) => r.shown !== undefined || (r.value > 0 && r.value < k),
          }).filter((r) => !wide(r));
          for (const r of short) {
            const [most] = publishedRanges(records, relations, shown, k, 'sums-only', {
              solver,
              only: (o) => o.cell.join() === r.cell.join(),
            });
            expect(r.max - r.min, `${r.cell}`).toBeGreaterThanOrEqual(most!.max - most!.min);
          }
          // Every small cell ranges over all its symbol allows (1..k−1), unless the symbols and zeros
          // alone forbid it; an unpublished one over at least half the threshold.
          const isSmall = (r: HiddenRange) =>
            r.shown === `<${k}` || (r.shown === undefined && r.value > 0 && r.value < k);
          for (const r of publishedRanges(records, relations, shown, k, 'symbols', { solver, only: isSmall })) {
            if (r.shown === undefined && r.max - r.min >= Math.ceil(k / 2)) continue;
            const low = shown[r.cell[0]]!.students !== `<${k}` || r.cell[1] === 'students' ? 1 : 0;
            if (r.shown !== undefined && r.min <= low && r.max >= k - 1) continue;
            const [most] = publishedRanges(records, relations, shown, k, 'symbols-only', {
              solver,
              only: (o) => o.cell.join() === r.cell.join(),
            });
            if (r.shown === undefined) {
              expect(r.max - r.min, `${r.cell} unpublished`).toBeGreaterThanOrEqual(
                Math.min(Math.ceil(k / 2), most!.max - most!.min),
              );
              continue;
            }
            expect(r.min, `${r.cell} low`).toBeLessThanOrEqual(Math.max(most!.min, low));
            expect(r.max, `${r.cell} high`).toBeGreaterThanOrEqual(Math.min(most!.max, k - 1));
          }
        }),
        { numRuns },
      );
    },
  );
});
