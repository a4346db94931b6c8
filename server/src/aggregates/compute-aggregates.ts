import {
  MEASURES,
  type AggregateQuery,
  type AggregateResult,
  type AggregateTrend,
  type FairnessTable,
  type PreviousAggregateTable,
  type PreviousFairnessReport,
  type TrendQuery,
} from '@primm/shared/contracts/aggregates';
import type { Db } from '../db/open-database';
import { HttpError } from '../http/http-error';
import {
  FAIRNESS_SNAPSHOT_KEY,
  latestDataDate,
  publishSnapshot,
  readSnapshots,
  snapshotKey,
  type FairnessSnapshotCounts,
} from './aggregate-snapshots';
import { cellKeySecret } from './cell-key';
import { countGroups } from './count-groups';
import { fairnessGroups } from './fairness';
import { countFairness } from './fairness-counts';
import { computeMonthlyTrend, suppressTrend, type MonthCounts } from './monthly-trend';
import { publishCounts, resolveMeasures, type GroupCount } from './publish-counts';
import { CountMemo } from './result-cache';
import type { WhatWorks, WhatWorksBy } from '@primm/shared/contracts/what-works';
import { measureCases, summariseWhatWorks, type MeasuredCases } from '../what-works/compute';

/**
 * The audited suppression of a two-way table grows faster than its cells (docs/privacy.md
 * "Costi": measured on realistic tables, ≈ 1.4 s of CPU for 240 groups, ≈ 1.7 s for 290 of small
 * schools, ≈ 3 s for 400): larger crossings are refused, and a filter narrows them. 250 keeps
 * every table under ≈ 2 s of CPU, computed in the aggregates thread (aggregate-thread.ts).
 */
export const MAX_CROSS_CELLS = 250;

/** The filters of a request: each one removed gives a next coarser request (cross-query rule). */
const FILTERS = ['province', 'school', 'level', 'gradeLevel', 'track', 'citizenshipGroup', 'sex'] as const;

/** The request with one filter fewer, for each filter it has. */
function coarserOf<Q extends Partial<Record<(typeof FILTERS)[number], unknown>>>(query: Q): Q[] {
  return FILTERS.filter((f) => query[f] !== undefined).map((f) => ({ ...query, [f]: undefined }));
}

type SchoolYear = { id: number; label: string };

/**
 * One answer of the aggregate routes to compute (routes.ts reads the data version, the year and
 * the user's schools, and caches what comes back): plain data, so that it can cross to a thread.
 */
export type AggregateJob =
  | { kind: 'table'; version: number; year: SchoolYear; query: AggregateQuery; only: number[] | null }
  | { kind: 'trend'; version: number; year: SchoolYear; query: TrendQuery; only: number[] | null }
  | { kind: 'fairness'; version: number; year: SchoolYear }
  /** The raw counts of the snapshot tables at a period end (aggregate-snapshots.ts), for routes to store. */
  | { kind: 'freeze'; version: number; year: SchoolYear; periodEnd: string; queries: AggregateQuery[] }
  /** A table of `year` (the previous one) from its latest snapshot on or before `date`, published. */
  | { kind: 'previous'; version: number; year: SchoolYear; date: string; query: AggregateQuery }
  /** The fairness report's raw cells at a period end (FAIRNESS_SNAPSHOT_KEY), for routes to store. */
  | { kind: 'freezeFairness'; version: number; year: SchoolYear; periodEnd: string }
  /** The fairness report of `year` (the previous one) from its latest snapshot on or before `date`, published. */
  | { kind: 'previousFairness'; version: number; year: SchoolYear; date: string }
  /** "Cosa funziona" (what-works/compute.ts) of a year for a set of schools (null: the region). */
  | {
      kind: 'whatWorks';
      version: number;
      year: SchoolYear & { startsOn: string; endsOn: string };
      only: number[] | null;
      by: WhatWorksBy;
    };

export type FrozenCounts = { counts: GroupCount[][]; dataThrough: string | null };
export type FrozenFairness = { counts: FairnessSnapshotCounts; dataThrough: string | null };

export type AggregateBody =
  | AggregateResult
  | AggregateTrend
  | FairnessTable
  | FrozenCounts
  | FrozenFairness
  | PreviousAggregateTable
  | PreviousFairnessReport
  | WhatWorks
  | null;

export interface AggregateSettings {
  minCell: number;
  pseudonymKey: string;
  aggregateNoise: number;
}

/** Computes aggregate answers: here (aggregatesHere) or on a thread (aggregate-runner.ts). */
export interface AggregateComputer {
  compute(job: AggregateJob): Promise<AggregateBody>;
  /** Ends what it holds besides `db` (a thread and its connection); a shutdown. */
  close?(): Promise<void>;
}

/**
 * The computations themselves, on `db`, with the raw counts of the coarser requests (the
 * cross-query rule) memoised per data version: counted once per version, not per request.
 */
export function aggregatesHere(db: Db, settings: AggregateSettings): AggregateComputer {
  const counts = new CountMemo<GroupCount[]>();
  const months = new CountMemo<MonthCounts[]>();
  // The measured cases of a year and scope serve every grouping: one read of the series per data version.
  const measured = new CountMemo<MeasuredCases>(50);
  const secret = cellKeySecret(settings.pseudonymKey);
  const { minCell: threshold, aggregateNoise: noise } = settings;

  const provinceNames = async () =>
    new Map((await db.selectFrom('province').select(['code', 'name']).execute()).map((p) => [p.code, p.name]));
  const schoolNames = async () =>
    new Map((await db.selectFrom('school').select(['code', 'name']).execute()).map((s) => [s.code, s.name]));
  const labelsOf = (provinceName: Map<string, string>, schoolName: Map<string, string>) => (d: string, v: string) =>
    d === 'province' ? (provinceName.get(v) ?? v) : d === 'school' ? (schoolName.get(v) ?? v) : v;
  const countOf = (version: number, year: SchoolYear, only: number[] | null) => (q: AggregateQuery) =>
    counts.get(JSON.stringify([year.id, { ...q, measures: undefined, year: undefined }, only]), version, () =>
      countGroups(db, year, q, [...MEASURES], only, secret),
    );

  async function table({
    version,
    year,
    query,
    only,
  }: Extract<AggregateJob, { kind: 'table' }>): Promise<AggregateResult> {
    // Every measure is counted, whatever was asked: the suppression must not depend on it.
    const count = countOf(version, year, only);
    const [cells, coarser, provinceName, schoolName] = await Promise.all([
      count(query),
      Promise.all(coarserOf(query).map(count)),
      provinceNames(),
      schoolNames(),
    ]);
    if (cells.length > MAX_CROSS_CELLS && query.groupBy.length === 2) {
      throw new HttpError(
        400,
        'validation_failed',
        `Tabella troppo grande (${cells.length} gruppi, al massimo ${MAX_CROSS_CELLS} incrociando due dimensioni): filtra per provincia o scuola`,
      );
    }
    return publishCounts(cells, {
      year: year.label,
      groupBy: query.groupBy,
      measures: resolveMeasures(query.measures),
      threshold,
      noise,
      coarser,
      labels: labelsOf(provinceName, schoolName),
    });
  }

  async function freeze({
    year,
    periodEnd,
    queries,
  }: Extract<AggregateJob, { kind: 'freeze' }>): Promise<FrozenCounts> {
    const frozen: GroupCount[][] = [];
    // One after the other: this runs in the background and must leave room to the requests.
    for (const q of queries)
      frozen.push(await countGroups(db, year, { ...q, enteredBy: periodEnd }, [...MEASURES], null, secret));
    return { counts: frozen, dataThrough: await latestDataDate(db, year.id) };
  }

  /** The latest snapshot of the year on or before `date`, published (publishSnapshot). */
  async function previous({
    version,
    year,
    date,
    query,
  }: Extract<AggregateJob, { kind: 'previous' }>): Promise<PreviousAggregateTable | null> {
    const snapshots = await readSnapshots(db, year.id, snapshotKey(query));
    const at = snapshots.findLastIndex((s) => s.periodEnd <= date);
    if (at < 0) return null;
    const chosen = snapshots[at]!;
    const [now, coarserThen, provinceName, schoolName] = await Promise.all([
      countOf(version, year, null)(query),
      Promise.all(
        coarserOf(query).map(
          async (q) =>
            (await readSnapshots(db, year.id, snapshotKey(q))).find((s) => s.periodEnd === chosen.periodEnd)?.counts,
        ),
      ),
      provinceNames(),
      schoolNames(),
    ]);
    const published = publishSnapshot(
      snapshots.map((s) => s.counts),
      at,
      { now, coarserThen: coarserThen.filter((c) => c !== undefined) },
      { year: year.label, groupBy: query.groupBy, threshold, noise, labels: labelsOf(provinceName, schoolName) },
    );
    const { periodEnd, frozenOn, dataThrough } = chosen;
    return { ...published, snapshot: { year: year.label, periodEnd, frozenOn, dataThrough } };
  }

  async function trend({
    version,
    year,
    query,
    only,
  }: Extract<AggregateJob, { kind: 'trend' }>): Promise<AggregateTrend> {
    const count = (q: TrendQuery) =>
      months.get(JSON.stringify([year.id, { ...q, year: undefined }, only]), version, () =>
        computeMonthlyTrend(db, year, q, only, secret),
      );
    const [monthly, coarser] = await Promise.all([count(query), Promise.all(coarserOf(query).map(count))]);
    return { year: year.label, threshold, noise, months: suppressTrend(monthly, threshold, { coarser, noise }) };
  }

  async function freezeFairness({
    year,
    periodEnd,
  }: Extract<AggregateJob, { kind: 'freezeFairness' }>): Promise<FrozenFairness> {
    const counts = await countFairness(db, year, secret, periodEnd);
    return { counts, dataThrough: await latestDataDate(db, year.id) };
  }

  /**
   * The latest fairness snapshot of the year on or before `date`, published as the live report is
   * (fairnessGroups) and guarded like a snapshot table (publishSnapshot): against the earlier
   * snapshots (subsets of its students), the later ones and the year as counted now (supersets).
   */
  async function previousFairness({
    year,
    date,
  }: Extract<AggregateJob, { kind: 'previousFairness' }>): Promise<PreviousFairnessReport | null> {
    const snapshots = await readSnapshots<FairnessSnapshotCounts>(db, year.id, FAIRNESS_SNAPSHOT_KEY);
    const at = snapshots.findLastIndex((s) => s.periodEnd <= date);
    if (at < 0) return null;
    const chosen = snapshots[at]!;
    const now = await countFairness(db, year, secret);
    const chain = snapshots.map((s) => s.counts.cells);
    const { periodEnd, frozenOn, dataThrough } = chosen;
    return {
      year: year.label,
      threshold,
      noise,
      outcomesAvailable: chosen.counts.outcomesAvailable,
      groups: fairnessGroups(chain[at]!, threshold, {
        noise,
        coarser: [...chain.slice(at + 1), now.cells],
        finer: chain.slice(0, at),
      }),
      snapshot: { year: year.label, periodEnd, frozenOn, dataThrough },
    };
  }

  /**
   * "Cosa funziona": reading the series of every school with a case and matching took 7–10 s on
   * the demo for the first request after a change, all of it on the event loop (issue 22); here,
   * on the aggregates' thread, and warmed after a change like the tables.
   */
  async function whatWorks({
    version,
    year,
    only,
    by,
  }: Extract<AggregateJob, { kind: 'whatWorks' }>): Promise<WhatWorks> {
    const cases = await measured.get(JSON.stringify([year.id, only]), version, () => measureCases(db, year, only));
    return summariseWhatWorks(cases, by, threshold);
  }

  async function fairness({ year }: Extract<AggregateJob, { kind: 'fairness' }>): Promise<FairnessTable> {
    // No filters here: the whole region's year, by citizenship group and by sex.
    const { outcomesAvailable, cells } = await countFairness(db, year, secret);
    return {
      year: year.label,
      threshold,
      noise,
      outcomesAvailable,
      groups: fairnessGroups(cells, threshold, { noise }),
    };
  }

  return {
    compute: (job) => {
      switch (job.kind) {
        case 'table':
          return table(job);
        case 'trend':
          return trend(job);
        case 'fairness':
          return fairness(job);
        case 'freeze':
          return freeze(job);
        case 'previous':
          return previous(job);
        case 'freezeFairness':
          return freezeFairness(job);
        case 'previousFairness':
          return previousFairness(job);
        case 'whatWorks':
          return whatWorks(job);
      }
    },
  };
}
