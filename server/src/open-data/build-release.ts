import { AggregateQuery, type AggregateResult, type Cell } from '@primm/shared/contracts/aggregates';
import { OPEN_DATA_MEASURES, type OpenDataTable, type OpenDataValues } from '@primm/shared/contracts/open-data';
import { aggregateComputerFor } from '../aggregates/aggregate-runner';
import type { AggregateComputer, AggregateSettings } from '../aggregates/compute-aggregates';
import type { Db } from '../db/open-database';

/**
 * The candidate release of `year`: the aggregates' table by province (the same counting,
 * small-cell and complementary suppression as /api/aggregates, through its public computation).
 * The audit against earlier releases (release-differencing.ts) comes after, where the caller
 * holds the releases table still.
 *
 * No noise (aggregateNoise 0): a release is one fixed table, audited exactly against every earlier
 * release (release-differencing.ts); the cell-key noise would make every sum through the total
 * differ by a few between any two releases, so the audit would withhold everything.
 */
export async function countRelease(
  computer: AggregateComputer,
  input: { year: { id: number; label: string }; version: number },
): Promise<OpenDataTable> {
  const result = (await computer.compute({
    kind: 'table',
    version: input.version,
    year: input.year,
    query: AggregateQuery.parse({ groupBy: 'province', measures: OPEN_DATA_MEASURES.join(',') }),
    only: null,
  })) as AggregateResult;
  return toOpenDataTable(result);
}

/**
 * The aggregates' computer for releases: on its own thread when the database can be opened twice
 * (a file, PostgreSQL), as for /api/aggregates, so that counting a year holds no other request.
 */
export function releaseComputerFor(
  db: Db,
  deps: AggregateSettings & { dbPath?: string; databaseUrl?: string | null },
): AggregateComputer {
  return aggregateComputerFor(db, { ...deps, aggregateNoise: 0 });
}

export function toOpenDataTable(result: AggregateResult): OpenDataTable {
  const pick = (values: Record<string, Cell>): OpenDataValues =>
    Object.fromEntries(OPEN_DATA_MEASURES.map((m) => [m, values[m] ?? 0])) as OpenDataValues;
  return {
    schoolYear: result.year,
    threshold: result.threshold,
    measures: [...OPEN_DATA_MEASURES],
    rows: result.rows.map((r) => ({
      province: r.group.province!,
      provinceName: r.labels.province ?? r.group.province!,
      values: pick(r.values),
    })),
    total: pick(result.total),
    withheld: [],
  };
}
