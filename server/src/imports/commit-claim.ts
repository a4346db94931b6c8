import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { ImportProgress } from '@primm/shared/contracts/imports';
import { HttpError } from '../http/http-error';

/**
 * What a commit shares with the other instances behind the same `PRIMM_UPLOAD_DIR`, in the
 * upload's own folder, so that no instance keeps it in memory (issue "Region scale": several
 * instances behind a load balancer):
 * - the claim (`.commit/`): one commit per upload. A double click, a retry while the first runs,
 *   or the same click reaching two instances would import it twice or read files the first
 *   removes. `mkdir` is atomic on every file system, shared ones included.
 * - the progress (`.progress.json`): the poll may reach any instance.
 *
 * A claim whose commit died (a crash, a kill) must not lock its upload forever. It is stale when
 * its heartbeat (the folder's mtime, touched every `HEARTBEAT_MS`) is older than `STALE_MS`, or
 * at once when it was made on this host by a process that is gone, or by an earlier run of this
 * very process id (a container restarts with the same pid).
 */
const CLAIM = '.commit';
const OWNER = 'owner.json';
const PROGRESS = '.progress.json';
export const HEARTBEAT_MS = 10_000;
export const STALE_MS = 60_000;

/** Random per process run: tells this run's claims from an earlier run's with the same pid. */
const RUN_ID = randomBytes(8).toString('hex');

interface Owner {
  host: string;
  pid: number;
  run: string;
}

export interface CommitClaim {
  /** Gives the upload back (a failed commit), keeping its files for a new attempt. */
  release(): void;
}

/** Claims the commit of the upload in `dir`; 409 when a live commit holds it. */
export function claimCommit(dir: string, now = Date.now()): CommitClaim {
  const claim = join(dir, CLAIM);
  if (!tryClaim(claim)) {
    if (!isStale(claim, now)) throw busy();
    // Only one taker can move the stale claim away (rename is atomic); the others lose here or
    // at the mkdir that follows.
    try {
      renameSync(claim, `${claim}.stale-${randomBytes(4).toString('hex')}`);
    } catch {
      throw busy();
    }
    if (!tryClaim(claim)) throw busy();
  }
  const heartbeat = setInterval(() => {
    try {
      const t = new Date();
      utimesSync(claim, t, t);
    } catch {
      // The upload was removed (committed) or released meanwhile: nothing to keep alive.
    }
  }, HEARTBEAT_MS);
  heartbeat.unref();
  return {
    release() {
      clearInterval(heartbeat);
      rmSync(claim, { recursive: true, force: true });
    },
  };
}

/** Writes the progress for whichever instance is polled: whole files only (write, then rename). */
export function writeProgress(dir: string, progress: ImportProgress): void {
  const tmp = join(dir, `${PROGRESS}.${process.pid}.${RUN_ID}`);
  try {
    writeFileSync(tmp, JSON.stringify(progress), { mode: 0o600 });
    renameSync(tmp, join(dir, PROGRESS));
  } catch {
    // Only a hint for the progress bar: a commit never fails over it (the upload may be gone).
  }
}

export function readProgress(dir: string): ImportProgress | null {
  try {
    return ImportProgress.parse(JSON.parse(readFileSync(join(dir, PROGRESS), 'utf8')));
  } catch {
    return null;
  }
}

function tryClaim(claim: string): boolean {
  try {
    mkdirSync(claim, { mode: 0o700 });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  }
  writeFileSync(
    join(claim, OWNER),
    JSON.stringify({ host: hostname(), pid: process.pid, run: RUN_ID } satisfies Owner),
    { mode: 0o600 },
  );
  return true;
}

function isStale(claim: string, now: number): boolean {
  let mtime: number;
  try {
    mtime = statSync(claim).mtimeMs;
  } catch {
    return true; // released meanwhile
  }
  if (now - mtime > STALE_MS) return true;
  let owner: Owner;
  try {
    owner = JSON.parse(readFileSync(join(claim, OWNER), 'utf8')) as Owner;
  } catch {
    return false; // just made, its owner file not yet written
  }
  if (owner.host !== hostname()) return false;
  if (owner.pid === process.pid) return owner.run !== RUN_ID;
  return !processAlive(owner.pid);
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'; // alive, someone else's
  }
}

const busy = () => new HttpError(409, 'conflict', 'Questo caricamento è già in corso di importazione');
