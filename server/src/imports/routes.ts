import { Router, type Request, type RequestHandler, type Response } from 'express';
import { z } from 'zod';
import {
  CommitImportInput,
  type ImportHistory,
  type ImportPreview,
  type ImportProgress,
  type ImportResult,
} from '@primm/shared/contracts/imports';
import type { AuthUser } from '../auth/current-user';
import type { Db } from '../db/open-database';
import { audit } from '../http/audit';
import { idempotent } from '../http/idempotency';
import type { ServiceTokenPrincipal } from '../service-tokens/repository';
import { requireRole, userOf } from '../http/authenticate';
import { HttpError } from '../http/http-error';
import { denied } from '../http/scope';
import { describeFiles, findSchoolFoldersDeep } from './describe-upload';
import { auditDetails, publicTransfer, studentsNamed } from './import-audit';
import { PartialImportRefused, importPaths, type ImportOptions, type ImportSummary } from './import-paths';
import { resolveInputs } from './import-inputs';
import { ImportScopeError, type ImportScope } from './import-scope';
import { listImportBatches } from './repository';
import { receiveUpload } from './receive-upload';
import { claimCommit, readProgress, writeProgress } from './commit-claim';
import { CsvSyntaxError } from './csv-parser';
import { findUpload, newUpload, removeUpload, type UploadOwner } from './upload-store';
import { PreviewRunner } from './preview-runner';

const UploadIdParam = z.object({ uploadId: z.string().regex(/^[0-9a-f]{32}$/) });

/**
 * Who imports: a signed-in admin or referent, or a service token (issue 24) acting for its
 * schools with a referent's limits (no registry, no OneRoster bundle, no forced transfer).
 */
interface Importer {
  user: AuthUser | null;
  token: ServiceTokenPrincipal | null;
  isAdmin: boolean;
  scope: ImportScope;
  owner: UploadOwner;
}

function importerOf(req: Request): Importer {
  const token = req.serviceToken;
  if (token)
    return { user: null, token, isAdmin: false, scope: { schoolIds: token.schoolIds }, owner: { tokenId: token.id } };
  const user = userOf(req);
  const isAdmin = user.role === 'admin';
  return {
    user,
    token: null,
    isAdmin,
    scope: isAdmin ? 'all' : { schoolIds: user.schoolIds },
    owner: { userId: user.id },
  };
}

/** The admin, a referent, or a service token (which the middleware lets only this far: service-token.ts). */
const requireImporter: RequestHandler = (req, res, next) =>
  req.serviceToken ? next() : requireRole('admin', 'referente')(req, res, next);

/**
 * Upload → preview → commit, for school referents (their schools) and the admin. The preview is
 * the real import run as a dry run, so what it announces is what the commit does.
 *
 * On a SQLite file the preview runs in a worker thread on an in-memory copy of what the upload's
 * import reads (preview-runner.ts, preview-copy.ts): the dry run writes, and in place it held the
 * app's connection and SQLite's write lock for its whole transaction (8–11 s for a school of 2 000
 * students), so every request on `db` waited, and a second connection would not have helped (any
 * write meanwhile, the audit row of a student read, waits in better-sqlite3's busy handler, which
 * blocks the event loop). On the copy the file is only read, once, in a read transaction that WAL
 * lets run beside writers. On PostgreSQL (and `:memory:`, the tests) the dry run stays in place:
 * a pool has other connections. A commit still holds the connection while it writes.
 */
export function importRoutes(
  db: Db,
  deps: { uploadDir: string; pseudonymKey: string; dbPath?: string; databaseUrl?: string | null },
): Router {
  const router = Router();
  const previews =
    !deps.databaseUrl && deps.dbPath && deps.dbPath !== ':memory:' ? new PreviewRunner(db, deps.dbPath) : null;
  // No state in memory: the claim of a commit and its progress live in the upload's folder
  // (commit-claim.ts), so any instance behind the same upload folder answers the same.

  router.post(
    '/imports',
    requireImporter,
    idempotent(db, () => new Date()),
    async (req, res) => {
      const importer = importerOf(req);
      const user = importer.user;
      const { meta, dir } = newUpload(deps.uploadDir, importer.owner);
      previews?.warm();
      try {
        await receiveUpload(req, dir);
        const folders = await importTargets(dir, importer);
        const summary = await importWithin(req, importer, 'import.preview', folders, { dryRun: true });
        const body: ImportPreview = {
          uploadId: meta.id,
          schools: summary.schoolsImported.map(({ code, name, known }) => ({ code, name, known })),
          files: await describeFiles(dir),
          inserted: summary.inserted,
          updated: summary.updated,
          unchanged: summary.unchanged,
          rejected: summary.rejected,
          errors: summary.errors.slice(0, 200),
          matches: summary.matches,
          warnings: summary.warnings,
          transfers: summary.transfers.map(publicTransfer),
          fileSummaries: summary.fileSummaries,
          missingStudents: summary.missingStudents,
          nothingImported: summary.nothingImported,
        };
        await audit(
          db,
          { user, req },
          {
            action: 'import.preview',
            studentIds: studentsNamed(summary),
            details: { uploadId: meta.id, ...auditDetails(summary) },
          },
        );
        writeProgress(dir, { status: 'uploaded', done: 0, total: folders.length, school: null });
        res.status(201).json(body);
      } catch (err) {
        removeUpload(deps.uploadDir, meta.id); // receiveUpload settles only once nothing writes into it any more
        // A file that is not CSV at all (no line breaks, a quote never closed) is the upload's fault.
        throw err instanceof CsvSyntaxError ? new HttpError(400, 'validation_failed', err.message) : err;
      }
    },
  );

  /**
   * importPaths within the user's scope. A record naming a school outside it stops the import
   * before anything is written: 403, audited as `action` denied with the school codes.
   */
  async function importWithin(
    req: Request,
    importer: Importer,
    action: 'import.preview' | 'import.commit',
    folders: string[],
    options: Partial<ImportOptions>,
  ): Promise<ImportSummary> {
    const { user, scope } = importer;
    try {
      // A conflicting transfer is taken only when the admin's commit says so, never by default.
      const run = {
        confirmTransfers: false,
        ...options,
        pseudonymKey: deps.pseudonymKey,
        source: 'web' as const,
        userId: user?.id ?? null,
        serviceTokenId: importer.token?.id ?? null,
        scope,
      };
      return await (run.dryRun && previews ? previews.run(folders, run) : importPaths(db, folders, run));
    } catch (err) {
      if (!(err instanceof ImportScopeError)) throw err;
      await audit(
        db,
        { user, req },
        { action, outcome: 'denied', details: { refusedSchools: err.refused.map((s) => s.code) } },
      );
      throw new HttpError(403, 'forbidden', err.message);
    }
  }

  router.post(
    '/imports/:uploadId/commit',
    requireImporter,
    idempotent(db, () => new Date()),
    async (req, res) => {
      const importer = importerOf(req);
      const { uploadId } = UploadIdParam.parse(req.params);
      const dir = findUpload(deps.uploadDir, uploadId, importer.owner);
      const claim = claimCommit(dir);
      try {
        await commitUpload(req, res, importer, uploadId, dir);
      } finally {
        claim.release(); // after a success the folder is already gone
      }
    },
  );

  async function commitUpload(
    req: Request,
    res: Response,
    importer: Importer,
    uploadId: string,
    dir: string,
  ): Promise<void> {
    const user = importer.user;
    const folders = await importTargets(dir, importer);
    const { allowPartial, confirmTransfers } = CommitImportInput.parse(req.body ?? {});
    if (confirmTransfers && !importer.isAdmin)
      throw denied("Solo l'amministratore può confermare il trasferimento di studenti iscritti presso un'altra scuola");
    writeProgress(dir, { status: 'running', done: 0, total: folders.length, school: null });
    try {
      // The scope is checked again by the import itself: it may have changed since the preview.
      const summary = await importWithin(req, importer, 'import.commit', folders, {
        allowPartial,
        confirmTransfers,
        onProgress: ({ phase, school, done, total }) =>
          writeProgress(dir, { status: 'running', phase, done, total, school }),
      }).catch((err: unknown) => {
        if (err instanceof PartialImportRefused)
          throw new HttpError(
            409,
            'conflict',
            'Alcune righe sono state scartate: nulla è stato importato. Correggete i file o accettate l’importazione parziale',
          );
        throw err;
      });
      await audit(
        db,
        { user, req },
        {
          action: 'import.commit',
          studentIds: studentsNamed(summary),
          details: { batchId: summary.batchId, confirmTransfers, ...auditDetails(summary) },
        },
      );
      const body: ImportResult = {
        batchId: summary.batchId!,
        inserted: summary.inserted,
        updated: summary.updated,
        unchanged: summary.unchanged,
        rejected: summary.rejected,
        errors: summary.errors.slice(0, 200),
        warnings: summary.warnings,
        transfers: summary.transfers.map(publicTransfer),
        fileSummaries: summary.fileSummaries,
        missingStudents: summary.missingStudents,
        nothingImported: summary.nothingImported,
      };
      removeUpload(deps.uploadDir, uploadId);
      res.json(body);
    } catch (err) {
      writeProgress(dir, { status: 'failed', done: 0, total: folders.length, school: null });
      // A refusal of scope is audited as denied where it is turned into the 403.
      if (!(err instanceof HttpError && err.status === 403)) {
        await audit(
          db,
          { user, req },
          { action: 'import.commit', outcome: 'failed', details: { message: (err as Error).message } },
        );
      }
      throw err;
    }
  }

  router.get('/imports/:uploadId/progress', requireRole('admin', 'referente'), (req, res) => {
    const { uploadId } = UploadIdParam.parse(req.params);
    // Once committed the upload is gone (404): the commit's own answer says how it went.
    const body = readProgress(findUpload(deps.uploadDir, uploadId, { userId: userOf(req).id }));
    if (!body) throw new HttpError(404, 'not_found', 'Nessuna importazione in corso');
    res.json(body satisfies ImportProgress);
  });

  router.get('/imports', requireRole('admin', 'referente'), async (req, res) => {
    const user = userOf(req);
    const body: ImportHistory = { items: await listImportBatches(db, user.role === 'admin' ? null : user.id) };
    res.json(body);
  });

  return router;
}

/**
 * What an upload asks to import: its school folders, or else the upload itself when it is the
 * ministry's registry or a OneRoster bundle. Those create schools and span several, so they are
 * the admin's, like creating a school the registry lacks.
 */
async function importTargets(dir: string, importer: Pick<Importer, 'isAdmin'>): Promise<string[]> {
  const folders = findSchoolFoldersDeep(dir);
  if (folders.length > 0) return folders;
  const inputs = await resolveInputs([dir]).catch(() => undefined);
  if (!inputs || inputs.registries.length + inputs.bundles.length === 0) {
    throw new HttpError(
      400,
      'validation_failed',
      "Nessuna cartella di scuola: serve almeno un file scuola.csv (vedi il formato dei dati), l'anagrafe delle scuole del Ministero o un pacchetto OneRoster",
    );
  }
  if (!importer.isAdmin)
    throw denied("L'anagrafe delle scuole e i pacchetti OneRoster si importano come amministratore");
  return [dir];
}
