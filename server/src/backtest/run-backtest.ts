import type { BacktestReport, BacktestSource } from '@primm/shared/contracts/backtest';
import type { RiskSettings } from '@primm/shared/risk/settings';
import { findCurrentSchoolYear } from '../db/current-year';
import type { Db } from '../db/open-database';
import { HttpError, notFound } from '../http/http-error';
import { findLatestRiskSettings } from '../risk-settings/repository';
import { cohortReport, type CohortItem, type CohortStudent } from './cohort-report';
import { cutDateOf } from './cut-date';
import { replayYear } from './replay-year';
import { readSnapshotCohort, snapshotYears } from './snapshots';

export interface BacktestRequest {
  schoolYear: string;
  /** `MM-DD`; each school's end of the first period when absent. */
  monthDay?: string;
  /** The thresholds to replay; the latest stored version when absent. */
  settings?: RiskSettings;
  onProgress?: (done: number, total: number) => void | Promise<void>;
}

/**
 * The backtest of a past school year: replayed from its registers while they exist, from the
 * snapshots purge kept once they do not (snapshots.ts), then compared with the final outcomes
 * (cohort-report.ts). Throws HttpError (400 / 404) on a year it cannot replay.
 */
export async function computeBacktest(
  db: Db,
  request: BacktestRequest,
): Promise<{ report: BacktestReport; items: CohortItem[] }> {
  const { schoolYear, monthDay } = request;
  const source = await backtestSource(db, schoolYear);
  const settings = request.settings ?? (await findLatestRiskSettings(db)).data;
  let students: CohortStudent[];
  if (source.kind === 'registri') {
    students = await replayYear(db, source.year, settings, {
      ...(monthDay ? { monthDay } : {}),
      ...(request.onProgress ? { onProgress: request.onProgress } : {}),
    });
  } else {
    // Any lesson period: only the year and the day matter to place `MM-DD`.
    const cutDate = monthDay
      ? cutDateOf(schoolYear, monthDay, { firstTermEnd: null, lessonsStart: '0000-01-01', lessonsEnd: '9999-12-31' })
      : undefined;
    students = await readSnapshotCohort(db, schoolYear, cutDate);
    await request.onProgress?.(1, 1);
  }
  if (!students.some((s) => s.final !== null && s.final !== 'transferred')) {
    throw new HttpError(
      400,
      'validation_failed',
      `Nessun esito finale registrato per il ${schoolYear}: il backtest confronta i livelli con gli esiti di fine anno.`,
    );
  }
  return cohortReport(students, settings, { schoolYear, source: source.kind });
}

type Source = { kind: 'registri'; year: { id: number; label: string } } | { kind: 'istantanee' };

/** Where a past year's data are: its registers (enrolments still there), or purge's snapshots. */
export async function backtestSource(db: Db, schoolYear: string): Promise<Source> {
  const current = await findCurrentSchoolYear(db);
  if (current && schoolYear >= current.label) {
    throw new HttpError(
      400,
      'validation_failed',
      `Il backtest si fa su un anno concluso, prima del ${current.label}: dell'anno in corso non ci sono ancora esiti finali.`,
    );
  }
  const years = await listBacktestYears(db);
  const found = years.find((y) => y.schoolYear === schoolYear);
  if (!found)
    throw notFound(`Nessun dato del ${schoolYear}: né i registri né le istantanee conservate dopo la cancellazione.`);
  if (found.source === 'istantanee') return { kind: 'istantanee' };
  const year = await db
    .selectFrom('school_year')
    .select(['id', 'label'])
    .where('label', '=', schoolYear)
    .executeTakeFirstOrThrow();
  return { kind: 'registri', year };
}

/** The past years a backtest can replay, newest first: with enrolments in their classes, or with snapshots. */
export async function listBacktestYears(db: Db): Promise<{ schoolYear: string; source: BacktestSource }[]> {
  const current = await findCurrentSchoolYear(db);
  const withRegisters = await db
    .selectFrom('school_year')
    .select('label')
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('class')
          .innerJoin('enrolment', 'enrolment.class_id', 'class.id')
          .select('class.id')
          .whereRef('class.school_year_id', '=', 'school_year.id'),
      ),
    )
    .execute();
  const byYear = new Map<string, BacktestSource>();
  for (const y of await snapshotYears(db)) byYear.set(y, 'istantanee');
  for (const y of withRegisters) byYear.set(y.label, 'registri');
  return [...byYear.entries()]
    .filter(([label]) => !current || label < current.label)
    .sort(([a], [b]) => b.localeCompare(a))
    .map(([schoolYear, source]) => ({ schoolYear, source }));
}
