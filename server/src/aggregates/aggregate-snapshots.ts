import type { AggregateQuery } from '@primm/shared/contracts/aggregates';
import type { Db } from '../db/open-database';
import type { FairnessCell } from './fairness';
import { publishCounts, type GroupCount, type PublishOptions } from './publish-counts';

/**
 * Frozen snapshots of the regional tables (issue 22.3, migration 0026).
 *
 * When: at each period end of the region. Schools choose their terms (trimestre, quadrimestre,
 * trimestre + pentamestre: GLOSSARY.md), so the region's n-th period ends on the day by which
 * every school has closed its n-th term (the latest such day, within the lessons), and the last
 * on the latest end of lessons: with quadrimestri and trimestri together, ≈ 31 January and June.
 *
 * What: the tables the regional charts read, unfiltered, for the whole region (referents' views
 * and filtered views keep no snapshot), counted over the students enrolled by the period end.
 * Frozen at the first data change or start after the period end, never rewritten: measures that
 * move with the data (levels, bands) are those known then; `data_through` says how far the data
 * reached, so a year frozen late (imported afterwards) says so.
 */
export function snapshotTables(provinces: NonNullable<AggregateQuery['province']>[]): AggregateQuery[] {
  return [
    { groupBy: [] },
    { groupBy: ['province'] },
    { groupBy: ['citizenshipGroup'] },
    { groupBy: ['province', 'citizenshipGroup'] },
    { groupBy: ['school'] },
    ...provinces.map((province): AggregateQuery => ({ groupBy: ['school'], province })),
  ];
}

/**
 * The fairness report's snapshot (issue 22: "any regional chart can compare with the same date of
 * the previous year"): its raw cells by citizenship group and sex, with whether final outcomes
 * existed, under a key no table has (a table's key is a JSON array).
 */
export const FAIRNESS_SNAPSHOT_KEY = 'fairness';

export interface FairnessSnapshotCounts {
  outcomesAvailable: boolean;
  cells: FairnessCell[];
}

const FILTERS = ['province', 'school', 'level', 'gradeLevel', 'track', 'citizenshipGroup', 'sex'] as const;

/** The request's table and filters, whatever measures or year were asked: one key per table. */
export function snapshotKey(query: AggregateQuery): string {
  return JSON.stringify([
    query.groupBy,
    Object.fromEntries(FILTERS.filter((f) => query[f] !== undefined).map((f) => [f, query[f]])),
  ]);
}

/** The region's period ends of a school year (see above), oldest first. */
export async function regionPeriodEnds(db: Db, yearId: number): Promise<string[]> {
  const [terms, calendars] = await Promise.all([
    db.selectFrom('term').select(['school_id', 'seq', 'ends_on']).where('school_year_id', '=', yearId).execute(),
    db
      .selectFrom('school_calendar')
      .select(['school_id', 'lessons_end'])
      .where('school_year_id', '=', yearId)
      .execute(),
  ]);
  if (calendars.length === 0) return [];
  const lessonsEnd = new Map(calendars.map((c) => [c.school_id, c.lessons_end]));
  const lastLessons = calendars.reduce((max, c) => (c.lessons_end > max ? c.lessons_end : max), '');
  const bySeq = new Map<number, string>();
  for (const t of terms) {
    const own = lessonsEnd.get(t.school_id);
    const end = own && own < t.ends_on ? own : t.ends_on;
    if (end > (bySeq.get(t.seq) ?? '')) bySeq.set(t.seq, end);
  }
  return [...new Set([...bySeq.values(), lastLessons])].filter((d) => d <= lastLessons).sort();
}

export interface StoredSnapshot<T = GroupCount[]> {
  periodEnd: string;
  counts: T;
  frozenOn: string;
  dataThrough: string | null;
}

/** The snapshots of one table (or, under FAIRNESS_SNAPSHOT_KEY, of the fairness report) in a year, oldest first. */
export async function readSnapshots<T = GroupCount[]>(
  db: Db,
  yearId: number,
  key: string,
): Promise<StoredSnapshot<T>[]> {
  const rows = await db
    .selectFrom('aggregate_snapshot')
    .select(['period_end', 'counts', 'frozen_on', 'data_through'])
    .where('school_year_id', '=', yearId)
    .where('request_key', '=', key)
    .orderBy('period_end')
    .execute();
  return rows.map((r) => ({
    periodEnd: r.period_end,
    counts: JSON.parse(r.counts) as T,
    frozenOn: r.frozen_on,
    dataThrough: r.data_through,
  }));
}

/**
 * The period ends of a year already frozen for one key (every table of one freeze is written
 * together, so the total's key stands for them all; the fairness report has its own, frozen
 * apart: a period end frozen before it existed gets it late, `data_through` says so).
 */
export async function frozenPeriodEnds(db: Db, yearId: number, key: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('aggregate_snapshot')
    .select('period_end')
    .distinct()
    .where('school_year_id', '=', yearId)
    .where('request_key', '=', key)
    .execute();
  return new Set(rows.map((r) => r.period_end));
}

/**
 * Writes one period end's tables at once; a row already there (another instance froze it first)
 * stays as it was: a snapshot is never rewritten.
 */
export async function insertSnapshots(
  db: Db,
  rows: {
    yearId: number;
    periodEnd: string;
    key: string;
    counts: GroupCount[] | FairnessSnapshotCounts;
    frozenOn: string;
    dataThrough: string | null;
  }[],
): Promise<void> {
  if (rows.length === 0) return;
  await db.transaction().execute(async (trx) => {
    for (const r of rows) {
      await trx
        .insertInto('aggregate_snapshot')
        .values({
          school_year_id: r.yearId,
          period_end: r.periodEnd,
          request_key: r.key,
          counts: JSON.stringify(r.counts),
          frozen_on: r.frozenOn,
          data_through: r.dataThrough,
        })
        .onConflict((oc) => oc.columns(['school_year_id', 'period_end', 'request_key']).doNothing())
        .execute();
    }
  });
}

/** The latest attendance date of the year in the region: how far the data reached when frozen. */
export async function latestDataDate(db: Db, yearId: number): Promise<string | null> {
  const row = await db
    .selectFrom('attendance_event as a')
    .innerJoin('class as c', 'c.id', 'a.class_id')
    .select(({ fn }) => fn.max('a.date').as('date'))
    .where('c.school_year_id', '=', yearId)
    // Through the year's enrolments: the events' key leads with the student (migration 0033).
    .where('a.student_id', 'in', (eb) =>
      eb
        .selectFrom('enrolment as enrolled')
        .innerJoin('class as yc', 'yc.id', 'enrolled.class_id')
        .select('enrolled.student_id')
        .where('yc.school_year_id', '=', yearId),
    )
    .executeTakeFirst();
  return (row?.date as string | null | undefined) ?? null;
}

/** The same day one year earlier (29 February → 28 February). */
export function sameDateYearBefore(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const day = m === 2 && d === 29 ? 28 : d;
  return `${y - 1}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * Snapshot `at` of a year's chain, published like a live table and guarded against every table a
 * reader can set beside it (docs/privacy.md "Istantanee"): the snapshot of each request with one
 * filter fewer at the same period end (`coarserThen`, the cross-query rule), and the same table
 * over time, whose students nest (a student counts once enrolled, docs/privacy.md "Studenti
 * contati"): each earlier snapshot holds a subset of its students (`finer`), each later one and
 * the year as counted `now` a superset (`coarser`). A group a few students apart from any of
 * them is hidden and protected; since every snapshot is published this way, no pair of answers
 * isolates the few enrolled in between.
 */
export function publishSnapshot(
  chain: GroupCount[][],
  at: number,
  beside: { now: GroupCount[]; coarserThen: GroupCount[][] },
  options: Omit<PublishOptions, 'coarser' | 'finer' | 'measures'>,
) {
  return publishCounts(chain[at]!, {
    ...options,
    coarser: [...beside.coarserThen, ...chain.slice(at + 1), beside.now],
    finer: chain.slice(0, at),
  });
}
