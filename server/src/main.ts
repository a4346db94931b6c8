import type { Server } from 'node:http';
import { createAggregateService } from './aggregates/aggregate-service';
import { createApp } from './app';
import { loadConfig, type Config } from './config';
import { migrateToLatest } from './db/migrate';
import { openDatabase, openSessionConnection } from './db/open-database';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, assertNoRealUsers, createDemoAccounts } from './demo/demo-accounts';
import { isDatabaseEmpty, loadDemoRegion } from './demo/load-demo';
import { plantDemoCases } from './demo/plant-cases';
import { plantDemoDeadlines } from './demo/plant-deadlines';
import { plantDemoMunicipalityInbox } from './demo/plant-municipality-inbox';
import { watchInbox } from './imports/inbox';
import { plantDemoEvaluation } from './demo/plant-evaluation';
import { plantDemoArrivals } from './demo/plant-arrivals';
import { plantDemoReferrals } from './demo/plant-referrals';
import { startUploadSweeper } from './imports/upload-store';
import { ensureLetterTemplates } from './letters/seed-templates';
import { ensureReferenceData } from './reference/load-reference';
import { recomputeAll } from './recompute/recompute';
import { followRecomputeRequests } from './recompute/recompute-requests';

/** config → database → migrations → (demo region) → listen. The only place that owns the process. */
export async function runServer(config: Config = loadConfig()): Promise<Server> {
  const db = await openDatabase(config);
  await migrateToLatest(db);
  await ensureReferenceData(db);
  await ensureLetterTemplates(db); // adds shipped templates missing, never touches an existing one
  if (config.demo && (await isDatabaseEmpty(db))) {
    await assertNoRealUsers(db); // before the region: no demo data in a production database either
    const summary = await loadDemoRegion(db, config.pseudonymKey, (line) => console.log(line));
    await createDemoAccounts(db);
    await plantDemoDeadlines(db); // every state of art. 114 in the referent's school
    await plantDemoCases(db); // the analyst's intervention figures, outside the mediator's and referent's schools
    await plantDemoEvaluation(db); // a school year of case work for "Cosa funziona" (issue 22), same schools
    await plantDemoMunicipalityInbox(db); // the comune's inbox in every state, and the referent's report due for it
    await plantDemoArrivals(db); // issue #21: pending, overdue, confirmed and no-show arrivals at the referent's school
    await plantDemoReferrals(db); // the demo PUA's referrals in every state (issue 21), same schools
    console.log(`Regione dimostrativa caricata: ${summary.inserted} righe, ${summary.schools} scuole.`);
  }
  const sessionDb = openSessionConnection(config, db);
  // Uploads hold codici fiscali in clear: none outlives a day, a restart included (upload-store.ts).
  const sweeper = startUploadSweeper(config.uploadDir, {
    onSweep: (removed) => console.log(`Caricamenti scaduti o interrotti rimossi: ${removed.length}.`),
    onError: (err) =>
      console.error(`Pulizia dei caricamenti non riuscita: ${err instanceof Error ? err.message : String(err)}`),
  });
  // Schools that push by SFTP (issue 24): each complete folder imported into its school, then moved.
  const inbox = config.inbox
    ? watchInbox(db, {
        ...config.inbox,
        pseudonymKey: config.pseudonymKey,
        log: (line) => console.log(line),
        onError: (err) =>
          console.error(`Cartella di deposito non leggibile: ${err instanceof Error ? err.message : String(err)}`),
      })
    : null;
  const aggregates = createAggregateService(db, config);
  const app = createApp({ db, sessionDb, config, aggregates });
  const server = app.listen(config.port, config.host);
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  console.log(`\nprimm-ews in ascolto su http://${host === '127.0.0.1' ? 'localhost' : host}:${port}`);
  console.log(
    `Database: ${config.databaseUrl ? 'PostgreSQL' : config.dbPath}${config.demo ? ' (modalità dimostrativa)' : ''}`,
  );
  if (config.demo) {
    console.log(`\nAccount dimostrativi (password: ${DEMO_PASSWORD}):`);
    for (const a of DEMO_ACCOUNTS) console.log(`  ${a.email.padEnd(26)} ${a.role.padEnd(10)} ${a.description}`);
  }

  // Imports recompute their schools after committing; one cut short by a crash left results
  // older than their data. Schools whose results are current are skipped without being read.
  void recomputeAll(db).then(
    (s) => {
      if (s.written > 0) console.log(`Rischio ricalcolato all'avvio: ${s.written} studenti aggiornati.`);
      aggregates.poke();
    },
    (err: unknown) =>
      console.error(
        `Ricalcolo del rischio all'avvio non riuscito: ${err instanceof Error ? err.message : String(err)}`,
      ),
  );

  // PostgreSQL, several instances: join the regional recomputes other instances' admins ask for.
  const follower = config.databaseUrl
    ? await followRecomputeRequests(db, {
        everyMs: 5000,
        onRun: (s) =>
          console.log(`Ricalcolo regionale richiesto da un'altra istanza: ${s.written} studenti aggiornati qui.`),
        onError: (err) =>
          console.error(
            `Ricalcolo regionale richiesto da un'altra istanza non riuscito: ${err instanceof Error ? err.message : String(err)}`,
          ),
      })
    : null;

  // The aggregates ready before the first reader, and again after a write this process did not
  // see (a CLI import, another instance) or a period end passing (aggregate-service.ts): a poke
  // whose data version and day are unchanged reads one row.
  aggregates.poke();
  const warmer = setInterval(() => aggregates.poke(), 30_000);
  warmer.unref();

  const shutdown = (signal: string) => {
    clearInterval(warmer);
    follower?.stop();
    sweeper.stop();
    inbox?.stop();
    console.log(`\n${signal}: chiusura in corso…`);
    // The aggregates' thread first: while its read-only connection is open, closing ours is not
    // the last close, and SQLite leaves the WAL beside the file (151 MB after the demo's load).
    server.close(() => {
      void aggregates
        .close()
        .then(() => Promise.all([db.destroy(), sessionDb === db ? null : sessionDb.destroy()]))
        .then(() => process.exit(0));
    });
    setTimeout(() => process.exit(1), 5000).unref();
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  return server;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runServer().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
