import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateRegion } from '../gen/generate-region';
import { openPostgres } from '../../server/src/db/open-postgres';
import { dropBenchSchema } from './bench-database';
import { timeImportFloor } from './import-floor';
import { timePostgresImportFloor } from './import-floor-postgres';

export interface ImportBenchResult {
  rows: number;
  primm_rows_per_s: number;
  sqlite_cli_rows_per_s: number | null;
  ratio: number | null;
  /** the same import without the attendance rows: the fixed cost (school, classes, students) */
  primm_attendance_only_rows_per_s: number;
  primm_seconds: number;
  /** CPU time of the import (all its threads): steadier than wall time on a shared machine */
  primm_cpu_seconds: number;
  primm_fixed_seconds: number;
  primm_fixed_cpu_seconds: number;
  /** the risk recompute of the imported schools, which the import runs once the data is committed */
  primm_recompute_seconds: number;
  /** rows over import + recompute: what `pnpm primm import` takes in all */
  primm_with_recompute_rows_per_s: number;
  sqlite_cli_seconds: number | null;
  /** SQLite alone writing the same rows into the project's table (INSERT … SELECT, indexes and all) */
  sqlite_schema_floor_seconds: number | null;
  /** primm's rate over that floor's: how much of the gap is ours rather than the schema's */
  ratio_to_schema_floor: number | null;
  /**
   * The app's SQLite alone writing again every row the import wrote (schools, classes, students,
   * enrolments, events), nothing read or bound: the least any importer of this schema can take
   * here (import-floor.ts)
   */
  sqlite_import_floor_seconds: number;
  /** `sqlite3 .import` over that floor: the best `ratio` an importer spending no time of its own would get */
  ratio_ceiling: number | null;
  sqlite_cli: string;
  /** enrolment rows (studenti.csv), the students the fixed cost is about */
  students: number;
  schools: number;
  peak_rss_mb: number;
  peak_rss_mb_with_recompute: number;
  peak_rss_mb_without_attendance: number;
  /** With `--database-url`: the same import into PostgreSQL (a fresh schema), else null */
  pg_primm_rows_per_s: number | null;
  pg_primm_seconds: number | null;
  /** psql's `\copy` of the same files into a plain table of that server */
  pg_psql_copy_rows_per_s: number | null;
  pg_psql_copy_seconds: number | null;
  pg_ratio: number | null;
  /** The server alone writing again the rows the import wrote there (import-floor-postgres.ts) */
  pg_import_floor_seconds: number | null;
  /** `psql \copy` over that floor: the best `pg_ratio` an importer spending no time of its own would get */
  pg_ratio_ceiling: number | null;
}

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '../..');
// A whole school year (to 30 June) gives ≈ 17 attendance events per student.
const EVENTS_PER_STUDENT = 15;
// The generator writes a school's files as whole strings: beyond ≈ 20 000 students one school's
// grades outgrow the longest string V8 allows, so big runs are spread over a few big schools.
const STUDENTS_PER_SCHOOL = 12_000;

/**
 * Times the project's import of generated `assenze.csv` files of at least `rows` real attendance
 * events in all (one big school, or a few when more than 12 000 students are needed) into a
 * fresh database, and the sqlite3 shell's `.import` of the same files into a plain table. Grades
 * and outcomes are left out (header only) so the files under test are the attendance files; the
 * import still does everything it always does for a school (calendar, classes, students), and
 * that fixed cost is measured apart. The ratio is about the import (data committed); the risk
 * recompute that `pnpm primm import` runs after it is timed and reported apart.
 */
export async function benchImport(options: {
  rows: number;
  /** PostgreSQL too: primm's import and psql's `\copy` of the same files there */
  databaseUrl?: string;
  log?: (line: string) => void;
}): Promise<ImportBenchResult> {
  const log = options.log ?? (() => {});
  const work = mkdtempSync(join(tmpdir(), 'primm-bench-'));
  try {
    let students = Math.ceil(options.rows / EVENTS_PER_STUDENT);
    let region: string;
    let schools: string[];
    let rows: number;
    for (;;) {
      region = join(work, `region-${students}`);
      const schoolCount = Math.ceil(students / STUDENTS_PER_SCHOOL);
      log(`generazione di ${schoolCount} scuol${schoolCount === 1 ? 'a' : 'e'} con ${students} studenti…`);
      await generateRegion({ students, schools: schoolCount, seed: 1, outDir: region, asOf: '2026-06-30' });
      schools = readdirSync(region, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => join(region, d.name))
        .sort();
      rows = schools.reduce((n, s) => n + countLines(join(s, 'assenze.csv')) - 1, 0);
      if (rows >= options.rows) break;
      rmSync(region, { recursive: true, force: true });
      students = Math.ceil((students * options.rows * 1.05) / Math.max(rows, 1));
    }
    // The same schools without their attendance: what the import costs besides the rows under test.
    const fixedRegion = join(work, 'fixed');
    for (const school of schools) {
      for (const name of ['voti.csv', 'esiti.csv']) keepHeaderOnly(join(school, name));
      const copy = join(fixedRegion, basename(school));
      mkdirSync(copy, { recursive: true });
      for (const name of readdirSync(school)) copyFileSync(join(school, name), join(copy, name));
      keepHeaderOnly(join(copy, 'assenze.csv'));
    }

    log(`importazione di ${rows} righe di assenze (primm)…`);
    const primm = runWorker(join(work, 'primm.sqlite'), region);
    if (primm.rejected > 0) throw new Error(`righe scartate nel benchmark: ${JSON.stringify(primm.firstErrors)}`);
    const floor = timeSchemaFloor(join(work, 'primm.sqlite'));
    log('le stesse righe scritte da SQLite da solo (limite di ogni importatore)…');
    const importFloor = await timeImportFloor(join(work, 'primm.sqlite'));
    log('importazione senza assenze (costo fisso)…');
    const fixed = runWorker(join(work, 'fixed.sqlite'), fixedRegion);
    log('importazione con la shell sqlite3…');
    const cli = timeSqliteCli(
      join(work, 'cli.sqlite'),
      schools.map((s) => join(s, 'assenze.csv')),
      rows,
    );

    let pg: { primm: WorkerResult; copySeconds: number; floorSeconds: number } | undefined;
    if (options.databaseUrl) {
      log('importazione in PostgreSQL (primm)…');
      const pgPrimm = runWorker(options.databaseUrl, region, 'keep');
      const schema = pgPrimm.schema!;
      let floorSeconds: number;
      try {
        if (pgPrimm.rejected > 0)
          throw new Error(`righe scartate (PostgreSQL): ${JSON.stringify(pgPrimm.firstErrors)}`);
        log('le stesse righe scritte dal server da solo (limite di ogni importatore)…');
        floorSeconds = (await timePostgresImportFloor(options.databaseUrl, schema, importFloor)).seconds;
      } finally {
        await dropSchema(options.databaseUrl, schema);
      }
      log('psql \\copy delle stesse righe…');
      pg = {
        primm: pgPrimm,
        floorSeconds,
        copySeconds: timePsqlCopy(
          options.databaseUrl,
          schools.map((s) => join(s, 'assenze.csv')),
          rows,
        ),
      };
    }

    const primmRate = rows / primm.seconds;
    return {
      rows,
      primm_rows_per_s: Math.round(primmRate),
      sqlite_cli_rows_per_s: cli.seconds === null ? null : Math.round(rows / cli.seconds),
      ratio: cli.seconds === null ? null : round3(primmRate / (rows / cli.seconds)),
      primm_attendance_only_rows_per_s: Math.round(rows / Math.max(primm.seconds - fixed.seconds, 1e-3)),
      primm_seconds: round3(primm.seconds),
      primm_cpu_seconds: round3(primm.cpuSeconds),
      primm_fixed_seconds: round3(fixed.seconds),
      primm_fixed_cpu_seconds: round3(fixed.cpuSeconds),
      primm_recompute_seconds: round3(primm.recomputeSeconds),
      primm_with_recompute_rows_per_s: Math.round(rows / (primm.seconds + primm.recomputeSeconds)),
      sqlite_cli_seconds: cli.seconds === null ? null : round3(cli.seconds),
      sqlite_schema_floor_seconds: floor === null ? null : round3(floor),
      ratio_to_schema_floor: floor === null ? null : round3(floor / primm.seconds),
      sqlite_import_floor_seconds: round3(importFloor.seconds),
      ratio_ceiling: cli.seconds === null ? null : round3(cli.seconds / importFloor.seconds),
      sqlite_cli: cli.version,
      students: schools.reduce((n, s) => n + countLines(join(s, 'studenti.csv')) - 1, 0),
      schools: schools.length,
      peak_rss_mb: primm.peakRssMb,
      peak_rss_mb_with_recompute: primm.peakRssMbWithRecompute,
      peak_rss_mb_without_attendance: fixed.peakRssMb,
      pg_primm_rows_per_s: pg ? Math.round(rows / pg.primm.seconds) : null,
      pg_primm_seconds: pg ? round3(pg.primm.seconds) : null,
      pg_psql_copy_rows_per_s: pg ? Math.round(rows / pg.copySeconds) : null,
      pg_psql_copy_seconds: pg ? round3(pg.copySeconds) : null,
      pg_ratio: pg ? round3(pg.copySeconds / pg.primm.seconds) : null,
      pg_import_floor_seconds: pg ? round3(pg.floorSeconds) : null,
      pg_ratio_ceiling: pg ? round3(pg.copySeconds / pg.floorSeconds) : null,
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

interface WorkerResult {
  seconds: number;
  cpuSeconds: number;
  recomputeSeconds: number;
  inserted: number;
  rejected: number;
  firstErrors: unknown[];
  peakRssMb: number;
  peakRssMbWithRecompute: number;
  /** PostgreSQL with `keep`: the schema the rows are in, for the caller to drop */
  schema?: string;
}

function runWorker(dbPath: string, folder: string, keep?: 'keep'): WorkerResult {
  const args = ['--import', 'tsx', join(here, 'import-worker.ts'), dbPath, folder, ...(keep ? [keep] : [])];
  const out = spawnSync(process.execPath, args, {
    cwd: repoRoot,
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  if (out.status !== 0) throw new Error(`importazione fallita: ${out.stderr}`);
  return JSON.parse(out.stdout.trim().split('\n').pop()!) as WorkerResult;
}

/** The shell's own CSV import into a plain table, headers skipped; null when sqlite3 is missing. */
function timeSqliteCli(dbPath: string, csvs: string[], rows: number): { seconds: number | null; version: string } {
  const version = spawnSync('sqlite3', ['--version'], { encoding: 'utf8' });
  if (version.error || version.status !== 0) {
    return {
      seconds: null,
      version: 'assente: installare il pacchetto Debian sqlite3 (apt-get install sqlite3) per il confronto',
    };
  }
  const started = performance.now();
  const out = spawnSync(
    'sqlite3',
    [
      dbPath,
      '-cmd',
      'CREATE TABLE assenze (codice_fiscale, data, tipo, ore, giustificata, deroga)',
      '.mode csv',
      '.separator ;',
      ...csvs.map((csv) => `.import --skip 1 ${csv} assenze`),
      'SELECT count(*) FROM assenze',
    ],
    { encoding: 'utf8' },
  );
  const seconds = (performance.now() - started) / 1000;
  if (out.status !== 0) throw new Error(`sqlite3 .import fallito: ${out.stderr}`);
  const imported = Number(out.stdout.trim());
  if (imported !== rows) throw new Error(`sqlite3 ha importato ${imported} righe invece di ${rows}`);
  return { seconds, version: version.stdout.trim().split(' ')[0] ?? '' };
}

/**
 * psql's `\copy` of the files (CSV, `;`, header skipped) into a plain table of text columns,
 * created and dropped around the timed run: PostgreSQL's own fastest load of the same rows.
 */
function timePsqlCopy(url: string, csvs: string[], rows: number): number {
  const table = `bench_psql_copy_${process.pid}`;
  const psql = (...commands: string[]) => {
    const out = spawnSync(
      'psql',
      [url, '-X', '-q', '-t', '-A', '-v', 'ON_ERROR_STOP=1', ...commands.flatMap((c) => ['-c', c])],
      {
        encoding: 'utf8',
      },
    );
    if (out.error || out.status !== 0) throw new Error(`psql fallito: ${out.error?.message ?? out.stderr}`);
    return out.stdout;
  };
  const header = readFileSync(csvs[0]!, 'utf8').split('\n', 1)[0]!;
  const columns = header.split(';').map((_, i) => `c${i} text`);
  psql(`create table ${table} (${columns.join(', ')})`);
  try {
    const started = performance.now();
    psql(...csvs.map((csv) => `\\copy ${table} from '${csv}' with (format csv, delimiter ';', header true)`));
    const seconds = (performance.now() - started) / 1000;
    const copied = Number(psql(`select count(*) from ${table}`).trim());
    if (copied !== rows) throw new Error(`psql \\copy ha importato ${copied} righe invece di ${rows}`);
    return seconds;
  } finally {
    psql(`drop table ${table}`);
  }
}

/**
 * SQLite's own share of the import: the attendance rows primm wrote, written again by the sqlite3
 * shell into the emptied table with one `INSERT … SELECT` (no parsing, no checks, no JavaScript),
 * key and foreign keys included, the data_version counter moved once, in one transaction. The copy
 * is in key order (attendance_event has no rowid since migration 0033), which is also the order of
 * the generated files (by student, then date). No importer of this schema beats it on this
 * machine; null when sqlite3 is missing.
 */
function timeSchemaFloor(dbPath: string): number | null {
  const prepare = spawnSync(
    'sqlite3',
    [dbPath, 'create table bench_copy as select * from attendance_event; delete from attendance_event;'],
    { encoding: 'utf8' },
  );
  if (prepare.error || prepare.status !== 0) return null;
  const started = performance.now();
  const out = spawnSync(
    'sqlite3',
    [
      dbPath,
      // As the import does (db/data-version-once.ts): the data_version trigger moves once, not a row.
      'pragma foreign_keys = on; begin; drop trigger attendance_event_insert_data_version; ' +
        'insert into attendance_event select * from bench_copy order by rowid; ' +
        'update data_version set version = version + 1 where id = 1; commit;',
    ],
    { encoding: 'utf8' },
  );
  const seconds = (performance.now() - started) / 1000;
  if (out.status !== 0) throw new Error(`sqlite3 (soglia dello schema) fallito: ${out.stderr}`);
  // Gone before the next floor (import-floor.ts), which rewrites every table holding rows.
  spawnSync('sqlite3', [dbPath, 'drop table bench_copy'], { encoding: 'utf8' });
  return seconds;
}

async function dropSchema(url: string, schema: string): Promise<void> {
  const db = openPostgres(url, { max: 1 });
  try {
    await dropBenchSchema({ db, schema });
  } finally {
    await db.destroy();
  }
}

function countLines(path: string): number {
  const text = readFileSync(path, 'utf8');
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

function keepHeaderOnly(path: string): void {
  const text = readFileSync(path, 'utf8');
  writeFileSync(path, text.slice(0, text.indexOf('\n') + 1));
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}
