import { BacktestReport, type BacktestRun } from '@primm/shared/contracts/backtest';
import type { Selectable } from 'kysely';
import type { RiskBacktestTable } from '../db/database';
import type { Db } from '../db/open-database';
import type { CohortItem } from './cohort-report';

type Row = Omit<Selectable<RiskBacktestTable>, 'items' | 'started_by' | 'saved_by'>;

/**
 * Everything but the items: at 200 000 students they are ≈ 5 MB of JSON, read only to re-cut the
 * levels (the legend, the preview), never to show a run.
 */
const RUN_COLUMNS = [
  'id',
  'school_year',
  'month_day',
  'status',
  'done',
  'total',
  'started_at',
  'finished_at',
  'error',
  'report',
  'saved_at',
  'saved_version',
] as const;

function toRun(r: Row): BacktestRun {
  return {
    id: r.id,
    schoolYear: r.school_year,
    monthDay: r.month_day,
    status: r.status,
    done: r.done,
    total: r.total,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    error: r.error,
    report: r.report === null ? null : BacktestReport.parse(JSON.parse(r.report)),
    savedAt: r.saved_at,
    savedVersion: r.saved_version,
  };
}

export async function insertRun(
  db: Db,
  row: { schoolYear: string; monthDay: string | null; userId: number | null; now: string },
): Promise<BacktestRun> {
  const inserted = await db
    .insertInto('risk_backtest')
    .values({
      school_year: row.schoolYear,
      month_day: row.monthDay,
      status: 'running',
      started_at: row.now,
      started_by: row.userId,
    })
    .returning(RUN_COLUMNS)
    .executeTakeFirstOrThrow();
  return toRun(inserted);
}

export async function updateProgress(db: Db, id: number, done: number, total: number): Promise<void> {
  await db.updateTable('risk_backtest').set({ done, total }).where('id', '=', id).execute();
}

export async function finishRun(
  db: Db,
  id: number,
  result: { report: BacktestReport; items: CohortItem[] },
  now: string,
): Promise<void> {
  await db
    .updateTable('risk_backtest')
    .set({
      status: 'done',
      report: JSON.stringify(result.report),
      items: JSON.stringify(result.items),
      finished_at: now,
    })
    .where('id', '=', id)
    .execute();
}

export async function failRun(db: Db, id: number, message: string, now: string): Promise<void> {
  await db
    .updateTable('risk_backtest')
    .set({ status: 'failed', error: message, finished_at: now })
    .where('id', '=', id)
    .execute();
}

/**
 * Runs left `running` by a server that stopped (the work lives in the process that started it)
 * are failed once they are older than `staleBefore`, so they do not block a new one for ever.
 */
export async function failStaleRuns(db: Db, staleBefore: string, now: string): Promise<void> {
  await db
    .updateTable('risk_backtest')
    .set({ status: 'failed', error: 'Interrotto: il server si è fermato durante il calcolo.', finished_at: now })
    .where('status', '=', 'running')
    .where('started_at', '<', staleBefore)
    .execute();
}

export async function findRunningRun(db: Db): Promise<BacktestRun | null> {
  const row = await db
    .selectFrom('risk_backtest')
    .select(RUN_COLUMNS)
    .where('status', '=', 'running')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? toRun(row) : null;
}

export async function findRun(db: Db, id: number): Promise<BacktestRun | null> {
  const row = await db.selectFrom('risk_backtest').select(RUN_COLUMNS).where('id', '=', id).executeTakeFirst();
  return row ? toRun(row) : null;
}

export async function findLatestRun(db: Db): Promise<BacktestRun | null> {
  const row = await db
    .selectFrom('risk_backtest')
    .select(RUN_COLUMNS)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? toRun(row) : null;
}

export async function markRunSaved(
  db: Db,
  id: number,
  row: { userId: number; version: number | null; now: string },
): Promise<void> {
  await db
    .updateTable('risk_backtest')
    .set({ saved_at: row.now, saved_by: row.userId, saved_version: row.version })
    .where('id', '=', id)
    .execute();
}

/** The region's legend: the latest backtest an admin saved (without its items: `findRunItems`). */
export async function findLegendRun(db: Db): Promise<BacktestRun | null> {
  const row = await db
    .selectFrom('risk_backtest')
    .select(RUN_COLUMNS)
    .where('saved_at', 'is not', null)
    .orderBy('saved_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? toRun(row) : null;
}

export async function findRunItems(db: Db, id: number): Promise<CohortItem[]> {
  const row = await db.selectFrom('risk_backtest').select('items').where('id', '=', id).executeTakeFirst();
  return JSON.parse(row?.items ?? '[]') as CohortItem[];
}
