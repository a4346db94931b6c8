/**
 * One timed import in its own process, so its peak RSS is the importer's alone (not the
 * generator's) and the database is fresh: `node --import tsx import-worker.ts DB FOLDER`.
 * The import commits the data, then the risk of the imported schools is recomputed as the
 * import command does: both are timed, apart. Prints one JSON line: seconds, counts, peak RSS.
 * DB may be a PostgreSQL URL: the import then goes into a fresh schema, dropped afterwards (kept
 * and named in the JSON with a third argument `keep`, for the bench's floor), and the recompute is
 * left out (recomputeSeconds 0); the server's CPU is not in `cpuSeconds`.
 */
import { importPaths } from '../../server/src/imports/import-paths';
import { recomputeSchool } from '../../server/src/recompute/recompute';
import { dropBenchSchema, openBenchDatabase } from './bench-database';

const [dbPath, folder, keep] = process.argv.slice(2);
if (!dbPath || !folder) throw new Error('uso: import-worker.ts DB CARTELLA');
const bench = await openBenchDatabase(dbPath, 'bench_import');
const { db } = bench;
const postgres = bench.schema !== undefined;
const started = performance.now();
const cpuBefore = process.cpuUsage();
const summary = await importPaths(db, [folder], { pseudonymKey: 'bench-key', source: 'cli', recompute: false });
const seconds = (performance.now() - started) / 1000;
// CPU time (every thread of the process): on a machine shared with other work, wall time says
// more about the neighbours than about the import.
const cpu = process.cpuUsage(cpuBefore);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
const rssAfterImport = process.resourceUsage().maxRSS;
const recomputeStarted = performance.now();
if (postgres) {
  if (keep !== 'keep') await dropBenchSchema(bench);
} else {
  const schools = await db.selectFrom('school').select('id').execute();
  for (const { id } of schools) await recomputeSchool(db, id);
}
const recomputeSeconds = postgres ? 0 : (performance.now() - recomputeStarted) / 1000;
await db.destroy();
console.log(
  JSON.stringify({
    seconds,
    cpuSeconds,
    recomputeSeconds,
    inserted: summary.inserted,
    rejected: summary.rejected,
    firstErrors: summary.errors.slice(0, 3),
    peakRssMb: Math.round(rssAfterImport / 1024),
    peakRssMbWithRecompute: Math.round(process.resourceUsage().maxRSS / 1024),
    schema: keep === 'keep' ? bench.schema : undefined,
  }),
);
