import {
  type AggregateQuery,
  type AggregateResult,
  type FairnessTable,
  type Measure,
  type PreviousAggregateTable,
  type PreviousFairnessReport,
} from '@primm/shared/contracts/aggregates';
import { WhatWorksBy } from '@primm/shared/contracts/what-works';
import { yearsWithData } from '../db/current-year';
import type { Db } from '../db/open-database';
import { aggregateComputerFor } from './aggregate-runner';
import {
  FAIRNESS_SNAPSHOT_KEY,
  frozenPeriodEnds,
  insertSnapshots,
  regionPeriodEnds,
  sameDateYearBefore,
  snapshotKey,
  snapshotTables,
} from './aggregate-snapshots';
import type {
  AggregateBody,
  AggregateJob,
  AggregateSettings,
  FrozenCounts,
  FrozenFairness,
} from './compute-aggregates';
import { resolveMeasures } from './publish-counts';
import { AggregateCache, CountMemo, readDataVersion } from './result-cache';
import { findLatestYearWithData } from './years-with-data';

type SchoolYear = { id: number; label: string };

export interface AggregateServiceDeps extends AggregateSettings {
  dbPath?: string;
  databaseUrl?: string | null;
  now?: () => Date;
  /**
   * Precompute after every data change (issue 22.5). On by default when the aggregates run on
   * their own thread (a database file, PostgreSQL); off for `:memory:` (tests ask for it).
   */
  warm?: boolean;
  /**
   * Whether a background run, after freezing the due snapshots, also computes the tables the
   * regional pages open with (default). Off (`PRIMM_AGGREGATE_PRECOMPUTE=0`), each table is
   * computed when first asked: the browser journeys write (flags, cases) far more than they read
   * the regional pages, and every write set the aggregates' thread precomputing all of them again,
   * ≈ 6 s of one of the machine's two cores (issue 23). Snapshots are frozen either way: the
   * year-on-year comparison depends on them.
   */
  aggregatePrecompute?: boolean;
}

/**
 * The aggregates' answers, their caches, the frozen snapshots and the warming after a change.
 *
 * Two levels of cache, per data version: `bodies` holds each table computed with every measure
 * (the suppression never depends on the measures asked, publish-counts.ts), so that any request
 * for the same table, whatever measures it asks, is a projection; `json` the serialised answer
 * of each exact request.
 *
 * Warming (issue 22.5: at 200 000 students the first request after an import waited 6.4 s for
 * the monthly trend, 3.2 s for fairness): after a write (`poke`, called for every successful
 * API write and, by main.ts, every half minute for writes from other processes), once the data
 * version has moved, the tables the regional pages open with are computed in the background on
 * the aggregates' thread, so the first reader finds them ready; "Cosa funziona" too (7–10 s on
 * the demo for its first request after a change, issue 22). The due snapshots are frozen
 * first, in the same background run, so they add nothing to a request. A reader who comes
 * before the warm-up reaches their table gets its previous answer (`Primm-Stale: 1`) rather than
 * wait for it: at 200 000 students the whole warm-up takes longer than an analyst waits.
 */
export function createAggregateService(db: Db, deps: AggregateServiceDeps) {
  const computer = aggregateComputerFor(db, deps);
  const now = deps.now ?? (() => new Date());
  const warming = deps.warm ?? Boolean(deps.databaseUrl || (deps.dbPath && deps.dbPath !== ':memory:'));
  // Where answers are precomputed after a change, a reader who comes before the warm-up reaches
  // their table gets the previous answer at once (result-cache.ts), marked stale by the route.
  // Without precomputing (the browser journeys) every reader waits for the new answer.
  const json = new AggregateCache(undefined, warming && deps.aggregatePrecompute !== false);
  const bodies = new CountMemo<AggregateBody>(500);
  const stats = { computed: 0, warmRuns: 0 };
  // Snapshots frozen by this instance: an answer with a comparison cached before is not reused.
  let generation = 0;

  const run = <T extends AggregateBody>(job: AggregateJob): Promise<T> => {
    stats.computed++;
    return computer.compute(job) as Promise<T>;
  };

  const tableBody = (version: number, year: SchoolYear, query: AggregateQuery, only: number[] | null) => {
    const q: AggregateQuery = { ...query, measures: undefined, year: undefined };
    return bodies.get(JSON.stringify(['table', year.id, q, only]), version, () =>
      run({ kind: 'table', version, year, query: q, only }),
    ) as Promise<AggregateResult>;
  };

  /** The previous year at the same date: only for the whole region (snapshots keep no narrower scope). */
  async function previousBody(
    version: number,
    year: SchoolYear,
    query: AggregateQuery,
    only: number[] | null,
  ): Promise<PreviousAggregateTable | null> {
    if (only !== null) return null;
    const compared = await comparedYear(year);
    if (!compared) return null;
    const q: AggregateQuery = { ...query, measures: undefined, year: undefined };
    return bodies.get(
      JSON.stringify(['previous', compared.year.id, compared.date, snapshotKey(q), generation]),
      version,
      () => run({ kind: 'previous', version, year: compared.year, date: compared.date, query: q }),
    ) as Promise<PreviousAggregateTable | null>;
  }

  /**
   * The year before `year` and the date to compare at: this year's date (today for the latest
   * year while it lasts, else its last day) one year earlier.
   */
  async function comparedYear(year: SchoolYear): Promise<{ year: SchoolYear; date: string } | null> {
    const [row, latest] = await Promise.all([
      db.selectFrom('school_year').select(['starts_on', 'ends_on']).where('id', '=', year.id).executeTakeFirst(),
      findLatestYearWithData(db),
    ]);
    if (!row) return null;
    const today = isoDay(now());
    const date =
      latest?.id === year.id && today < row.ends_on ? (today > row.starts_on ? today : row.starts_on) : row.ends_on;
    const before = await db
      .selectFrom('school_year')
      .select(['id', 'label'])
      .where('label', '=', previousLabel(year.label))
      .executeTakeFirst();
    return before ? { year: before, date: sameDateYearBefore(date) } : null;
  }

  async function table(
    version: number,
    year: SchoolYear,
    query: AggregateQuery,
    only: number[] | null,
    compare = false,
    onStale?: () => void,
  ): Promise<string> {
    const day = compare ? isoDay(now()) : null;
    const key = JSON.stringify([
      'aggregates',
      year.id,
      { ...query, year: undefined },
      only,
      compare && [generation, day],
    ]);
    return json.get(
      key,
      version,
      async () => {
        const body = project(await tableBody(version, year, query, only), query.measures);
        if (!compare) return body;
        const previous = await previousBody(version, year, query, only);
        return { ...body, previous: previous && project(previous, query.measures) };
      },
      onStale,
    );
  }

  const trend = (
    version: number,
    year: SchoolYear,
    query: Omit<AggregateQuery, 'groupBy' | 'measures'>,
    only: number[] | null,
    onStale?: () => void,
  ) =>
    json.get(
      JSON.stringify(['trend', year.id, { ...query, year: undefined }, only]),
      version,
      () => run({ kind: 'trend', version, year, query: { ...query, year: undefined }, only }),
      onStale,
    );

  /** The fairness report; with `compare`, the previous year's at the same date beside it (as `table`). */
  const fairness = (version: number, year: SchoolYear, compare = false, onStale?: () => void) =>
    json.get(
      JSON.stringify(['fairness', year.id, compare && [generation, isoDay(now())]]),
      version,
      async () => {
        const body = (await bodies.get(JSON.stringify(['fairness', year.id]), version, () =>
          run({ kind: 'fairness', version, year }),
        )) as FairnessTable;
        if (!compare) return body;
        const compared = await comparedYear(year);
        const previous = compared
          ? ((await bodies.get(
              JSON.stringify(['previousFairness', compared.year.id, compared.date, generation]),
              version,
              () => run({ kind: 'previousFairness', version, year: compared.year, date: compared.date }),
            )) as PreviousFairnessReport | null)
          : null;
        return { ...body, previous };
      },
      onStale,
    );

  /**
   * The region's totals of every year with a snapshot, each from its latest one (the printable
   * report's trend over the years): the `previous` computation at no date limit, so published
   * under the same rules, and memoised with it.
   */
  const history = (version: number, onStale?: () => void) =>
    json.get(
      JSON.stringify(['history', generation]),
      version,
      async () => {
        const query: AggregateQuery = { groupBy: [] };
        const years: PreviousAggregateTable[] = [];
        for (const year of (await yearsWithData(db, null)).reverse()) {
          const latest = (await bodies.get(
            JSON.stringify(['previous', year.id, LATEST, snapshotKey(query), generation]),
            version,
            () => run({ kind: 'previous', version, year, date: LATEST, query }),
          )) as PreviousAggregateTable | null;
          if (latest) years.push(latest);
        }
        return { years };
      },
      onStale,
    );

  /** "Cosa funziona" (what-works/routes.ts), computed on the aggregates' thread and cached like a table. */
  const whatWorks = (
    version: number,
    year: SchoolYear & { startsOn: string; endsOn: string },
    only: number[] | null,
    by: WhatWorksBy,
    onStale?: () => void,
  ) =>
    json.get(
      JSON.stringify(['whatWorks', year.id, by, only]),
      version,
      () => run({ kind: 'whatWorks', version, year, only, by }),
      onStale,
    );

  /** Freezes every period end already past and not frozen yet, of every year with data. */
  async function freezeDue(version: number): Promise<void> {
    const today = isoDay(now());
    const years = await yearsWithData(db, null);
    const provinces = (await db.selectFrom('province').select('code').orderBy('code').execute()).map(
      (p) => p.code as NonNullable<AggregateQuery['province']>,
    );
    const queries = snapshotTables(provinces);
    for (const year of years) {
      const frozen = await frozenPeriodEnds(db, year.id, snapshotKey({ groupBy: [] }));
      const fairnessFrozen = await frozenPeriodEnds(db, year.id, FAIRNESS_SNAPSHOT_KEY);
      for (const periodEnd of await regionPeriodEnds(db, year.id)) {
        if (periodEnd >= today) continue;
        if (!fairnessFrozen.has(periodEnd)) {
          const { counts, dataThrough } = await run<FrozenFairness>({
            kind: 'freezeFairness',
            version,
            year,
            periodEnd,
          });
          await insertSnapshots(db, [
            { yearId: year.id, periodEnd, key: FAIRNESS_SNAPSHOT_KEY, counts, frozenOn: today, dataThrough },
          ]);
          generation++;
        }
        if (frozen.has(periodEnd)) continue;
        const { counts, dataThrough } = await run<FrozenCounts>({ kind: 'freeze', version, year, periodEnd, queries });
        await insertSnapshots(
          db,
          queries.map((q, i) => ({
            yearId: year.id,
            periodEnd,
            key: snapshotKey(q),
            counts: counts[i]!,
            frozenOn: today,
            dataThrough,
          })),
        );
        generation++;
      }
    }
  }

  /** The answers the regional pages open with, for the whole region's latest year. */
  async function warmOnce(version: number): Promise<void> {
    const year = await findLatestYearWithData(db);
    if (!year) return;
    const provinces = (await db.selectFrom('province').select('code').orderBy('code').execute()).map(
      (p) => p.code as NonNullable<AggregateQuery['province']>,
    );
    for (const query of snapshotTables(provinces)) {
      await table(version, year, query, null);
      await table(version, year, query, null, true);
    }
    await trend(version, year, {}, null);
    await fairness(version, year);
    await fairness(version, year, true);
    await history(version);
    // "Cosa funziona" for the region (the analyst's page) in every grouping: one measuring, then arithmetic.
    const dates = await db
      .selectFrom('school_year')
      .select(['starts_on', 'ends_on'])
      .where('id', '=', year.id)
      .executeTakeFirst();
    if (dates) {
      for (const by of WhatWorksBy.options)
        await whatWorks(version, { ...year, startsOn: dates.starts_on, endsOn: dates.ends_on }, null, by);
    }
    const before = await db
      .selectFrom('school_year')
      .select(['id', 'label'])
      .where('label', '=', previousLabel(year.label))
      .executeTakeFirst();
    if (before) await trend(version, before, {}, null); // the monthly trend's comparison
  }

  let warmed: { version: number; day: string } | null = null;
  let running: Promise<void> | null = null;
  let again = false;
  let closing = false;

  /** Something may have changed: freeze what is due and warm, in the background, once per version and day. */
  function poke(): void {
    if (!warming || closing) return;
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      do {
        again = false;
        try {
          const version = await readDataVersion(db);
          const day = isoDay(now());
          if (warmed?.version === version && warmed.day === day) continue;
          stats.warmRuns++;
          await freezeDue(version);
          if (deps.aggregatePrecompute !== false) await warmOnce(version);
          warmed = { version, day };
        } catch (err) {
          // A failed warm-up costs only the wait it meant to save: the next request computes.
          if (!closing)
            console.error(
              `Precalcolo degli aggregati non riuscito: ${err instanceof Error ? err.message : String(err)}`,
            );
        }
      } while (again);
    })().finally(() => {
      running = null;
    });
  }

  return {
    table,
    trend,
    fairness,
    whatWorks,
    history,
    poke,
    /** Resolves when no warm-up is running (tests; a shutdown). */
    idle: async () => {
      while (running) await running;
    },
    /** Ends the thread and its connection (a shutdown); a running warm-up fails and stops there. */
    close: async () => {
      closing = true;
      again = false;
      await computer.close?.();
      while (running) await running;
    },
    stats,
  };
}

export type AggregateService = ReturnType<typeof createAggregateService>;

/** Only the asked measures, in the order a table computed with them has (resolveMeasures). */
function project<T extends AggregateResult | PreviousAggregateTable>(body: T, asked: Measure[] | undefined): T {
  const measures = resolveMeasures(asked);
  const pick = (values: Record<string, unknown>) => Object.fromEntries(measures.map((m) => [m, values[m]]));
  const row = (r: AggregateResult['rows'][number]) => ({ ...r, values: pick(r.values) });
  return {
    ...body,
    measures,
    rows: body.rows.map(row),
    margins: Object.fromEntries(Object.entries(body.margins).map(([d, rows]) => [d, rows.map(row)])),
    total: pick(body.total),
  } as T;
}

/** '2025/26' → '2024/25'. */
export function previousLabel(label: string): string {
  const start = Number(label.slice(0, 4)) - 1;
  return `${start}/${String((start + 1) % 100).padStart(2, '0')}`;
}

/** A date after every period end: a year's latest snapshot. */
const LATEST = '9999-12-31';

const isoDay = (d: Date) => d.toISOString().slice(0, 10);
