import { loadConfig } from '../../server/src/config';
import { migrateToLatest } from '../../server/src/db/migrate';
import { openSqlite } from '../../server/src/db/open-database';
import { ImportInputError } from '../../server/src/imports/import-inputs';
import { importPaths } from '../../server/src/imports/import-paths';
import { parseFlags } from './parse-flags';

const USAGE = `Uso: pnpm primm import --db FILE [--dry-run] [--allow-partial] [--json] PERCORSO…

Importa una o più cartelle di scuola (o una cartella che le contiene) nel formato di
docs/data-format.md, in una sola transazione.
  --db FILE          database SQLite (predefinito: PRIMM_DB o data/primm.sqlite)
  --dry-run          calcola cosa cambierebbe senza scrivere nulla (anteprima)
  --allow-partial    esci con 0 anche se alcune righe sono state scartate
  --json             stampa il riepilogo come un oggetto JSON sull'ultima riga`;

/**
 * `pnpm primm import`: exit 0 when everything was taken, 1 when rows were rejected or when no row
 * at all was taken (with the reason: rows read, rejected, left aside by reason), 2 on bad usage
 * or a path that holds nothing importable. With --json the last line is the summary, or
 * `{ error: { code, message } }` when the import was refused before reading a row.
 */
export async function runImportCommand(argv: string[]): Promise<number> {
  const parsed = parseFlags(
    argv,
    {
      db: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      'allow-partial': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    },
    USAGE,
  );
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  if (positionals.length === 0) {
    console.error(`Indica almeno una cartella da importare.\n\n${USAGE}`);
    return 2;
  }
  const config = loadConfig({ ...process.env, ...(values.db ? { PRIMM_DB: values.db } : {}) });
  const db = openSqlite(config.dbPath);
  try {
    await migrateToLatest(db);
    const summary = await importPaths(db, positionals, {
      pseudonymKey: config.pseudonymKey,
      source: 'cli',
      dryRun: values['dry-run'],
      onProgress: ({ phase, school, done, total }) =>
        process.stderr.write(`\r${phase === 'risk' ? 'rischio ' : ''}${done}/${total} ${school}   `),
    });
    process.stderr.write('\n');
    const { inserted, updated, unchanged, rejected, errors, warnings, nothingImported } = summary;
    const read = summary.fileSummaries.reduce((n, f) => n + (f.read ?? 0), 0);
    const skipped = summary.fileSummaries.flatMap((f) => (f.skipped ?? []).map((s) => ({ file: f.file, ...s })));
    if (values.json) {
      console.log(
        JSON.stringify({
          inserted,
          updated,
          unchanged,
          rejected,
          read,
          skipped,
          errors,
          warnings,
          dryRun: values['dry-run'],
          schools: summary.schools,
          ...(nothingImported ? { error: { code: 'nothing_imported', message: nothingImported } } : {}),
        }),
      );
    } else {
      const verb = values['dry-run'] ? 'Anteprima (nulla è stato scritto)' : 'Importazione completata';
      console.log(
        `${verb}: ${summary.schools} scuole, ${inserted} inserite, ${updated} aggiornate, ${unchanged} invariate, ${rejected} scartate.`,
      );
      for (const e of errors.slice(0, 20)) console.log(`  ${e.file}:${e.line} [${e.column}] ${e.message}`);
      if (errors.length > 20) console.log(`  … e altri ${errors.length - 20} errori`);
      for (const w of warnings) console.log(`Avviso: ${w.file ? `${w.file}: ` : ''}${w.message}`);
    }
    if (nothingImported) console.error(`Errore: ${nothingImported}`);
    // Nothing taken is a failure even with --allow-partial: a script must not read it as done.
    if (nothingImported) return 1;
    return rejected > 0 && !values['allow-partial'] ? 1 : 0;
  } catch (err) {
    if (err instanceof ImportInputError) {
      console.error(err.message);
      if (values.json) console.log(JSON.stringify({ error: { code: 'input_refused', message: err.message } }));
      return 2;
    }
    throw err;
  } finally {
    await db.destroy();
  }
}
