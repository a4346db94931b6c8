import { COMPLEMENTARY } from '@primm/shared/aggregates/suppress';
import type { Cell } from '@primm/shared/contracts/aggregates';
import {
  OPEN_DATA_SECTIONS,
  type OpenDataMeasure,
  type OpenDataTable,
  type OpenDataValues,
} from '@primm/shared/contracts/open-data';

/**
 * Protection against differencing between releases (docs/open-data.md): two releases of the same
 * school year are two tables of nearly the same students, and subtracting one from the other
 * gives the students who changed in between. A difference of 1 to threshold − 1 is a small
 * group, as telling as a small cell ("3 more students of Fermo reached Livello 3").
 *
 * The groups a reader can form from one release, per measure: any set of provinces, as the sum
 * of their published cells, or as the published total less the other provinces; and, inside a
 * partition (the levels, the attendance bands), any set of its measures summed. Each such group
 * that both releases give as a number must differ by 0 or by threshold or more.
 *
 * When one does not, the columns involved are withheld from the new release (every province and
 * the total `n.d.`), with the whole partition when the column is in one (a level alone withheld
 * would come back as the others' complement) and both partitions when it is the students (its
 * sum). Withholding a whole column adds no relation a reader could solve, so the release's own
 * suppression stays valid; then the audit runs again, until no published group differs by a few.
 *
 * Exact counts: this audit is exact only if the published sums are (the aggregates' noise would
 * make every sum through the total differ by a few between any two releases), so releases
 * publish no noise (open-data/build-release.ts).
 */

const PARTITIONS: readonly (readonly OpenDataMeasure[])[] = [OPEN_DATA_SECTIONS.levels, OPEN_DATA_SECTIONS.attendance];

export interface PublishedRelease {
  id: number;
  data: OpenDataTable;
}

export interface DifferencingConflict {
  releaseId: number;
  provinces: string[];
  measures: OpenDataMeasure[];
  /** Only for the admin's preview: the number itself would be the disclosure on a public page. */
  difference: number;
}

/** The release with the columns withheld that would difference a published one into a few. */
export function protectAgainstReleases(
  candidate: OpenDataTable,
  published: PublishedRelease[],
): { data: OpenDataTable; conflicts: DifferencingConflict[] } {
  const sameYear = published.filter((r) => r.data.schoolYear === candidate.schoolYear);
  let data = candidate;
  const all: DifferencingConflict[] = [];
  for (;;) {
    const conflicts = findConflicts(data, sameYear);
    if (conflicts.length === 0) return { data, conflicts: all };
    all.push(...conflicts);
    const measures = closeOverPartitions(new Set(conflicts.flatMap((c) => c.measures)));
    data = withhold(
      data,
      measures,
      [...new Set(conflicts.map((c) => c.releaseId))].sort((a, b) => a - b),
    );
  }
}

/** Every group of provinces × measures that the two releases give as numbers a few apart. */
export function findConflicts(data: OpenDataTable, published: PublishedRelease[]): DifferencingConflict[] {
  const out: DifferencingConflict[] = [];
  const provinces = [
    ...new Set([...data.rows, ...published.flatMap((r) => r.data.rows)].map((r) => r.province)),
  ].sort();
  const groups = provinceGroups(provinces).map((g) => ({ g, inside: provinces.map((p) => g.includes(p)) }));
  const measureSets = measureGroups(data.measures);
  const now = readerView(data, provinces);
  for (const release of published) {
    const then = readerView(release.data, provinces);
    for (const measures of measureSets) {
      const a = now(measures);
      const b = then(measures);
      for (const { g, inside } of groups) {
        const bad = differences(a, b, inside).find((d) => isSmall(d, data.threshold));
        if (bad !== undefined) out.push({ releaseId: release.id, provinces: g, measures, difference: bad });
      }
    }
  }
  return out;
}

const isSmall = (d: number, threshold: number) => d !== 0 && Math.abs(d) < threshold;

/**
 * Every non-empty set of provinces; past 12 (never in this region) only each province and its
 * complement, to bound the work (2^n sets).
 */
export function provinceGroups(provinces: string[]): string[][] {
  if (provinces.length > 12) return provinces.flatMap((p) => [[p], provinces.filter((q) => q !== p)]);
  const out: string[][] = [];
  for (let mask = 1; mask < 1 << provinces.length; mask++) out.push(provinces.filter((_, i) => mask & (1 << i)));
  return out;
}

/** Each measure alone, and every set of two or more measures of one partition. */
export function measureGroups(measures: readonly OpenDataMeasure[]): OpenDataMeasure[][] {
  const out: OpenDataMeasure[][] = measures.map((m) => [m]);
  for (const part of PARTITIONS) {
    const members = part.filter((m) => measures.includes(m));
    for (let mask = 1; mask < 1 << members.length; mask++) {
      const set = members.filter((_, i) => mask & (1 << i));
      if (set.length > 1) out.push(set);
    }
  }
  return out;
}

/** Per province (in order) and for the total, the sum of `measures` as published; NaN: hidden. */
type View = { cells: number[]; total: number };

/** A province absent from a release has no students there (0). */
function readerView(data: OpenDataTable, provinces: string[]): (measures: OpenDataMeasure[]) => View {
  const byProvince = new Map(data.rows.map((r) => [r.province, r.values]));
  const sumOf = (values: OpenDataValues | undefined, measures: OpenDataMeasure[]) =>
    values === undefined ? 0 : measures.reduce((s, m) => s + numberOf(values[m]), 0);
  return (measures) => ({
    cells: provinces.map((p) => sumOf(byProvince.get(p), measures)),
    total: sumOf(data.total, measures),
  });
}

/**
 * The differences between what a reader computes for the provinces `inside` from each release:
 * the sum of their cells, or the total less the other provinces (NaN when a cell is hidden).
 */
function differences(a: View, b: View, inside: boolean[]): number[] {
  const ways = (v: View) => {
    let direct = 0;
    let rest = 0;
    v.cells.forEach((c, i) => (inside[i] ? (direct += c) : (rest += c)));
    return [direct, v.total - rest].filter((x) => !Number.isNaN(x));
  };
  return ways(a).flatMap((x) => ways(b).map((y) => x - y));
}

function numberOf(cell: Cell | undefined): number {
  return typeof cell === 'number' ? cell : Number.NaN;
}

function closeOverPartitions(measures: Set<OpenDataMeasure>): Set<OpenDataMeasure> {
  const out = new Set(measures);
  for (const part of PARTITIONS) {
    if (out.has('students') || part.some((m) => out.has(m))) for (const m of part) out.add(m);
  }
  return out;
}

function withhold(data: OpenDataTable, measures: Set<OpenDataMeasure>, releaseIds: number[]): OpenDataTable {
  const hide = (values: OpenDataValues): OpenDataValues =>
    Object.fromEntries(
      Object.entries(values).map(([m, v]) => [m, measures.has(m as OpenDataMeasure) ? COMPLEMENTARY : v]),
    ) as OpenDataValues;
  const list = [...measures].sort((a, b) => data.measures.indexOf(a) - data.measures.indexOf(b));
  return {
    ...data,
    rows: data.rows.map((r) => ({ ...r, values: hide(r.values) })),
    total: hide(data.total),
    withheld: [
      ...data.withheld,
      {
        measures: list,
        releaseIds,
        reason: `Colonne non diffuse: confrontate con ${releaseIds.length === 1 ? 'la pubblicazione' : 'le pubblicazioni'} n. ${releaseIds.join(', ')} dello stesso anno scolastico, differirebbero di meno di ${data.threshold} studenti e indicherebbero che cosa è cambiato per quei pochi`,
      },
    ],
  };
}
