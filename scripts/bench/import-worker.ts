/**
 * One timed import in its own process, so its peak RSS is the importer's alone (not the
 * generator's) and the database is fresh: `node --import tsx import-worker.ts DB FOLDER`.
 * Prints one JSON line: seconds, counts and peak RSS.
 */
import { migrateToLatest } from '../../server/src/db/migrate';
import { openSqlite } from '../../server/src/db/open-database';
import { importPaths } from '../../server/src/imports/import-paths';

const [dbPath, folder] = process.argv.slice(2);
if (!dbPath || !folder) throw new Error('uso: import-worker.ts DB CARTELLA');
const db = openSqlite(dbPath);
await migrateToLatest(db);
const started = performance.now();
const summary = await importPaths(db, [folder], { pseudonymKey: 'bench-key', source: 'cli' });
const seconds = (performance.now() - started) / 1000;
await db.destroy();
console.log(JSON.stringify({
  seconds,
  inserted: summary.inserted,
  rejected: summary.rejected,
  firstErrors: summary.errors.slice(0, 3),
  peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
}));
