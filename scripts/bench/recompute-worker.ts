/**
 * The timed part of `bench recompute` in its own process, so its peak RSS is the recompute's (not
 * the generator's or the first import's): `node --import tsx recompute-worker.ts DB REGION WORK`.
 * DB is a private copy of the cached database, or a PostgreSQL URL: then the region is imported
 * into a schema of its own, dropped at the end. REGION the cached region (read only); WORK a
 * scratch folder. Progress on stderr, one JSON line on stdout.
 */
import { cpSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, join } from 'node:path';
import { importPaths } from '../../server/src/imports/import-paths';
import { PG_SCHOOLS_AT_ONCE, recomputeAll, recomputeSchool } from '../../server/src/recompute/recompute';
import { appendWeekOfAbsences } from './append-week';
import { dropBenchSchema, openBenchDatabase } from './bench-database';
import { BENCH_PSEUDONYM_KEY, importRegion, schoolFolders } from './region-cache';

const [dbPath, region, work] = process.argv.slice(2);
if (!dbPath || !region || !work) throw new Error('uso: recompute-worker.ts DB REGIONE LAVORO');
const log = (line: string) => process.stderr.write(`${line}\n`);
const rssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);
const seconds = (started: number) => (performance.now() - started) / 1000;
// CPU seconds of this process: on a shared machine wall time also counts waiting for a core.
const cpuSeconds = (since: NodeJS.CpuUsage) => {
  const u = process.cpuUsage(since);
  return (u.user + u.system) / 1e6;
};

// PostgreSQL: the region imported into a fresh schema (timed: `pg_import_s`), without computing
// the risk (the cold run below does). The server's own CPU is not in the `*_cpu_s` figures.
const bench = await openBenchDatabase(dbPath, 'bench');
const { db, schema } = bench;
const postgres = schema !== undefined;
let pgImportSeconds: number | null = null;
if (postgres) {
  log(`importazione della regione in PostgreSQL (schema ${schema})…`);
  const started = performance.now();
  await importRegion(db, schoolFolders(region), { log, recompute: false });
  pgImportSeconds = seconds(started);
}

const progress = ({ done, total }: { done: number; total: number }) => {
  if (done % 50 === 0 || done === total) log(`  ${done}/${total} scuole`);
};
/** `recomputeAll` timed: its summary, wall seconds and CPU seconds (threads included). */
const timedRecompute = async (withProgress: boolean) => {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const summary = await recomputeAll(db, withProgress ? { onProgress: progress } : {});
  return { summary, seconds: seconds(started), cpu: cpuSeconds(cpu) };
};

// Cold: every result written (none stored) and every grade read (no grade digest stored, as on
// the first start after the upgrade that added them), on one thread per core (the default).
await db.deleteFrom('risk_result').execute();
await db.deleteFrom('grade_digest').execute();
await db.deleteFrom('grade_digest_state').execute();
log('ricalcolo completo a freddo (nessun risultato, nessun riassunto dei voti)…');
const cold = await timedRecompute(true);
// Full: every result written again, the grades read as the digests the previous run stored (as
// every import keeps them); then again with nothing changed (every school skipped by its stamp).
await db.deleteFrom('risk_result').execute();
log('ricalcolo completo (nessun risultato presente; riassunti dei voti aggiornati, come dopo ogni importazione)…');
const full = await timedRecompute(true);
const peakAfterFull = rssMb();
log('ricalcolo completo senza cambiamenti…');
const unchanged = await timedRecompute(false);
// The same without the stamps of migration 0010 (as after an import in any other school): every
// school read and hashed, nothing written.
await db.deleteFrom('risk_school_state').execute();
log('ricalcolo completo senza cambiamenti, senza stamp (ogni scuola letta e confrontata per hash)…');
const rehash = await timedRecompute(false);

// Incremental: the school with the most students (the worst case for one school) gets a week of
// new absences in a copy of its folder, which is re-imported alone.
const schools = schoolFolders(region);
const biggest = schools
  .map((dir) => ({ dir, students: readFileSync(join(dir, 'studenti.csv'), 'utf8').split('\n').length - 2 }))
  .reduce((a, b) => (b.students > a.students ? b : a));
const copy = join(work, basename(biggest.dir));
cpSync(biggest.dir, copy, { recursive: true });
const week = appendWeekOfAbsences(copy);
const school = await db
  .selectFrom('school')
  .select('id')
  .where('code', '=', basename(biggest.dir))
  .executeTakeFirstOrThrow();
log(
  `reimportazione di ${basename(biggest.dir)} (${biggest.students} studenti) con ${week.rows} assenze nuove (${week.days.join(', ')})…`,
);
let started = performance.now();
// The import commits the data, then recomputes the school: here the two are timed apart.
const imported = await importPaths(db, [copy], { pseudonymKey: BENCH_PSEUDONYM_KEY, source: 'cli', recompute: false });
const importSeconds = seconds(started);
if (imported.rejected > 0)
  throw new Error(`righe scartate nella reimportazione: ${JSON.stringify(imported.errors.slice(0, 3))}`);

log("ricalcolo incrementale della scuola (recomputeSchool, come dopo l'importazione)…");
started = performance.now();
const cpu = process.cpuUsage();
const incremental = await recomputeSchool(db, school.id);
const incrementalSeconds = seconds(started);
const incrementalCpu = cpuSeconds(cpu);
started = performance.now();
await recomputeSchool(db, school.id);
const incrementalUnchangedSeconds = seconds(started);
await dropBenchSchema(bench);
await db.destroy();

console.log(
  JSON.stringify({
    database: postgres ? 'postgresql' : 'sqlite',
    pg_import_s: pgImportSeconds,
    schools: schools.length,
    full_cold_s: cold.seconds,
    full_cold_cpu_s: cold.cpu,
    full_cold_written: cold.summary.written,
    full_s: full.seconds,
    full_cpu_s: full.cpu,
    full_written: full.summary.written,
    full_students: full.summary.students,
    full_unchanged_s: unchanged.seconds,
    full_unchanged_cpu_s: unchanged.cpu,
    full_unchanged_written: unchanged.summary.written,
    full_rehash_s: rehash.seconds,
    full_rehash_cpu_s: rehash.cpu,
    full_rehash_written: rehash.summary.written,
    // SQLite: worker threads; PostgreSQL: schools in flight on their own connections (recompute.ts).
    threads: postgres ? PG_SCHOOLS_AT_ONCE : availableParallelism(),
    incremental_school: basename(biggest.dir),
    incremental_school_students: incremental.students,
    incremental_new_rows: week.rows,
    incremental_import_s: importSeconds,
    incremental_import_inserted: imported.inserted,
    incremental_s: incrementalSeconds,
    incremental_cpu_s: incrementalCpu,
    incremental_written: incremental.written,
    incremental_unchanged_s: incrementalUnchangedSeconds,
    peak_rss_mb_full: peakAfterFull,
    peak_rss_mb: rssMb(),
  }),
);
