import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { lockForImport } from '../db/advisory-locks';
import { withDataVersionOnce } from '../db/data-version-once';
import type { Db } from '../db/open-database';
import { ensureReferenceData } from '../reference/load-reference';
import { recomputeSchool } from '../recompute/recompute';
import type { ImportFileSummary, MissingStudents } from '@primm/shared/contracts/imports';
import { fileSummaries } from './file-stats';
import {
  createContext,
  type ImportContext,
  type ImportIssue,
  type StudentMatch,
  type TransferNote,
} from './import-context';
import { csvFilesOf, resolveInputs, type ImportInputs } from './import-inputs';
import { ImportScopeError, type ImportScope } from './import-scope';
import { listBatchFiles, type BatchFile } from './batch-files';
import { CLASS_GRADES_FILE, loadClassGrades } from './load-class-grades';
import { loadAttendance } from './load-attendance';
import { loadClasses } from './load-classes';
import { loadGrades } from './load-grades';
import { loadOutcomes } from './load-outcomes';
import { loadCalendar, loadSchool } from './load-school';
import { loadRegistry } from './load-registry';
import { loadStudents } from './load-students';
import { convertOneRoster } from './oneroster';
import { explainNothingImported } from './nothing-imported';

export interface ImportOptions {
  pseudonymKey: string;
  source: 'cli' | 'web' | 'demo';
  userId?: number | null;
  /** The service token that pushes the import (issue 24), recorded in its batch. */
  serviceTokenId?: number | null;
  /** The watched inbox's folder it came from (inbox.ts), recorded in its batch. */
  inboxFolder?: string | null;
  /** Compute everything, write nothing: the preview. */
  dryRun?: boolean;
  /** Per school: its data ('import', inside the transaction), then its risk ('risk', after the commit). */
  onProgress?: (progress: { phase: 'import' | 'risk'; school: string; done: number; total: number }) => void;
  /**
   * Recompute the risk of the imported schools once the data is committed (default true). The
   * import benchmark times the data alone and the recompute apart.
   */
  recompute?: boolean;
  /** false: a single rejected row rolls the whole import back (PartialImportRefused). Default true. */
  allowPartial?: boolean;
  /**
   * The schools the import may write (import-scope.ts); a record naming another throws
   * ImportScopeError and nothing is written. Default 'all': the command line is the operator's.
   */
  scope?: ImportScope;
  /**
   * Enrol a student another school still holds (transfer-rule.ts), listed as `confirmed`; else
   * such rows are rejected and listed as `conflict`. Only with scope 'all', where it is the
   * default: the operator loading a whole region cannot order its schools so that every
   * school's exit comes before the next one's entry. The web sends the admin's explicit choice.
   */
  confirmTransfers?: boolean;
}

/** Rows were rejected and the caller wanted all or nothing: nothing was written. */
export class PartialImportRefused extends Error {
  constructor(readonly rejected: number) {
    super(`${rejected} righe scartate: importazione annullata, nulla è stato scritto`);
  }
}

export interface ImportSummary {
  batchId: number | null;
  schools: number;
  /** The schools written (in a preview: that would be; `id` null for one the preview would create). */
  schoolsImported: { id: number | null; code: string; name: string; known: boolean }[];
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  errors: ImportIssue[];
  /** Students written by name and birth date (per-class grade exports) and what they matched; at most 500. */
  matches: StudentMatch[];
  /** About a whole file, not a row: a default that was taken, data the format cannot carry. */
  warnings: ImportIssue[];
  /** Rows enrolling a student known to another school; at most 500. */
  transfers: TransferNote[];
  /** Ids of the students the import wrote, ascending (a preview: only those that existed before). */
  studentIds: number[];
  /** File by file: counts, dates covered, the reasons of the updates. */
  fileSummaries: ImportFileSummary[];
  /** Students the schools hold that their new studenti.csv leaves out. */
  missingStudents: MissingStudents[];
  /** Their ids (those named), for the audit of the preview that names them. */
  missingStudentIds: number[];
  /** Set when no row was (in a preview: would be) taken: why, rows read and skipped by reason. */
  nothingImported: string | null;
}

class DryRunRollback extends Error {}

/**
 * Imports school folders in the format of docs/data-format.md in ONE transaction: a failure or a
 * kill at any moment leaves the database as it was. Each path is a school folder (with
 * scuola.csv) or a folder of school folders. Re-importing the same files changes nothing.
 */
export async function importPaths(db: Db, paths: string[], options: ImportOptions): Promise<ImportSummary> {
  const inputs = await resolveInputs(paths);
  try {
    return await importInputs(db, inputs, options);
  } finally {
    for (const dir of inputs.temporary) rmSync(dir, { recursive: true, force: true });
  }
}

async function importInputs(db: Db, inputs: ImportInputs, options: ImportOptions): Promise<ImportSummary> {
  const folders = [...inputs.folders];
  await ensureReferenceData(db);
  const startedAt = new Date().toISOString();
  let files: BatchFile[] = [];
  let ctx: ImportContext | undefined;
  const touched = new Map<number, string>(); // school id → folder name (its code)

  try {
    files = await listBatchFiles(folders, [...inputs.registries, ...inputs.bundles.flatMap(csvFilesOf)]);
    await db.transaction().execute(async (trx) => {
      // PostgreSQL: imports one at a time across every server and CLI, as SQLite's single writer
      // does by itself; two at once deadlock or race on new school years and students. Taken
      // before the batch row, so that batch ids follow the order the imports were applied in
      // (the history, and a replay in batch order, give the same data).
      await lockForImport(trx);
      const batch = options.dryRun
        ? undefined
        : await trx
            .insertInto('import_batch')
            .values({
              started_at: startedAt,
              source: options.source,
              user_id: options.userId ?? null,
              service_token_id: options.serviceTokenId ?? null,
              inbox_folder: options.inboxFolder ?? null,
              status: 'running',
              files: JSON.stringify(files),
            })
            .returning('id')
            .executeTakeFirstOrThrow();
      ctx = createContext(trx, options.pseudonymKey, batch?.id ?? null, startedAt, {
        scope: options.scope,
        confirmTransfers: options.confirmTransfers,
        explainEvents: options.dryRun === true,
      });
      const load = ctx;
      // The aggregates' data_version moves once for the whole import, not once a row.
      await withDataVersionOnce(trx, async () => {
        for (const registry of inputs.registries)
          await loadRegistry(load, registry, basename(registry), inputs.registryKinds.get(registry));
        for (const bundle of inputs.bundles) {
          const out = mkdtempSync(join(tmpdir(), 'primm-oneroster-'));
          inputs.temporary.push(out);
          folders.unshift(...(await convertOneRoster(load, bundle, out, inputs.labels.get(bundle))));
        }
        for (const [i, dir] of folders.entries()) {
          const schoolId = await importSchoolFolder(load, dir);
          if (schoolId !== undefined) touched.set(schoolId, basename(dir));
          options.onProgress?.({ phase: 'import', school: basename(dir), done: i + 1, total: folders.length });
        }
      });
      if (options.dryRun) throw new DryRunRollback();
      if (options.allowPartial === false && ctx.counts.rejected > 0)
        throw new PartialImportRefused(ctx.counts.rejected);
      // Which schools this import wrote: their data freshness, the school of an import in the audit.
      if (touched.size > 0)
        await trx
          .insertInto('import_batch_school')
          .values([...touched.keys()].map((school_id) => ({ import_batch_id: batch!.id, school_id })))
          .execute();
      await trx
        .updateTable('import_batch')
        .set({
          status: 'committed',
          finished_at: new Date().toISOString(),
          ...ctx.counts,
          errors: JSON.stringify(ctx.issues),
        })
        .where('id', '=', batch!.id)
        .execute();
    });
  } catch (err) {
    if (!(err instanceof DryRunRollback)) {
      // The transaction rolled back; the attempt itself is still worth a line in the history,
      // except a refusal of scope: no import was made, and the caller audits the refusal.
      if (!(err instanceof ImportScopeError)) {
        await db
          .insertInto('import_batch')
          .values({
            started_at: startedAt,
            finished_at: new Date().toISOString(),
            source: options.source,
            user_id: options.userId ?? null,
            service_token_id: options.serviceTokenId ?? null,
            inbox_folder: options.inboxFolder ?? null,
            status: 'failed',
            files: JSON.stringify(files),
            errors: JSON.stringify([{ file: '', line: 0, column: '', message: String((err as Error).message) }]),
          })
          .execute();
      }
      throw err;
    }
  }
  const done = ctx!;
  if (!options.dryRun && options.recompute !== false) await recomputeImported(db, touched, done, options.onProgress);
  const schoolsImported = [...done.schools.values()].map(({ id, code, name, known }) => ({
    id: options.dryRun && !known ? null : id,
    code,
    name,
    known,
  }));
  // A preview's new students had ids that the rollback gave back: they name no one.
  const studentIds = [...done.studentsWritten]
    .filter((id) => !options.dryRun || !done.studentsCreated.has(id))
    .sort((a, b) => a - b);
  const summaries = fileSummaries(done);
  return {
    batchId: done.batchId,
    schools: folders.length,
    schoolsImported,
    ...done.counts,
    errors: done.issues,
    matches: done.matches,
    warnings: done.notes,
    transfers: done.transfers,
    studentIds,
    fileSummaries: summaries,
    missingStudents: done.missingStudents,
    missingStudentIds: done.missingStudentIds,
    nothingImported: explainNothingImported(done.counts, summaries),
  };
}

/**
 * The risk of the schools just imported, each school in its own transaction, AFTER the import
 * committed: a recompute inside the import's transaction made every import wait for it and held
 * the write lock meanwhile (most of the time of a big import). Until it ends, lists show the
 * tiers computed before this import. If it fails or the process dies first, the import stays and
 * the schools' stored stamp no longer matches their data, so the next `recomputeAll` (at server
 * start, by `pnpm primm recompute`) redoes them; the summary says so.
 */
async function recomputeImported(
  db: Db,
  schools: Map<number, string>,
  ctx: ImportContext,
  onProgress: ImportOptions['onProgress'],
): Promise<void> {
  let done = 0;
  for (const [schoolId, school] of schools) {
    onProgress?.({ phase: 'risk', school, done, total: schools.size });
    done += 1;
    try {
      await recomputeSchool(db, schoolId);
    } catch (err) {
      ctx.notes.push({
        file: '',
        line: 0,
        column: '',
        message: `dati importati, ma ricalcolo del rischio non riuscito (${(err as Error).message}): verrà ripetuto al prossimo ricalcolo`,
      });
    }
  }
}

async function importSchoolFolder(ctx: ImportContext, dir: string): Promise<number | undefined> {
  const state = await loadSchool(ctx, dir);
  if (!state) return undefined; // the school itself is unreadable: its other files cannot be placed
  // A folder of per-class grade exports (voti-1A-MATEMATICA.csv) next to scuola.csv completes a
  // school already known: the files it lacks are not missing, they were imported before.
  const classExports = readdirSync(dir).some((f) => CLASS_GRADES_FILE.test(f));
  const has = (name: string) => !classExports || existsSync(join(dir, name));
  if (has('calendario.csv')) await loadCalendar(ctx, dir, state);
  if (has('classi.csv')) await loadClasses(ctx, dir, state);
  if (has('studenti.csv')) await loadStudents(ctx, dir, state);
  if (has('assenze.csv')) await loadAttendance(ctx, dir, state);
  if (has('voti.csv')) await loadGrades(ctx, dir, state);
  await loadClassGrades(ctx, dir, state);
  if (has('esiti.csv')) await loadOutcomes(ctx, dir, state);
  return state.schoolId;
}
