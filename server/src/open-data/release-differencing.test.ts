import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { MEASURES, type Cell } from '@primm/shared/contracts/aggregates';
import { OPEN_DATA_SECTIONS, type OpenDataMeasure, type OpenDataTable } from '@primm/shared/contracts/open-data';
import { publishCounts, type GroupCount } from '../aggregates/publish-counts';
import { toOpenDataTable } from './build-release';
import { protectAgainstReleases } from './release-differencing';

const PROVINCES = ['AN', 'AP', 'FM', 'MC', 'PU'];
const THRESHOLD = 10;

/** A release as the app builds one: the aggregates' suppression of the province table, no noise. */
function releaseOf(cells: GroupCount[]): OpenDataTable {
  return toOpenDataTable(
    publishCounts(cells, { year: '2025/26', groupBy: ['province'], threshold: THRESHOLD, labels: (_d, v) => v }),
  );
}

/** Counts of one province: `students`, the levels and bands partitioning them, the rest below. */
const aProvince = (province: string) =>
  fc
    .record({
      students: fc.integer({ min: 0, max: 80 }),
      tiers: fc.tuple(fc.nat(), fc.nat(), fc.nat()),
      bands: fc.tuple(fc.nat(), fc.nat(), fc.nat(), fc.nat()),
      others: fc.array(fc.integer({ min: 0, max: 30 }), { minLength: MEASURES.length, maxLength: MEASURES.length }),
    })
    .map(({ students, tiers, bands, others }): GroupCount => {
      const split = (weights: number[]) => {
        const sum = weights.reduce((a, b) => a + b, 0) || 1;
        return weights.map((w) => Math.floor((students * w) / sum));
      };
      const values: Record<string, number> = Object.fromEntries(
        MEASURES.map((m, i) => [m, Math.min(students, others[i]!)]),
      );
      values.students = students;
      split(tiers).forEach((v, i) => (values[`tier${i + 1}`] = v));
      const [a, b, c, d] = split(bands);
      Object.assign(values, { attended95: a, attended90to95: b, attended80to90: c, attendedBelow80: d });
      return { key: [province], values };
    });

/** The next release's counts: each count moved by a few students now and then (new imports). */
const changed = (cells: GroupCount[]) =>
  fc
    .array(fc.integer({ min: -12, max: 12 }), {
      minLength: cells.length * MEASURES.length,
      maxLength: cells.length * MEASURES.length,
    })
    .map((moves) =>
      cells.map((c, ci) => {
        const values = { ...c.values };
        MEASURES.forEach((m, mi) => {
          const move = moves[ci * MEASURES.length + mi]!;
          if (m !== 'students' && Math.abs(move) > 6)
            values[m] = Math.max(0, Math.min(values.students!, values[m]! + move));
        });
        if (Math.abs(moves[ci * MEASURES.length]!) > 9)
          values.students = values.students! + Math.abs(moves[ci * MEASURES.length]!) - 9;
        return { ...c, values };
      }),
    );

const region = fc.tuple(...PROVINCES.map(aProvince)).chain((cells) => fc.tuple(fc.constant(cells), changed(cells)));

const MEASURE_LIST = Object.values(OPEN_DATA_SECTIONS).flat() as OpenDataMeasure[];
const aPublishedCell = fc.oneof(
  fc.constant<Cell>(0),
  fc.integer({ min: THRESHOLD, max: 120 }),
  fc.constant<Cell>('<10'),
  fc.constant<Cell>('n.d.'),
);
const aPublishedTable = fc
  .array(aPublishedCell, { minLength: 6 * MEASURE_LIST.length, maxLength: 6 * MEASURE_LIST.length })
  .map((cells): OpenDataTable => {
    const valuesAt = (i: number) =>
      Object.fromEntries(
        MEASURE_LIST.map((m, j) => [m, cells[i * MEASURE_LIST.length + j]!]),
      ) as OpenDataTable['total'];
    return {
      schoolYear: '2025/26',
      threshold: THRESHOLD,
      measures: MEASURE_LIST,
      rows: PROVINCES.map((p, i) => ({ province: p, provinceName: p, values: valuesAt(i) })),
      total: valuesAt(5),
      withheld: [],
    };
  });
/** The next table: each number kept, moved by −12..12 (staying ≥ 10 or 0) or hidden. */
const publishedPair = aPublishedTable.chain((first) =>
  fc
    .array(fc.integer({ min: -14, max: 12 }), {
      minLength: 6 * MEASURE_LIST.length,
      maxLength: 6 * MEASURE_LIST.length,
    })
    .map((moves): [OpenDataTable, OpenDataTable] => {
      let i = 0;
      const move = (values: OpenDataTable['total']) =>
        Object.fromEntries(
          Object.entries(values).map(([m, v]) => {
            const d = moves[i++]!;
            if (d < -12) return [m, 'n.d.'];
            if (typeof v !== 'number' || Math.abs(d) < 4) return [m, v];
            return [m, v + d >= THRESHOLD ? v + d : v];
          }),
        ) as OpenDataTable['total'];
      return [
        first,
        { ...first, rows: first.rows.map((r) => ({ ...r, values: move(r.values) })), total: move(first.total) },
      ];
    }),
);

// The reader's side, written apart from the code under test: every group of provinces, as the sum
// of its cells or as the total less the others, for each measure and each set of a partition's
// measures; the values both releases give must never be 1 to 9 apart.
function subsets<T>(items: readonly T[]): T[][] {
  return Array.from({ length: (1 << items.length) - 1 }, (_, i) => items.filter((_, j) => (i + 1) & (1 << j)));
}
const MEASURE_SETS: OpenDataMeasure[][] = [
  ...([...Object.values(OPEN_DATA_SECTIONS)].flat() as OpenDataMeasure[]).map((m) => [m]),
  ...subsets(OPEN_DATA_SECTIONS.levels),
  ...subsets(OPEN_DATA_SECTIONS.attendance),
];
function readable(t: OpenDataTable, provinces: string[], measures: OpenDataMeasure[]): number[] {
  const num = (c: Cell | undefined) => (c === undefined ? 0 : typeof c === 'number' ? c : NaN);
  const cell = (p: string, m: OpenDataMeasure) => num(t.rows.find((r) => r.province === p)?.values[m]);
  const sumOf = (ps: string[]) => ps.reduce((s, p) => s + measures.reduce((n, m) => n + cell(p, m), 0), 0);
  const total = measures.reduce((n, m) => n + num(t.total[m]), 0);
  return [sumOf(provinces), total - sumOf(PROVINCES.filter((p) => !provinces.includes(p)))].filter(Number.isFinite);
}

/** Every group the two tables give as numbers 1 to threshold − 1 apart (expect() once: it is slow). */
function smallDifferences(first: OpenDataTable, second: OpenDataTable): string[] {
  const out: string[] = [];
  for (const provinces of subsets(PROVINCES))
    for (const measures of MEASURE_SETS)
      for (const a of readable(second, provinces, measures))
        for (const b of readable(first, provinces, measures))
          if (a !== b && Math.abs(a - b) < THRESHOLD) out.push(`${provinces} ${measures}: ${a} vs ${b}`);
  return out;
}

describe('protectAgainstReleases', () => {
  // The whole path, the aggregates' suppression included (≈ 0.1–0.3 s a run: its audit solves linear programs).
  test('property: when a second release of the year is counted, suppressed and audited, then no cell of either is 1–9 and no group of provinces and measures differs by 1–9', () => {
    fc.assert(
      fc.property(region, ([before, after]) => {
        const first = releaseOf(before);
        const { data: second } = protectAgainstReleases(releaseOf(after), [{ id: 1, data: first }]);

        const small = [first, second].flatMap((t) =>
          [...t.rows.map((r) => r.values), t.total].flatMap((values) =>
            Object.values(values).filter((v) => typeof v === 'number' && v > 0 && v < THRESHOLD),
          ),
        );
        expect(small).toEqual([]);
        expect(smallDifferences(first, second)).toEqual([]);
      }),
      { numRuns: 3 },
    );
  });

  // Any two tables as published (numbers of 10 or more, zeros, `<10`, `n.d.`), many more of them.
  test('property: when any release follows any published one, then no group of provinces and measures differs by 1–9', () => {
    fc.assert(
      fc.property(publishedPair, ([first, next]) => {
        const { data: second } = protectAgainstReleases(next, [{ id: 1, data: first }]);

        expect(smallDifferences(first, second)).toEqual([]);
      }),
      { numRuns: 30 },
    );
  });

  test('protectAgainstReleases: when a province gains 3 students at Livello 3, then every level column is withheld and says why', () => {
    const before = PROVINCES.map((p) => ({ key: [p], values: counts(100, [60, 30, 10]) }));
    const after = before.map((c, i) => (i === 2 ? { ...c, values: counts(103, [60, 30, 13]) } : c));

    const { data, conflicts } = protectAgainstReleases(releaseOf(after), [{ id: 7, data: releaseOf(before) }]);

    expect(data.total.tier3).toBe('n.d.');
    expect(data.rows.map((r) => [r.values.tier1, r.values.tier3])).toEqual(PROVINCES.map(() => ['n.d.', 'n.d.']));
    // The students moved by 3 too: the students' column and both partitions go.
    expect(data.withheld).toEqual([
      expect.objectContaining({
        releaseIds: [7],
        measures: [
          'students',
          'tier1',
          'tier2',
          'tier3',
          'attended95',
          'attended90to95',
          'attended80to90',
          'attendedBelow80',
        ],
      }),
    ]);
    expect(data.withheld[0]!.reason).toMatch(/meno di 10 studenti/);
    expect(conflicts).toContainEqual({ releaseId: 7, provinces: ['FM'], measures: ['tier3'], difference: 3 });
    // What did not move stays published.
    expect(data.rows[0]!.values.action_tutoring).toBe(20);
  });

  test('protectAgainstReleases: when nothing changed, then the release is published whole', () => {
    const cells = PROVINCES.map((p) => ({ key: [p], values: counts(100, [60, 30, 10]) }));

    const { data, conflicts } = protectAgainstReleases(releaseOf(cells), [{ id: 1, data: releaseOf(cells) }]);

    expect(conflicts).toEqual([]);
    expect(data.withheld).toEqual([]);
    expect(data).toEqual(releaseOf(cells));
  });

  test('protectAgainstReleases: when the releases are of different school years, then they are not compared', () => {
    const before = PROVINCES.map((p) => ({ key: [p], values: counts(100, [60, 30, 10]) }));
    const after = before.map((c) => ({ ...c, values: counts(103, [60, 30, 13]) }));

    const { data } = protectAgainstReleases(releaseOf(after), [
      { id: 1, data: { ...releaseOf(before), schoolYear: '2024/25' } },
    ]);

    expect(data.withheld).toEqual([]);
  });
});

function counts(students: number, [t1, t2, t3]: number[]): Record<string, number> {
  const values: Record<string, number> = Object.fromEntries(MEASURES.map((m) => [m, 20]));
  return {
    ...values,
    students,
    tier1: t1!,
    tier2: t2!,
    tier3: t3!,
    attended95: students - 40,
    attended90to95: 20,
    attended80to90: 10,
    attendedBelow80: 10,
  };
}
