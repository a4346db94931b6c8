import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { migrateToLatest } from '../../server/src/db/migrate';
import { openSqlite, PAGE_SIZE, readPageSize, type Db } from '../../server/src/db/open-database';
import { importPaths } from '../../server/src/imports/import-paths';
import { GENERATOR_VERSION, generateRegion } from '../gen/generate-region';

/** The pseudonym key of every benchmark database: fixed, so a cached database matches re-imports. */
export const BENCH_PSEUDONYM_KEY = 'bench-key';
// One import transaction per this many schools: the same rows and recompute as one big import,
// without a multi-gigabyte WAL for 200 000 students.
const SCHOOLS_PER_IMPORT = 25;

export interface CachedRegion {
  /** folder of school folders, as `pnpm primm gen` writes it */
  region: string;
  /** SQLite file with the whole region imported (risk computed by the import); do not modify */
  db: string;
  /** true when both were already in the cache */
  reused: boolean;
  generate_s: number | null;
  import_s: number | null;
}

/**
 * A generated and imported region under `cacheDir/students-N-seed-S-gen-V/`, made once and reused:
 * generating and importing 200 000 students takes minutes. Each step leaves a marker file only when
 * it finished, so an interrupted run starts that step over instead of reusing half a region.
 */
export async function ensureRegion(options: {
  cacheDir: string;
  students: number;
  seed: number;
  log: (line: string) => void;
}): Promise<CachedRegion> {
  const dir = join(options.cacheDir, `students-${options.students}-seed-${options.seed}-gen-${GENERATOR_VERSION}`);
  const region = join(dir, 'region');
  const db = join(dir, 'primm.sqlite');
  const generated = join(dir, '.generated');
  const imported = join(dir, '.imported');
  let generateSeconds: number | null = null;
  let importSeconds: number | null = null;
  // A database imported by a version that made other pages (open-database.ts, PAGE_SIZE) is not
  // what an import makes today: imported again, or the bench would measure the old file.
  const pages = existsSync(imported) ? await pageSizeOf(db) : PAGE_SIZE;
  if (pages !== PAGE_SIZE) {
    options.log(`il database in cache ha pagine di ${pages} byte, non ${PAGE_SIZE}: si importa di nuovo`);
    rmSync(imported);
  }
  const reused = existsSync(generated) && existsSync(imported);

  if (!existsSync(generated)) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    options.log(`generazione di ${options.students} studenti (seme ${options.seed}) in ${region}…`);
    const started = performance.now();
    let last = -1;
    await generateRegion({
      students: options.students,
      seed: options.seed,
      outDir: region,
      onProgress: (done, total) => {
        const percent = Math.floor((100 * done) / total / 10) * 10;
        if (percent !== last) options.log(`  generazione ${(last = percent)}%`);
      },
    });
    generateSeconds = (performance.now() - started) / 1000;
    writeFileSync(generated, `${generateSeconds}\n`);
  }
  if (!existsSync(imported)) {
    for (const f of [db, `${db}-wal`, `${db}-shm`]) rmSync(f, { force: true });
    const schools = schoolFolders(region);
    options.log(`importazione di ${schools.length} scuole in ${db}…`);
    const started = performance.now();
    const conn = openSqlite(db);
    try {
      await migrateToLatest(conn);
      await importRegion(conn, schools, { log: options.log });
    } finally {
      await conn.destroy(); // the last connection to close checkpoints the WAL into the file
    }
    importSeconds = (performance.now() - started) / 1000;
    writeFileSync(imported, `${importSeconds}\n`);
  }
  if (reused) options.log(`regione e database riusati dalla cache ${dir}`);
  else options.log(`regione e database in cache in ${dir} (riusati alla prossima esecuzione con le stesse opzioni)`);
  return { region, db, reused, generate_s: round3(generateSeconds), import_s: round3(importSeconds) };
}

/**
 * Imports the schools' folders into a migrated database, several schools per import (as a
 * region's first load would), failing on any rejected row; `recompute: false` leaves the risk to
 * compute to the caller.
 */
export async function importRegion(
  db: Db,
  schools: string[],
  options: { log: (line: string) => void; recompute?: boolean },
): Promise<void> {
  for (let i = 0; i < schools.length; i += SCHOOLS_PER_IMPORT) {
    const part = schools.slice(i, i + SCHOOLS_PER_IMPORT);
    const summary = await importPaths(db, part, {
      pseudonymKey: BENCH_PSEUDONYM_KEY,
      source: 'cli',
      recompute: options.recompute ?? true,
    });
    if (summary.rejected > 0)
      throw new Error(`righe scartate nell'importazione: ${JSON.stringify(summary.errors.slice(0, 3))}`);
    options.log(`  importate ${i + part.length}/${schools.length} scuole`);
  }
}

export function schoolFolders(region: string): string[] {
  return readdirSync(region, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(region, d.name, 'scuola.csv')))
    .map((d) => join(region, d.name))
    .sort();
}

export function round3(x: number): number;
export function round3(x: number | null): number | null;
export function round3(x: number | null): number | null {
  return x === null ? null : Math.round(x * 1000) / 1000;
}

/** The page size of a SQLite file (0 when it is missing). */
async function pageSizeOf(file: string): Promise<number> {
  if (!existsSync(file)) return 0;
  const db = openSqlite(file);
  try {
    return await readPageSize(db);
  } finally {
    await db.destroy();
  }
}
