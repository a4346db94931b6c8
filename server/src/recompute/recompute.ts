import { availableParallelism } from 'node:os';
import type { RecomputeSummary } from '@primm/shared/contracts/risk';
import type { RiskSettings } from '@primm/shared/risk/settings';
import { sql } from 'kysely';
import { findCurrentSchoolYear } from '../db/current-year';
import { lockForSchoolRecompute } from '../db/advisory-locks';
import { isPostgres } from '../db/dialect';
import type { Db } from '../db/open-database';
import { findLatestRiskSettings } from '../risk-settings/repository';
import { ENGINE_VERSION } from './engine-version';
import { recomputeOnThreads } from './recompute-pool';
import { findSchoolStates } from './result-store';
import { computeSchool, noCounts, recomputeSchoolConcurrently, writeSchoolWork, type Counts } from './school-recompute';

type Summary = RecomputeSummary;

/** PostgreSQL: schools recomputed at once by one process (see `recomputeAll`); 1.4 times faster than one at a time at 20 000 students, three add little (docs/performance-history.md). */
export const PG_SCHOOLS_AT_ONCE = 2;
/**
 * Below this many schools to recompute, threads do not pay for their start: the code is bundled
 * once per process (≈ 0.15 s, thread-script.ts) and each thread opens its own connection.
 */
const MIN_SCHOOLS_FOR_THREADS = 8;

/**
 * Recomputes the stored assessments of one school (current year): in one transaction on
 * PostgreSQL, in the caller's when given one, on a SQLite connection in a read and then a write
 * transaction (`recomputeSchoolOnSqlite`). Results whose input hash is unchanged are
 * neither recomputed nor rewritten; results of students no longer enrolled there are removed.
 * Always reads the school's data, whatever its stamp (see `recomputeAll`).
 */
export async function recomputeSchool(
  db: Db,
  schoolId: number,
  options: { settings?: RiskSettings } = {},
): Promise<Summary> {
  const started = performance.now();
  const counts =
    !isPostgres(db) && !db.isTransaction
      ? await recomputeSchoolOnSqlite(db, schoolId, options.settings)
      : await inTransaction(db, (trx) => recomputeSchoolHere(trx, schoolId, options.settings));
  return { ...counts, ms: Math.round(performance.now() - started) };
}

/** In the given transaction, under the school's lock (PostgreSQL). */
async function recomputeSchoolHere(trx: Db, schoolId: number, given: RiskSettings | undefined): Promise<Counts> {
  await lockForSchoolRecompute(trx, schoolId); // first: the stamp too must see a running import's data
  const settings = given ?? (await findLatestRiskSettings(trx)).data;
  const year = await findCurrentSchoolYear(trx);
  return year
    ? ((await recomputeInTransaction(trx, schoolId, year, settings, await currentStamp(trx, year.id, settings), {
        lock: 'held',
      })) as Counts)
    : noCounts();
}

/**
 * SQLite: read in a read transaction, write in a write transaction of its own, as the threads do
 * (`recomputeSchoolConcurrently`). One transaction that reads and then writes fails "database is
 * locked" when another process (a CLI import) commits in between; this way the write waits for
 * the lock and the school is computed again if an import came meanwhile.
 */
async function recomputeSchoolOnSqlite(db: Db, schoolId: number, given: RiskSettings | undefined): Promise<Counts> {
  const year = await findCurrentSchoolYear(db);
  if (!year) return noCounts();
  const settings = given ?? (await findLatestRiskSettings(db)).data;
  // Before reading the school: data committed later gives a newer stamp next time.
  return recomputeSchoolConcurrently(db, schoolId, {
    year,
    settings,
    stamp: await currentStamp(db, year.id, settings),
  });
}

/**
 * Every school with a calendar in the current year, one transaction per school. A school is
 * skipped without reading its data when its results were computed with the current stamp and are
 * all still there: nothing they depend on can have changed since (see `currentStamp`). On a
 * SQLite file the others are computed on worker threads, one per core (`threads`: how many; 1
 * for none); on PostgreSQL two schools at a time on two connections (`threads`: how many).
 */
export function recomputeAll(db: Db, options: RecomputeAllOptions = {}): Promise<Summary> {
  // One at a time per database: two at once (the start-up recompute and the admin's button, two
  // admins) would compute the same school side by side and log each tier change twice. The
  // second waits and then runs: thresholds saved meanwhile must still be applied.
  const previous = running.get(db) ?? Promise.resolve();
  const run = previous.then(() => recomputeAllNow(db, options));
  const settled = run.then(
    () => undefined,
    () => undefined,
  );
  running.set(db, settled);
  void settled.then(() => {
    if (running.get(db) === settled) running.delete(db);
  });
  return run;
}

type RecomputeAllOptions = {
  onProgress?: (p: { school: string; done: number; total: number }) => void;
  threads?: number;
};
const running = new WeakMap<Db, Promise<void>>();

async function recomputeAllNow(db: Db, options: RecomputeAllOptions): Promise<Summary> {
  const started = performance.now();
  const year = await findCurrentSchoolYear(db);
  const total = noCounts();
  if (year) {
    const settings = (await findLatestRiskSettings(db)).data;
    // Before reading any school: data committed later gives a newer stamp next time.
    const stamp = await currentStamp(db, year.id, settings);
    const states = await findSchoolStates(db, year.id);
    const schools = await db
      .selectFrom('school')
      .innerJoin('school_calendar', 'school_calendar.school_id', 'school.id')
      .where('school_calendar.school_year_id', '=', year.id)
      .select(['school.id', 'school.code'])
      .orderBy('school.code')
      .execute();
    let done = 0;
    const add = (code: string, s: Counts) => {
      total.students += s.students;
      total.written += s.written;
      total.unchanged += s.unchanged;
      total.tierChanged += s.tierChanged;
      options.onProgress?.({ school: code, done: ++done, total: schools.length });
    };
    const todo: typeof schools = [];
    for (const school of schools) {
      const current = countsIfCurrent(states.get(school.id), stamp);
      if (current) add(school.code, current);
      else todo.push(school);
    }
    const threads = options.threads ?? (todo.length >= MIN_SCHOOLS_FOR_THREADS ? availableParallelism() : 1);
    const file = threads > 1 && todo.length > 0 ? await sqliteFile(db) : null;
    if (file) {
      const codes = new Map(todo.map((s) => [s.id, s.code]));
      await recomputeOnThreads(
        { dbPath: file, year, settings, stamp },
        todo.map((s) => ({ id: s.id, students: states.get(s.id)?.results ?? 0 })),
        threads,
        (id, counts) => add(codes.get(id)!, counts),
      );
    } else {
      // PostgreSQL builds each school's texts in a server process of its own: with two schools
      // in flight, one is read there while the other is parsed and assessed here (the per-school
      // lock keeps them apart). SQLite has one connection here: one at a time.
      const atOnce = isPostgres(db) && !db.isTransaction ? (options.threads ?? PG_SCHOOLS_AT_ONCE) : 1;
      // Instances that recompute at the same time (several starting together) share the schools:
      // one busy elsewhere is left for the end, by when it is usually done and skipped.
      const later: typeof todo = [];
      let next = 0;
      const run = async () => {
        while (next < todo.length) {
          const school = todo[next++]!;
          const counts = await inTransaction(db, (trx) =>
            recomputeInTransaction(trx, school.id, year, settings, stamp, { lock: 'try', skipIfCurrent: true }),
          );
          if (counts === 'busy') later.push(school);
          else add(school.code, counts);
        }
      };
      await Promise.all(Array.from({ length: Math.min(atOnce, todo.length) }, run));
      for (const school of later) {
        add(
          school.code,
          (await inTransaction(db, (trx) =>
            recomputeInTransaction(trx, school.id, year, settings, stamp, { skipIfCurrent: true }),
          )) as Counts,
        );
      }
    }
  }
  return { ...total, ms: Math.round(performance.now() - started) };
}

/**
 * What every result of the year was computed from, besides the school's own data: the engine,
 * the settings, the year, and the state of the data as a whole. Every change of the data comes
 * through an import (a new `import_batch`, even when it fails) except the retention purge, which
 * only deletes, and among what the engine reads only outcomes of past years (hence their count).
 * A change in another school can matter (a student who moved; the outcomes of a student) so any
 * import makes every other school's stamp old; their recompute then rewrites only what changed.
 */
export async function currentStamp(db: Db, schoolYearId: number, settings: RiskSettings): Promise<string> {
  const [batch, outcomes] = await Promise.all([
    db
      .selectFrom('import_batch')
      .select(({ fn }) => fn.max('id').as('id'))
      .executeTakeFirst(),
    db
      .selectFrom('outcome')
      .select(({ fn }) => fn.countAll<number | string>().as('n'))
      .executeTakeFirst(),
  ]);
  return `engine ${ENGINE_VERSION}|settings ${settings.version}|year ${schoolYearId}|batch ${batch?.id ?? 0}|outcomes ${Number(outcomes?.n ?? 0)}`;
}

/**
 * One school under its lock (PostgreSQL). `lock`: 'wait' for it (the default), 'try' and answer
 * 'busy' when another connection holds it, or 'held' when the caller took it already.
 * `skipIfCurrent`: nothing to do when, by the time the lock is ours, the school's stored stamp is
 * the current one (another instance has just recomputed it).
 */
async function recomputeInTransaction(
  trx: Db,
  schoolId: number,
  year: { id: number; label: string },
  settings: RiskSettings,
  stamp: string,
  options: { lock?: 'wait' | 'try' | 'held'; skipIfCurrent?: boolean } = {},
): Promise<Counts | 'busy'> {
  const lock = options.lock ?? 'wait';
  if (lock !== 'held' && !(await lockForSchoolRecompute(trx, schoolId, { wait: lock === 'wait' }))) return 'busy';
  if (options.skipIfCurrent) {
    const current = countsIfCurrent((await findSchoolStates(trx, year.id, schoolId)).get(schoolId), stamp);
    if (current) return current;
  }
  const work = await computeSchool(trx, schoolId, year, settings);
  if (!work) return noCounts();
  await writeSchoolWork(trx, work, stamp);
  return work.counts;
}

/**
 * A school whose results were computed with `stamp` and are all still there has nothing to redo:
 * its counts as they stand; null otherwise.
 */
function countsIfCurrent(
  state: { stamp: string; results: number; stored: number } | undefined,
  stamp: string,
): Counts | null {
  return state && state.stamp === stamp && state.stored === state.results
    ? { students: state.results, written: 0, unchanged: state.results, tierChanged: 0 }
    : null;
}

/** In the caller's transaction when it is one (the importer), else in a new one. */
const inTransaction = <T>(db: Db, work: (trx: Db) => Promise<T>): Promise<T> =>
  db.isTransaction ? work(db) : db.transaction().execute(work);

/** The file of a SQLite database that other connections can open; null for PostgreSQL, memory, or inside a transaction. */
async function sqliteFile(db: Db): Promise<string | null> {
  if (isPostgres(db) || db.isTransaction) return null;
  const { rows } = await sql<{ file: string }>`select file from pragma_database_list where name = 'main'`.execute(db);
  return rows[0]?.file || null;
}
