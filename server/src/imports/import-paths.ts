import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Db } from '../db/open-database';
import { ensureReferenceData } from '../reference/load-reference';
import { recomputeSchool } from '../risk/recompute';
import { createContext, type ImportContext, type ImportIssue } from './import-context';
import { loadAttendance } from './load-attendance';
import { loadClasses } from './load-classes';
import { loadGrades } from './load-grades';
import { loadOutcomes } from './load-outcomes';
import { loadCalendar, loadSchool } from './load-school';
import { loadStudents } from './load-students';

export interface ImportOptions {
  pseudonymKey: string;
  source: 'cli' | 'web' | 'demo';
  userId?: number | null;
  /** Compute everything, write nothing: the preview. */
  dryRun?: boolean;
  onProgress?: (progress: { school: string; done: number; total: number }) => void;
}

export interface ImportSummary {
  batchId: number | null;
  schools: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  errors: ImportIssue[];
}

const SCHOOL_FILES = ['scuola.csv', 'calendario.csv', 'classi.csv', 'studenti.csv', 'assenze.csv', 'voti.csv', 'esiti.csv'];

class DryRunRollback extends Error {}

/**
 * Imports school folders in the format of docs/data-format.md in ONE transaction: a failure or a
 * kill at any moment leaves the database as it was. Each path is a school folder (with
 * scuola.csv) or a folder of school folders. Re-importing the same files changes nothing.
 */
export async function importPaths(db: Db, paths: string[], options: ImportOptions): Promise<ImportSummary> {
  const folders = findSchoolFolders(paths);
  await ensureReferenceData(db);
  const startedAt = new Date().toISOString();
  let files: { name: string; sha256: string; bytes: number }[] = [];
  let ctx: ImportContext | undefined;

  try {
    files = await describeFiles(folders);
    await db.transaction().execute(async (trx) => {
      const batch = options.dryRun ? undefined : await trx
        .insertInto('import_batch')
        .values({ started_at: startedAt, source: options.source, user_id: options.userId ?? null, status: 'running', files: JSON.stringify(files) })
        .returning('id')
        .executeTakeFirstOrThrow();
      ctx = createContext(trx, options.pseudonymKey, batch?.id ?? null, startedAt);
      const schoolIds = new Set<number>();
      for (const [i, dir] of folders.entries()) {
        const schoolId = await importSchoolFolder(ctx, dir);
        if (schoolId !== undefined) schoolIds.add(schoolId);
        options.onProgress?.({ school: basename(dir), done: i + 1, total: folders.length });
      }
      if (options.dryRun) throw new DryRunRollback();
      // Risk results in the SAME transaction as the data they come from: a list never shows tiers
      // of data older (or newer) than what is committed, and a recompute failure rolls the import
      // back and is recorded as a failed batch like any other error, instead of leaving stale
      // tiers silently. Unchanged students cost a hash, not a write (input_hash).
      for (const schoolId of schoolIds) await recomputeSchool(trx, schoolId);
      await trx
        .updateTable('import_batch')
        .set({ status: 'committed', finished_at: new Date().toISOString(), ...ctx.counts, errors: JSON.stringify(ctx.issues) })
        .where('id', '=', batch!.id)
        .execute();
    });
  } catch (err) {
    if (!(err instanceof DryRunRollback)) {
      // The transaction rolled back; the attempt itself is still worth a line in the history.
      await db.insertInto('import_batch').values({
        started_at: startedAt, finished_at: new Date().toISOString(), source: options.source,
        user_id: options.userId ?? null, status: 'failed', files: JSON.stringify(files),
        errors: JSON.stringify([{ file: '', line: 0, column: '', message: String((err as Error).message) }]),
      }).execute();
      throw err;
    }
  }
  const done = ctx!;
  return { batchId: done.batchId, schools: folders.length, ...done.counts, errors: done.issues };
}

async function importSchoolFolder(ctx: ImportContext, dir: string): Promise<number | undefined> {
  const state = await loadSchool(ctx, dir);
  if (!state) return undefined; // the school itself is unreadable: its other files cannot be placed
  await loadCalendar(ctx, dir, state);
  await loadClasses(ctx, dir, state);
  await loadStudents(ctx, dir, state);
  await loadAttendance(ctx, dir, state);
  await loadGrades(ctx, dir, state);
  await loadOutcomes(ctx, dir, state);
  return state.schoolId;
}

/** School folders under the given paths, in a stable order. */
export function findSchoolFolders(paths: string[]): string[] {
  const folders: string[] = [];
  for (const path of paths) {
    if (!existsSync(path)) throw new ImportInputError(`Percorso inesistente: ${path}`);
    if (!statSync(path).isDirectory()) throw new ImportInputError(`Atteso una cartella di scuola o di scuole: ${path}`);
    if (existsSync(join(path, 'scuola.csv'))) {
      folders.push(path);
      continue;
    }
    const children = readdirSync(path, { withFileTypes: true })
      .filter((d) => d.isDirectory() && existsSync(join(path, d.name, 'scuola.csv')))
      .map((d) => join(path, d.name))
      .sort();
    if (children.length === 0) throw new ImportInputError(`Nessuna cartella di scuola (con scuola.csv) in ${path}`);
    folders.push(...children);
  }
  return folders;
}

/** A problem with what was asked to import (not with a row): one clear message. */
export class ImportInputError extends Error {}

async function describeFiles(folders: string[]): Promise<{ name: string; sha256: string; bytes: number }[]> {
  const out = [];
  for (const dir of folders) {
    for (const name of SCHOOL_FILES) {
      const path = join(dir, name);
      if (!existsSync(path) || !statSync(path).isFile()) continue;
      out.push({ name: `${basename(dir)}/${name}`, sha256: await sha256File(path), bytes: statSync(path).size });
    }
  }
  return out;
}

function sha256File(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(path).on('data', (d) => hash.update(d)).on('error', reject).on('end', () => resolve(hash.digest('hex')));
  });
}
