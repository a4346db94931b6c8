import { mkdirSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Db } from '../db/open-database';
import { audit } from '../http/audit';
import { findSchoolFoldersDeep } from './describe-upload';
import { auditDetails, studentsNamed } from './import-audit';
import { importPaths, type ImportSummary } from './import-paths';
import { ImportScopeError } from './import-scope';
import { describeInboxResult, inboxReport, type InboxResult } from './inbox-summary';

/**
 * The watched inbox (issue 24, `PRIMM_INBOX`): schools that push their registers' exports by SFTP
 * drop one folder per push, named with their codice meccanografico (`ANIS00800L`, or
 * `ANIS00800L-2026-12-06`…). A folder is imported once complete: a marker file in it (`.ready`,
 * `PRONTO`…, written last by the sender), or nothing in it changed (names, sizes, mtimes) for
 * `quietMs`. Then it goes to `done/` or `failed/`, with its summary beside it (`.json`, `.txt`).
 *
 * The folder names its school and imports only into it (the import's scope, as a referent's): a
 * scuola.csv naming another school refuses the whole import. Folders go one at a time, each in
 * the import's one transaction: a crash mid-import leaves the database as it was and the folder
 * where it was, imported again once the server is back (the import is idempotent).
 */
export interface InboxOptions {
  root: string;
  pseudonymKey: string;
  /** A folder without a marker is complete once nothing in it changed for this long. */
  quietMs: number;
  now?: () => number;
  /** Recompute the imported school's risk after the commit (default true; as importPaths). */
  recompute?: boolean;
  log?: (line: string) => void;
}

export const INBOX_MARKERS = ['.ready', 'ready', '.pronto', 'pronto', 'pronto.txt', 'ready.txt'];
/** Names SFTP clients give a file while it is still being written (WinSCP `.filepart`, rsync's `.~tmp~`…). */
const PARTIAL_FILE = /(\.filepart|\.part|\.partial|\.tmp|\.~tmp~)$|^\.~|^~\$/i;
const FOLDER_NAME = /^([A-Z]{2}[A-Z0-9]{8})(?:[-_. ].*)?$/i;
const OUTBOXES = ['done', 'failed'];

interface Seen {
  signature: string;
  since: number;
}

export interface Inbox {
  /** Looks once: imports every complete folder, one after the other, and says what became of each. */
  scan(): Promise<InboxResult[]>;
}

export function createInbox(db: Db, options: InboxOptions): Inbox {
  const now = options.now ?? Date.now;
  const seen = new Map<string, Seen>();
  let running: Promise<InboxResult[]> | null = null;

  const isComplete = (name: string, dir: string): boolean => {
    const files = listFiles(dir);
    if (files.length === 0 || files.some((f) => PARTIAL_FILE.test(basename(f.path)))) {
      seen.delete(name);
      return false;
    }
    if (files.some((f) => INBOX_MARKERS.includes(f.path.toLowerCase()))) return true;
    const signature = files.map((f) => `${f.path}\u0000${f.size}\u0000${f.mtimeMs}`).join('\n');
    const before = seen.get(name);
    if (before?.signature !== signature) {
      seen.set(name, { signature, since: now() });
      return false;
    }
    return now() - before.since >= options.quietMs;
  };

  const scanOnce = async (): Promise<InboxResult[]> => {
    for (const box of OUTBOXES) mkdirSync(join(options.root, box), { recursive: true });
    const names = readdirSync(options.root, { withFileTypes: true })
      .filter((d) => d.isDirectory() && !d.name.startsWith('.') && !OUTBOXES.includes(d.name))
      .map((d) => d.name)
      .sort();
    for (const name of seen.keys()) if (!names.includes(name)) seen.delete(name);
    const results: InboxResult[] = [];
    for (const name of names) {
      const dir = join(options.root, name);
      if (!isComplete(name, dir)) continue;
      const before = signatureOf(dir);
      const result = await importFolder(db, dir, name, options);
      // Files that arrived during the import were not all read: leave it, to be imported again whole.
      if (signatureOf(dir) !== before) {
        seen.delete(name);
        options.log?.(`Cartella di deposito ${name}: cambiata durante l'importazione, sarà importata di nuovo`);
        continue;
      }
      settle(options.root, dir, name, result, now());
      seen.delete(name);
      options.log?.(describeInboxResult(result).split('\n')[0]!);
      results.push(result);
    }
    return results;
  };

  return {
    // One scan at a time, so one folder at a time: a timer's tick during a long import waits for it.
    scan: async () => {
      while (running) await running.catch(() => undefined);
      running = scanOnce();
      try {
        return await running;
      } finally {
        running = null;
      }
    },
  };
}

/** Scans every `everyMs` until stopped; errors of a scan are reported and the next scan tries again. */
export function watchInbox(
  db: Db,
  options: InboxOptions & { everyMs: number; onError?: (err: unknown) => void },
): { stop(): void } {
  const inbox = createInbox(db, options);
  let stopped = false;
  const tick = () => {
    if (stopped) return;
    inbox
      .scan()
      .catch((err: unknown) => options.onError?.(err))
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, options.everyMs).unref();
      });
  };
  let timer = setTimeout(tick, 0).unref();
  return {
    stop: () => {
      stopped = true;
      clearTimeout(timer);
    },
  };
}

async function importFolder(db: Db, dir: string, name: string, options: InboxOptions): Promise<InboxResult> {
  const startedAt = new Date().toISOString();
  const failed = (reason: string, summary?: ImportSummary): InboxResult => ({
    folder: name,
    status: 'failed',
    startedAt,
    reason,
    summary: summary ? inboxReport(summary) : null,
  });
  const code = FOLDER_NAME.exec(name)?.[1]?.toUpperCase();
  if (!code)
    return failed(
      'Il nome della cartella deve cominciare con il codice meccanografico della scuola (per esempio ANIS00800L o ANIS00800L-2026-12-06)',
    );
  const school = await db.selectFrom('school').select('id').where('code', '=', code).executeTakeFirst();
  if (!school) return failed(`La scuola ${code} non è registrata: la aggiunge l'amministratore prima del primo invio`);
  const folders = findSchoolFoldersDeep(dir);
  if (folders.length === 0)
    return failed('Nessun file scuola.csv nella cartella: servono i file della scuola nel formato dei dati');
  try {
    const summary = await importPaths(db, folders, {
      pseudonymKey: options.pseudonymKey,
      source: 'cli',
      inboxFolder: name,
      scope: { schoolIds: [school.id] },
      confirmTransfers: false,
      recompute: options.recompute,
    });
    await audit(
      db,
      {},
      {
        action: 'import.inbox',
        studentIds: studentsNamed(summary),
        details: { folder: name, batchId: summary.batchId, ...auditDetails(summary) },
      },
    );
    if (summary.nothingImported) return failed(summary.nothingImported, summary);
    return { folder: name, status: 'done', startedAt, reason: null, summary: inboxReport(summary) };
  } catch (err) {
    const refused = err instanceof ImportScopeError;
    await audit(
      db,
      {},
      {
        action: 'import.inbox',
        outcome: refused ? 'denied' : 'failed',
        details: refused
          ? { folder: name, refusedSchools: err.refused.map((s) => s.code) }
          : { folder: name, message: (err as Error).message },
      },
    );
    return failed(
      refused ? `${err.message}: la cartella ${name} importa solo nella scuola ${code}` : (err as Error).message,
    );
  }
}

/**
 * The folder to `done/` or `failed/`, summary first: a crash between the two leaves the folder in
 * the inbox (imported again, idempotent) and a summary the next one overwrites, never a moved
 * folder without its summary.
 */
function settle(root: string, dir: string, name: string, result: InboxResult, at: number): void {
  const stamp = new Date(at).toISOString().replace(/[:.]/g, '-');
  const target = join(root, result.status, `${name}_${stamp}`);
  writeAtomically(`${target}.json`, `${JSON.stringify(result, null, 2)}\n`);
  writeAtomically(`${target}.txt`, `${describeInboxResult(result)}\n`);
  renameSync(dir, target);
}

function writeAtomically(path: string, text: string): void {
  writeFileSync(`${path}.tmp`, text);
  renameSync(`${path}.tmp`, path);
}

function listFiles(dir: string, prefix = ''): { path: string; size: number; mtimeMs: number }[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((d) => {
      const path = prefix ? `${prefix}/${d.name}` : d.name;
      if (d.isDirectory()) return listFiles(join(dir, d.name), path);
      const st = statSync(join(dir, d.name));
      return [{ path, size: st.size, mtimeMs: st.mtimeMs }];
    });
}

function signatureOf(dir: string): string {
  return listFiles(dir)
    .map((f) => `${f.path}\u0000${f.size}\u0000${f.mtimeMs}`)
    .join('\n');
}
