import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, extname, join, normalize, sep } from 'node:path';
import type { Readable } from 'node:stream';
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
  userId: number;
  createdAt: string;
}

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

export function newUpload(root: string, userId: number): { meta: UploadMeta; dir: string } {
  const meta = { id: randomBytes(16).toString('hex'), userId, createdAt: new Date().toISOString() };
  const dir = join(root, meta.id);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  writeFileSync(join(dir, META), JSON.stringify(meta), { mode: 0o600 });
  return { meta, dir };
}

/** The folder of an upload of this user, or a 404 (someone else's upload does not exist for you). */
export function findUpload(root: string, id: string, userId: number, now = Date.now()): string {
  const dir = join(root, id);
  const notFound = new HttpError(404, 'not_found', 'Caricamento non trovato o scaduto: caricate di nuovo i file');
  if (!UPLOAD_ID.test(id) || !existsSync(join(dir, META))) throw notFound;
  const meta = JSON.parse(readFileSync(join(dir, META), 'utf8')) as UploadMeta;
  if (meta.userId !== userId) throw notFound;
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
 * Sweeps now (a restart must not keep yesterday's uploads) and every `everyMs`, without keeping
 * the process alive. main.ts owns it; errors are reported, never thrown.
 */
export function startUploadSweeper(
  root: string,
  options: { everyMs?: number; now?: () => number; onSweep?: (removed: string[]) => void; onError?: (err: unknown) => void } = {},
): { stop(): void } {
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
  if (!target.startsWith(dir + sep)) throw new HttpError(400, 'validation_failed', `Nome di file non accettato: ${name}`);
  return target;
}

/** Writes one uploaded stream; a file over the size limit is refused (413) and removed. */
export async function saveStream(stream: Readable & { truncated?: boolean }, target: string): Promise<void> {
  mkdirSync(dirname(target), { recursive: true });
  await pipeline(stream, createWriteStream(target, { mode: 0o600 }));
  if (stream.truncated) {
    rmSync(target, { force: true });
    throw new HttpError(413, 'payload_too_large', `File troppo grande (massimo ${UPLOAD_LIMITS.maxFileBytes / 1024 / 1024} MB)`);
  }
}

/** Unpacks a zip of school folders next to it, with the same path rules and a size cap per entry. */
export async function extractZip(zipPath: string, dir: string): Promise<void> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.openPromise(zipPath, { strictFileNames: false });
  } catch (err) {
    throw new HttpError(400, 'validation_failed', `Lo ZIP non è leggibile: ${(err as Error).message}`);
  }
  try {
    let files = 0;
    for await (const entry of zip.eachEntry()) {
      if (entry.fileName.endsWith('/')) continue;
      if (/(^|\/)(__MACOSX|\.DS_Store)/.test(entry.fileName)) continue;
      if (++files > UPLOAD_LIMITS.maxFiles) throw new HttpError(400, 'validation_failed', `Troppi file nello ZIP (massimo ${UPLOAD_LIMITS.maxFiles})`);
      if (entry.uncompressedSize > UPLOAD_LIMITS.maxFileBytes) throw new HttpError(413, 'payload_too_large', `File troppo grande nello ZIP: ${entry.fileName}`);
      const target = safeTarget(dir, entry.fileName);
      if (extname(target).toLowerCase() === '.zip') continue; // no zips inside zips
      mkdirSync(dirname(target), { recursive: true });
      await pipeline(await zip.openReadStreamPromise(entry), createWriteStream(target, { mode: 0o600 }));
    }
  } catch (err) {
    if (err instanceof HttpError) throw err;
    throw new HttpError(400, 'validation_failed', `Lo ZIP non è leggibile: ${(err as Error).message}`);
  } finally {
    zip.close();
  }
  rmSync(zipPath, { force: true });
}
