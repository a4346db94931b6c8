import { parseFlags } from './parse-flags';
import { resolve } from 'node:path';
import { loadConfig } from '../../server/src/config';
import { backupDatabase, restoreDatabase } from '../../server/src/db/backup';

const BACKUP_USAGE = `Uso: pnpm primm backup --db FILE --out FILE [--json]

Copia coerente del database anche mentre il server è in funzione.`;
const RESTORE_USAGE = `Uso: pnpm primm restore --db FILE --from BACKUP [--json]

Ripristina un backup nel database indicato. Fermate prima il server.`;

export async function runBackupCommand(argv: string[]): Promise<number> {
  const parsed = parseFlags(
    argv,
    { db: { type: 'string' }, out: { type: 'string' }, json: { type: 'boolean', default: false } },
    BACKUP_USAGE,
    { positionals: false },
  );
  if (typeof parsed === 'number') return parsed;
  const { values } = parsed;
  if (!values.out) {
    console.error(`Indica il file di destinazione con --out.\n\n${BACKUP_USAGE}`);
    return 2;
  }
  const source = loadConfig({ ...process.env, ...(values.db ? { PRIMM_DB: values.db } : {}) }).dbPath;
  const started = performance.now();
  const { pages } = await backupDatabase(source, resolve(values.out));
  const summary = { source, backup: resolve(values.out), pages, ms: Math.round(performance.now() - started) };
  console.log(
    values.json ? JSON.stringify(summary) : `Backup completato: ${summary.backup} (${pages} pagine, ${summary.ms} ms).`,
  );
  return 0;
}

export async function runRestoreCommand(argv: string[]): Promise<number> {
  const parsed = parseFlags(
    argv,
    { db: { type: 'string' }, from: { type: 'string' }, json: { type: 'boolean', default: false } },
    RESTORE_USAGE,
    { positionals: false },
  );
  if (typeof parsed === 'number') return parsed;
  const { values } = parsed;
  if (!values.from) {
    console.error(`Indica la copia da ripristinare con --from.\n\n${RESTORE_USAGE}`);
    return 2;
  }
  const target = loadConfig({ ...process.env, ...(values.db ? { PRIMM_DB: values.db } : {}) }).dbPath;
  try {
    const { pages } = await restoreDatabase(resolve(values.from), target);
    console.log(
      values.json ? JSON.stringify({ target, pages }) : `Ripristino completato in ${target} (${pages} pagine).`,
    );
    return 0;
  } catch (err) {
    console.error((err as Error).message);
    return 1;
  }
}
