import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureRegion, round3 } from './region-cache';

export interface RecomputeBenchResult {
  students: number;
  /** where it ran: the SQLite file (default) or the PostgreSQL of `--database-url` */
  database: 'sqlite' | 'postgresql';
  /** PostgreSQL: the import of the region into a fresh schema, before the timed runs (null on SQLite, whose import is cached) */
  pg_import_s: number | null;
  /** `recomputeAll` with no stored result: every student assessed and written, the grades read as the digests every import keeps (migration 0012) */
  full_s: number;
  /** the same with no grade digest stored either (the first start after the upgrade that added them): every grade read, every digest written */
  full_cold_s: number;
  full_cold_cpu_s: number;
  full_cold_written: number;
  /** `recomputeAll` again with nothing changed: every school skipped by its stamp (migration 0010) */
  full_unchanged_s: number;
  /** the same without the stamps: every school read, inputs hashed, nothing written */
  full_rehash_s: number;
  full_rehash_cpu_s: number;
  full_rehash_written: number;
  /** worker threads of the full recompute (one per core); on PostgreSQL, schools in flight */
  threads: number;
  /** `recomputeSchool` of the re-imported school, with the hashes stored before the import put
   * back: the same students the import's own (in-transaction) recompute rewrote */
  incremental_s: number;
  /** the whole re-import of that school (files, rows, and its recompute) */
  incremental_import_s: number;
  peak_rss_mb: number;
  schools: number;
  /** CPU seconds of the same phases: on a busy machine, wall time also counts waiting for a core */
  full_cpu_s: number;
  full_unchanged_cpu_s: number;
  incremental_cpu_s: number;
  full_written: number;
  /** students assessed in the full run (as many as written: no result was stored) */
  full_students: number;
  full_unchanged_written: number;
  incremental_school: string;
  incremental_school_students: number;
  incremental_new_rows: number;
  incremental_written: number;
  incremental_unchanged_s: number;
  peak_rss_mb_full: number;
  cache: string;
  cache_reused: boolean;
  generate_s: number | null;
  import_s: number | null;
}

/** A `--database-url` the bench can run on (PostgreSQL's two URL schemes). */

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '../..');

/**
 * Generates and imports the region (or reuses them from `cacheDir`), then times, in a child
 * process on a private copy of the database: a full recompute writing everything from the grades
 * (cold) and from their stored digests (as after imports), a full
 * recompute with nothing changed (with and without the schools' stamps), and the re-import of the
 * biggest school with a week of new absences plus the recompute that import triggers. Without `cacheDir` everything goes to a
 * temporary folder that is removed at the end. With `databaseUrl` (PostgreSQL) the same runs there,
 * after importing the region into a schema of its own that the run drops.
 */
export async function benchRecompute(options: {
  students: number;
  seed: number;
  cacheDir?: string;
  databaseUrl?: string;
  log?: (line: string) => void;
}): Promise<RecomputeBenchResult> {
  const log = options.log ?? (() => {});
  const work = mkdtempSync(join(tmpdir(), 'primm-bench-recompute-'));
  try {
    const cached = await ensureRegion({
      cacheDir: options.cacheDir ?? join(work, 'cache'),
      students: options.students,
      seed: options.seed,
      log,
    });
    let db = options.databaseUrl;
    if (db === undefined) copyFileSync(cached.db, (db = join(work, 'primm.sqlite')));
    const scratch = join(work, 'scratch');
    mkdirSync(scratch);
    // PRIMM_BENCH_CPU_PROF=DIR: a V8 CPU profile of the timed process, to open in Chrome DevTools.
    const profile = process.env.PRIMM_BENCH_CPU_PROF
      ? ['--cpu-prof', '--cpu-prof-dir', resolve(process.env.PRIMM_BENCH_CPU_PROF)]
      : [];
    const out = spawnSync(
      process.execPath,
      [...profile, '--import', 'tsx', join(here, 'recompute-worker.ts'), db, cached.region, scratch],
      {
        cwd: repoRoot,
        encoding: 'utf8',
        maxBuffer: 1 << 24,
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    if (out.status !== 0) throw new Error(`ricalcolo fallito (uscita ${out.status})`);
    const w = JSON.parse(out.stdout.trim().split('\n').pop()!) as Omit<
      RecomputeBenchResult,
      'students' | 'cache' | 'cache_reused' | 'generate_s' | 'import_s'
    >;
    return {
      students: options.students,
      database: w.database,
      pg_import_s: round3(w.pg_import_s),
      full_s: round3(w.full_s),
      incremental_s: round3(w.incremental_s),
      peak_rss_mb: w.peak_rss_mb,
      full_cold_s: round3(w.full_cold_s),
      full_cold_cpu_s: round3(w.full_cold_cpu_s),
      full_cold_written: w.full_cold_written,
      full_unchanged_s: round3(w.full_unchanged_s),
      full_rehash_s: round3(w.full_rehash_s),
      full_rehash_cpu_s: round3(w.full_rehash_cpu_s),
      full_rehash_written: w.full_rehash_written,
      threads: w.threads,
      incremental_import_s: round3(w.incremental_import_s),
      schools: w.schools,
      full_cpu_s: round3(w.full_cpu_s),
      full_unchanged_cpu_s: round3(w.full_unchanged_cpu_s),
      incremental_cpu_s: round3(w.incremental_cpu_s),
      full_written: w.full_written,
      full_students: w.full_students,
      full_unchanged_written: w.full_unchanged_written,
      incremental_school: w.incremental_school,
      incremental_school_students: w.incremental_school_students,
      incremental_new_rows: w.incremental_new_rows,
      incremental_written: w.incremental_written,
      incremental_unchanged_s: round3(w.incremental_unchanged_s),
      peak_rss_mb_full: w.peak_rss_mb_full,
      cache: options.cacheDir ? resolve(options.cacheDir) : '(temporanea, rimossa)',
      cache_reused: cached.reused,
      generate_s: cached.generate_s,
      import_s: cached.import_s,
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
