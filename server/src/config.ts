import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Config {
  port: number;
  /** Loopback by default: nothing is exposed to the network unless asked for with HOST. */
  host: string;
  dbPath: string;
  /** `postgres://…`: use PostgreSQL instead of the SQLite file (several instances, one database). */
  databaseUrl: string | null;
  /** Key of the HMAC that pseudonymises the codice fiscale. Losing it breaks matching of re-imports. */
  pseudonymKey: string;
  /** Load the demo region into an empty database at start. */
  demo: boolean;
  /** Built web app served by express, when present. */
  webDist: string;
  /** Uploaded files between preview and commit (never in memory). */
  uploadDir: string;
  /** Aggregate cells counting fewer students than this are suppressed (DESIGN.md: 10). */
  minCell: number;
  /** The largest noise added to a published aggregate count (docs/privacy.md "Aggregati"). */
  aggregateNoise: number;
  version: string;
}

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Config from the environment, with the defaults that `pnpm start` documents. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dbPath = env.PRIMM_DB === ':memory:' ? ':memory:' : resolve(env.PRIMM_DB ?? resolve(repoRoot, 'data/primm.sqlite'));
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
    demo: (env.PRIMM_DEMO ?? '1') !== '0',
    minCell: readMinCell(env.PRIMM_MIN_CELL),
    aggregateNoise: readAggregateNoise(env.PRIMM_AGGREGATE_NOISE),
    webDist: resolve(repoRoot, 'web/dist'),
    uploadDir: resolve(env.PRIMM_UPLOAD_DIR ?? (dbPath === ':memory:' ? join(tmpdir(), 'primm-uploads') : join(dirname(dbPath), 'uploads'))),
    version: env.npm_package_version ?? '0.1.0',
  };
}

/**
 * Without PRIMM_PSEUDONYM_KEY the key lives in a file beside the database (mode 0600), made once,
 * so that re-imports keep matching students across restarts. Production sets the variable.
 */
export function readOrCreateKeyFile(path: string): string {
  if (path.startsWith(':memory:')) return randomBytes(32).toString('hex');
  if (existsSync(path)) return readFileSync(path, 'utf8').trim();
  mkdirSync(dirname(path), { recursive: true });
  const key = randomBytes(32).toString('hex');
  writeFileSync(path, `${key}\n`, { mode: 0o600, flag: 'wx' });
  return key;
}

function readAggregateNoise(text: string | undefined): number {
  const value = Number(text ?? 2);
  // Without noise, two overlapping requests give a small group back by subtraction (issue 17).
  if (!Number.isInteger(value) || value < 1 || value > 5) throw new Error(`PRIMM_AGGREGATE_NOISE non valida: ${text} (intero da 1 a 5)`);
  return value;
}

function readMinCell(text: string | undefined): number {
  const value = Number(text ?? 10);
  // Below 5 a published count identifies people too easily, whatever the local policy says.
  if (!Number.isInteger(value) || value < 5) throw new Error(`PRIMM_MIN_CELL non valida: ${text} (intero, almeno 5)`);
  return value;
}
