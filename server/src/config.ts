import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export type TrustProxy = false | number | string;

export interface Config {
  port: number;
  /** Loopback by default: nothing is exposed to the network unless asked for with HOST. */
  host: string;
  dbPath: string;
  /** `postgres://…`: use PostgreSQL instead of the SQLite file (several instances, one database). */
  databaseUrl: string | null;
  /** Key of the HMAC that pseudonymises the codice fiscale. Losing it breaks matching of re-imports. */
  pseudonymKey: string;
  /**
   * Load the demo region and its accounts (published password) into an empty database at start.
   * Only when asked for (`PRIMM_DEMO=1`, `pnpm primm serve --demo`): a production database
   * started without settings must never get `admin@demo.primm.it` (issue 17, finding 12).
   */
  demo: boolean;
  /**
   * Express's `trust proxy`: which peers may set `X-Forwarded-For` / `-Proto` (the client address
   * that login throttling and the audit log use, and HTTPS for the cookie). `false` unless
   * `PRIMM_TRUST_PROXY` names the proxy: `loopback`, addresses or subnets, or a hop count.
   */
  trustProxy: TrustProxy;
  /** Built web app served by express, when present. */
  webDist: string;
  /** Uploaded files between preview and commit (never in memory). */
  uploadDir: string;
  /** Aggregate cells counting fewer students than this are suppressed (DESIGN.md: 10). */
  minCell: number;
  /** The largest noise added to a published aggregate count (docs/privacy.md "Aggregati"). */
  aggregateNoise: number;
  /**
   * The watched inbox (`PRIMM_INBOX`, imports/inbox.ts): where schools drop their folders by
   * SFTP; null when not set. A folder without a marker file is complete once unchanged for
   * `quietMs` (`PRIMM_INBOX_QUIET_S`, default 60); the inbox is looked at every `everyMs`
   * (`PRIMM_INBOX_POLL_S`, default 10).
   */
  inbox: { root: string; quietMs: number; everyMs: number } | null;
  /**
   * Working days a municipality has to acknowledge a report or list in its inbox before the school
   * sees it overdue (`PRIMM_COMUNE_ACK_DAYS`, default 15; docs/compulsory-education.md).
   */
  municipalityAckWorkingDays: number;
  /** Working days a PUA has for a first answer to a referral before it shows overdue (issue 21: 10). */
  puaAnswerDays: number;
  /**
   * Precompute the regional tables in the background after every change (default; off with
   * `PRIMM_AGGREGATE_PRECOMPUTE=0`, for the browser journeys: aggregate-service.ts).
   */
  aggregatePrecompute: boolean;
  version: string;
}

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Config from the environment, with the defaults that `pnpm start` documents. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dbPath =
    env.PRIMM_DB === ':memory:' ? ':memory:' : resolve(env.PRIMM_DB ?? resolve(repoRoot, 'data/primm.sqlite'));
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT non valida: ${env.PORT}`);
  }
  return {
    port,
    host: env.HOST ?? '127.0.0.1',
    dbPath,
    databaseUrl: env.DATABASE_URL?.trim() || null,
    pseudonymKey: env.PRIMM_PSEUDONYM_KEY ?? readOrCreateKeyFile(`${dbPath}.key`),
    demo: readSwitch('PRIMM_DEMO', env.PRIMM_DEMO),
    trustProxy: readTrustProxy(env.PRIMM_TRUST_PROXY),
    minCell: readMinCell(env.PRIMM_MIN_CELL),
    aggregateNoise: readAggregateNoise(env.PRIMM_AGGREGATE_NOISE),
    inbox: readInbox(env),
    municipalityAckWorkingDays: readWorkingDays(
      'PRIMM_COMUNE_ACK_DAYS',
      env.PRIMM_COMUNE_ACK_DAYS,
      DEFAULT_ACK_WORKING_DAYS,
    ),
    puaAnswerDays: readWorkingDays('PRIMM_PUA_ANSWER_DAYS', env.PRIMM_PUA_ANSWER_DAYS, 10),
    aggregatePrecompute: env.PRIMM_AGGREGATE_PRECOMPUTE?.trim()
      ? readSwitch('PRIMM_AGGREGATE_PRECOMPUTE', env.PRIMM_AGGREGATE_PRECOMPUTE)
      : true,
    webDist: resolve(repoRoot, 'web/dist'),
    uploadDir: resolve(
      env.PRIMM_UPLOAD_DIR ??
        (dbPath === ':memory:' ? join(tmpdir(), 'primm-uploads') : join(dirname(dbPath), 'uploads')),
    ),
    version: env.npm_package_version ?? '0.2.0',
  };
}

/**
 * Without PRIMM_PSEUDONYM_KEY the key lives in a file beside the database (mode 0600), made once,
 * so that re-imports keep matching students across restarts. Production sets the variable.
 */
export function readOrCreateKeyFile(path: string): string {
  if (path.startsWith(':memory:')) return randomBytes(32).toString('hex');
  if (existsSync(path)) return readFileSync(path, 'utf8').trim();
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 }); // the database goes here too: owner only
  const key = randomBytes(32).toString('hex');
  writeFileSync(path, `${key}\n`, { mode: 0o600, flag: 'wx' });
  return key;
}

function readAggregateNoise(text: string | undefined): number {
  const value = Number(text ?? 2);
  // Without noise, two overlapping requests give a small group back by subtraction (issue 17).
  if (!Number.isInteger(value) || value < 1 || value > 5)
    throw new Error(`PRIMM_AGGREGATE_NOISE non valida: ${text} (intero da 1 a 5)`);
  return value;
}

function readInbox(env: NodeJS.ProcessEnv): Config['inbox'] {
  const root = env.PRIMM_INBOX?.trim();
  if (!root) return null;
  return {
    root: resolve(root),
    quietMs: readSeconds('PRIMM_INBOX_QUIET_S', env.PRIMM_INBOX_QUIET_S, 60) * 1000,
    everyMs: readSeconds('PRIMM_INBOX_POLL_S', env.PRIMM_INBOX_POLL_S, 10) * 1000,
  };
}

function readSeconds(name: string, text: string | undefined, fallback: number): number {
  const value = Number(text?.trim() || fallback);
  if (!Number.isInteger(value) || value < 1 || value > 86_400)
    throw new Error(`${name} non valida: ${text} (secondi, intero da 1 a 86400)`);
  return value;
}

/** The law sets no term for the municipality: the default is ours, a deployment may change it. */
export const DEFAULT_ACK_WORKING_DAYS = 15;

/** A term in working days (shared/src/working-days.ts) another agency has to answer. */
function readWorkingDays(name: string, text: string | undefined, fallback: number): number {
  const value = Number(text?.trim() || fallback);
  if (!Number.isInteger(value) || value < 1 || value > 60)
    throw new Error(`${name} non valida: ${text} (giorni lavorativi, intero da 1 a 60)`);
  return value;
}

function readMinCell(text: string | undefined): number {
  const value = Number(text ?? 10);
  // Below 5 a published count identifies people too easily, whatever the local policy says.
  if (!Number.isInteger(value) || value < 5) throw new Error(`PRIMM_MIN_CELL non valida: ${text} (intero, almeno 5)`);
  return value;
}

function readSwitch(name: string, text: string | undefined): boolean {
  const value = text?.trim().toLowerCase() ?? '';
  if (['', '0', 'false', 'no'].includes(value)) return false;
  if (['1', 'true', 'yes'].includes(value)) return true;
  throw new Error(`${name} non valida: ${text} (1 per attivare, 0 per disattivare)`);
}

function readTrustProxy(text: string | undefined): TrustProxy {
  const value = text?.trim() ?? '';
  if (value === '' || value === '0' || value.toLowerCase() === 'false') return false;
  if (/^\d+$/.test(value)) return Number(value);
  // `true` would take X-Forwarded-For from anyone, i.e. let every client choose its address.
  if (value.toLowerCase() === 'true') {
    throw new Error(
      'PRIMM_TRUST_PROXY=true farebbe scegliere a chiunque il proprio indirizzo: indicate il proxy (loopback, un indirizzo o una sottorete)',
    );
  }
  return value;
}
