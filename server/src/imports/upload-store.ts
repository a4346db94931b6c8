import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  createWriteStream,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, extname, join, normalize, sep } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yauzl from 'yauzl';
import { UPLOAD_LIMITS } from '@primm/shared/contracts/imports';
import { HttpError } from '../http/http-error';
import { STALE_MS } from './commit-claim';

/**
 * Uploaded files wait on disk between preview and commit, one folder per upload, so that nothing
 * of a student's data sits in memory and a second instance behind the same disk could commit it.
 */
export interface UploadMeta {
  id: string;
  /** Who sent it and alone may commit it: a user, or a service token (issue 24). */
  userId?: number;
  tokenId?: number;
  createdAt: string;
}

export type UploadOwner = { userId: number } | { tokenId: number };

const ownedBy = (meta: UploadMeta, owner: UploadOwner): boolean =>
  'userId' in owner
    ? meta.userId === owner.userId && meta.tokenId === undefined
    : meta.tokenId === owner.tokenId && meta.userId === undefined;

/** UPLOAD_LIMITS, widened so that a test can ask for smaller ones. */
export type UploadLimits = {
  [K in 'maxFileBytes' | 'maxFiles' | 'maxUploadBytes' | 'maxZipRatio' | 'zipRatioFromBytes']: number;
};

const META = '.upload.json';
/** Written once the preview answered (commit-claim.ts): an upload without it is still arriving, or was cut short. */
const PROGRESS = '.progress.json';
/** A commit's claim (commit-claim.ts), its mtime touched while the commit runs. */
const CLAIM = '.commit';
const UPLOAD_ID = /^[0-9a-f]{32}$/;

/**
 * Uploads hold codici fiscali in clear: none is kept beyond a day, committed or not. Looking one
 * up refuses it past this age; `sweepUploads` removes it from disk.
 */
export const UPLOAD_TTL_MS = 24 * 60 * 60 * 1000;
/** How often the server sweeps (main.ts). Uploads that expire before the next sweep go at this one. */
export const SWEEP_EVERY_MS = 15 * 60 * 1000;
/**
 * An upload whose preview never answered after this long was cut short (the server stopped or
 * crashed mid-upload): a preview takes minutes at most. Younger ones may be arriving at another
 * instance behind the same folder, so the start of a server does not remove them.
 */
export const ABANDONED_AFTER_MS = 60 * 60 * 1000;

export function newUpload(root: string, owner: UploadOwner): { meta: UploadMeta; dir: string } {
  const meta: UploadMeta = { id: randomBytes(16).toString('hex'), ...owner, createdAt: new Date().toISOString() };
  const dir = join(root, meta.id);
  prepareUploadRoot(root);
  mkdirSync(dir, { mode: 0o700 });
  writeFileSync(join(dir, META), JSON.stringify(meta), { mode: 0o600 });
  return { meta, dir };
}

/**
 * The uploads folder, only the server's user may list or enter it (0700), as the database's
 * folder (open-database.ts): uploads hold codici fiscali in clear. One made looser before (an
 * older version, by hand, a shared temporary folder) is tightened.
 */
export function prepareUploadRoot(root: string): void {
  mkdirSync(root, { recursive: true, mode: 0o700 });
  const mode = statSync(root).mode & 0o777;
  if (mode & 0o077) chmodSync(root, mode & 0o700);
}

/** The folder of an upload of this owner, or a 404 (someone else's upload does not exist for you). */
export function findUpload(root: string, id: string, owner: UploadOwner, now = Date.now()): string {
  const dir = join(root, id);
  const notFound = new HttpError(404, 'not_found', 'Caricamento non trovato o scaduto: caricate di nuovo i file');
  if (!UPLOAD_ID.test(id) || !existsSync(join(dir, META))) throw notFound;
  const meta = JSON.parse(readFileSync(join(dir, META), 'utf8')) as UploadMeta;
  if (!ownedBy(meta, owner)) throw notFound;
  if (now - Date.parse(meta.createdAt) > UPLOAD_TTL_MS) {
    removeUpload(root, id);
    throw notFound;
  }
  return dir;
}

export function removeUpload(root: string, id: string): void {
  if (UPLOAD_ID.test(id)) rmSync(join(root, id), { recursive: true, force: true });
}

/**
 * Removes the uploads that expire before the next sweep and those cut short (no preview answered
 * within ABANDONED_AFTER_MS); returns their ids. Only folders named as uploads are touched, and
 * not one whose commit is running (a live claim), however old.
 */
export function sweepUploads(root: string, now = Date.now()): string[] {
  if (!existsSync(root)) return [];
  const removed: string[] = [];
  for (const id of readdirSync(root)) {
    const dir = join(root, id);
    try {
      if (!UPLOAD_ID.test(id) || !statSync(dir).isDirectory()) continue;
      const age = now - createdAt(dir);
      const expired = age > UPLOAD_TTL_MS - SWEEP_EVERY_MS;
      const abandoned = age > ABANDONED_AFTER_MS && !existsSync(join(dir, PROGRESS));
      if (!expired && !abandoned) continue;
      if (existsSync(join(dir, CLAIM)) && now - statSync(join(dir, CLAIM)).mtimeMs < STALE_MS) continue;
      rmSync(dir, { recursive: true, force: true });
      removed.push(id);
    } catch {
      // Gone meanwhile (committed, or swept by another instance): nothing to do.
    }
  }
  return removed;
}

/** When the upload was made; the folder's own time when its metadata is missing (a crash right after mkdir). */
function createdAt(dir: string): number {
  try {
    const at = Date.parse((JSON.parse(readFileSync(join(dir, META), 'utf8')) as UploadMeta).createdAt);
    if (Number.isFinite(at)) return at;
  } catch {
    // unreadable: fall back to the folder's time
  }
  return statSync(dir).mtimeMs;
}

/**
 * Makes the uploads folder owner-only, sweeps now (a restart must not keep yesterday's uploads)
 * and every `everyMs`, without keeping the process alive. main.ts owns it; errors are reported,
 * never thrown.
 */
export function startUploadSweeper(
  root: string,
  options: {
    everyMs?: number;
    now?: () => number;
    onSweep?: (removed: string[]) => void;
    onError?: (err: unknown) => void;
  } = {},
): { stop(): void } {
  try {
    prepareUploadRoot(root);
  } catch (err) {
    options.onError?.(err);
  }
  const sweep = () => {
    try {
      const removed = sweepUploads(root, (options.now ?? Date.now)());
      if (removed.length > 0) options.onSweep?.(removed);
    } catch (err) {
      options.onError?.(err);
    }
  };
  sweep();
  const timer = setInterval(sweep, options.everyMs ?? SWEEP_EVERY_MS);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}

/**
 * A path inside the upload from a browser-given name (`regione/ANPS03000E/voti.csv`): no absolute
 * paths, no `..`, only the allowed extensions. Refused names are a 400, never a write elsewhere.
 */
export function safeTarget(dir: string, name: string): string {
  const slashed = name.replace(/\\/g, '/');
  const clean = normalize(slashed);
  if (slashed.split('/').includes('..') || clean.startsWith('/') || /^[a-zA-Z]:/.test(clean)) {
    throw new HttpError(400, 'validation_failed', `Nome di file non accettato: ${name}`);
  }
  const ext = extname(clean).toLowerCase();
  if (!(UPLOAD_LIMITS.extensions as readonly string[]).includes(ext)) {
    throw new HttpError(400, 'validation_failed', `Tipo di file non accettato: ${name} (solo CSV o ZIP)`);
  }
  const target = join(dir, clean);
  if (!target.startsWith(dir + sep))
    throw new HttpError(400, 'validation_failed', `Nome di file non accettato: ${name}`);
  return target;
}

const MB = 1024 * 1024;

/**
 * What one upload writes to disk, counted as it is written, across all its files and zips: a
 * zip's headers may lie about sizes, the bytes that arrive cannot. `stop` ends every write of
 * the upload at its next chunk, so nothing is written after the upload was refused.
 */
export class UploadBudget {
  private bytes = 0;
  private files = 0;
  private stopped: unknown;

  constructor(readonly limits: UploadLimits = UPLOAD_LIMITS) {}

  stop(reason: unknown): void {
    this.stopped ??= reason;
  }

  /** One more file kept (a CSV, a zip entry); zips themselves are removed once unpacked. */
  countFile(): void {
    this.assertGoing();
    if (++this.files > this.limits.maxFiles)
      throw new HttpError(
        400,
        'validation_failed',
        `Troppi file (massimo ${this.limits.maxFiles}, contando quelli negli ZIP)`,
      );
  }

  /** Bytes no longer on disk (an unpacked zip, removed). */
  release(bytes: number): void {
    this.bytes -= bytes;
  }

  get remaining(): number {
    return this.limits.maxUploadBytes - this.bytes;
  }

  assertGoing(): void {
    if (this.stopped !== undefined) throw this.stopped;
  }

  tooLarge(): HttpError {
    return new HttpError(
      413,
      'payload_too_large',
      `Caricamento troppo grande: oltre ${this.limits.maxUploadBytes / MB} MB in tutto, contando i file estratti dagli ZIP. Caricate le scuole in più volte`,
    );
  }

  /**
   * Writes `source` to `target` through the count: past `maxBytes` for this file (`tooBig`) or the
   * upload's total, the write fails and what it wrote is removed. Returns the bytes written.
   */
  async write(source: Readable, target: string, maxBytes: number, tooBig: () => HttpError): Promise<number> {
    let written = 0;
    const meter = new Transform({
      transform: (chunk: Buffer, _encoding, done) => {
        if (this.stopped !== undefined) return done(this.stopped as Error);
        written += chunk.length;
        this.bytes += chunk.length;
        if (written > maxBytes) return done(tooBig());
        if (this.bytes > this.limits.maxUploadBytes) return done(this.tooLarge());
        done(null, chunk);
      },
    });
    mkdirSync(dirname(target), { recursive: true });
    try {
      await pipeline(source, meter, createWriteStream(target, { mode: 0o600 }));
    } catch (err) {
      rmSync(target, { force: true });
      throw err;
    }
    return written;
  }
}

/** Writes one uploaded stream; a file over the size limit is refused (413) and removed. Returns its bytes. */
export async function saveStream(
  stream: Readable & { truncated?: boolean },
  target: string,
  budget: UploadBudget,
): Promise<number> {
  const { maxFileBytes } = budget.limits;
  const tooBig = () => new HttpError(413, 'payload_too_large', `File troppo grande (massimo ${maxFileBytes / MB} MB)`);
  const bytes = await budget.write(stream, target, maxFileBytes, tooBig);
  if (stream.truncated) {
    // busboy stopped it at maxFileBytes
    rmSync(target, { force: true });
    throw tooBig();
  }
  return bytes;
}

/**
 * Unpacks a zip of school folders into `dir`, with the same path rules, then removes it (unless
 * `keepZip`: a zip given on the command line is the operator's). Every entry is held to the size
 * and the compression ratio its header claims AND to the bytes that actually come out, and all of
 * them to the budget: a zip bomb stops at the limit.
 */
export async function extractZip(
  zipPath: string,
  dir: string,
  budget: UploadBudget,
  options: { keepZip?: boolean } = {},
): Promise<void> {
  const { maxFileBytes, maxZipRatio, zipRatioFromBytes } = budget.limits;
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.openPromise(zipPath, { strictFileNames: false });
  } catch (err) {
    throw new HttpError(400, 'validation_failed', `Lo ZIP non è leggibile: ${(err as Error).message}`);
  }
  try {
    for await (const entry of zip.eachEntry()) {
      budget.assertGoing();
      if (entry.fileName.endsWith('/')) continue;
      if (/(^|\/)(__MACOSX|\.DS_Store)/.test(entry.fileName)) continue;
      const target = safeTarget(dir, entry.fileName);
      if (extname(target).toLowerCase() === '.zip') continue; // no zips inside zips
      budget.countFile();
      const byRatio = Math.max(zipRatioFromBytes, entry.compressedSize * maxZipRatio);
      const tooBig = () =>
        byRatio < maxFileBytes
          ? new HttpError(
              413,
              'payload_too_large',
              `File dello ZIP che si espande troppo: ${entry.fileName} (oltre ${maxZipRatio} volte la sua dimensione compressa; non sembra un export del registro)`,
            )
          : new HttpError(
              413,
              'payload_too_large',
              `File troppo grande nello ZIP: ${entry.fileName} (massimo ${maxFileBytes / MB} MB)`,
            );
      const allowed = Math.min(maxFileBytes, byRatio);
      // The header's claim refuses early; the count below holds even when it lies.
      if (entry.uncompressedSize > allowed) throw tooBig();
      if (entry.uncompressedSize > budget.remaining) throw budget.tooLarge();
      await budget.write(await zip.openReadStreamPromise(entry), target, allowed, tooBig);
    }
  } catch (err) {
    if (err instanceof HttpError) throw err;
    throw new HttpError(400, 'validation_failed', `Lo ZIP non è leggibile: ${(err as Error).message}`);
  } finally {
    zip.close();
  }
  if (!options.keepZip) rmSync(zipPath, { force: true });
}
