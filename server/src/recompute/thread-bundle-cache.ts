import { hash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { repoRoot } from '../config';

/**
 * Thread scripts kept between processes (thread-script.ts). Bundling the recompute thread's code
 * takes 0.3–0.4 s of wall time (esbuild reads and joins 413 modules) at every start of the server
 * or the CLI, while the threads wait for it; checking a kept script costs ≈ 20 ms (the sha256 of
 * each module it was made from, read again).
 *
 * A kept script runs as code, so it is used only when: every module it was made from is byte for
 * byte what esbuild read (hashed as esbuild read it, not after: a file saved during the bundling
 * does not leave a stale script behind), the same bundler made it (`key`: esbuild's version, the
 * addons' paths, the bundling code itself), and its file belongs to this user and nobody else can
 * write it. Anything else (missing, unreadable, another format) means bundling again.
 */

/** `PRIMM_CACHE_DIR`, else `node_modules/.cache/primm` in the repository (docs/deployment.md). */
export const threadCacheDir = (): string => process.env.PRIMM_CACHE_DIR || join(repoRoot, 'node_modules/.cache/primm');

/** A kept script's entry: the text and what it was made from (absolute path → sha256 of its bytes). */
interface KeptScript {
  format: typeof FORMAT;
  inputs: [path: string, sha256: string][];
  script: string;
}

const FORMAT = 1;

/** The file of the script for `entry` made by the bundler that `key` describes. */
export function keptScriptFile(dir: string, entry: string, key: string): string {
  return join(dir, `thread-${hash('sha256', JSON.stringify([FORMAT, entry, key])).slice(0, 32)}.json`);
}

/** The kept script, if every condition above holds; null otherwise. */
export function readKeptScript(file: string): string | null {
  try {
    const { mode, uid } = statSync(file);
    if ((mode & 0o022) !== 0 || uid !== process.getuid?.()) return null;
    const kept = JSON.parse(readFileSync(file, 'utf8')) as KeptScript;
    if (kept.format !== FORMAT || typeof kept.script !== 'string' || !Array.isArray(kept.inputs)) return null;
    for (const [path, digest] of kept.inputs) if (hash('sha256', readFileSync(path)) !== digest) return null;
    return kept.script;
  } catch {
    return null;
  }
}

/**
 * Keeps `script`, made from `inputs`, for the next process: written aside and renamed, so that a
 * process starting meanwhile reads the old file or the new one, never half of one. Returns the
 * reason when it could not (a read-only folder): the caller says so once and goes on.
 */
export function keepScript(file: string, script: string, inputs: Map<string, string>): string | null {
  const temporary = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    const kept: KeptScript = { format: FORMAT, inputs: [...inputs], script };
    writeFileSync(temporary, JSON.stringify(kept), { mode: 0o600 });
    renameSync(temporary, file);
    return null;
  } catch (err) {
    try {
      unlinkSync(temporary);
    } catch {
      // never written
    }
    return err instanceof Error ? err.message : String(err);
  }
}
