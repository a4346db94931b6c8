import type { ErrorRequestHandler, Request, RequestHandler } from 'express';
import { ZodError } from 'zod';
import type { ErrorBody } from '@primm/shared/errors';
import type { Db } from '../db/open-database';
import { isDatabaseBusy } from '../db/database-busy';
import { databaseErrorCode } from '../db/error-code';
import { audit, type AnonymousDenialAudit } from './audit';
import { HttpError } from './http-error';

/**
 * The one place errors become responses. Known errors keep their status and code; anything else
 * is a bug: logged with the request id, answered as a generic 500 so no stack or SQL leaves.
 */
export function createErrorHandler(db: Db, auditAnonymousDenial: AnonymousDenialAudit): ErrorRequestHandler {
  return async (err, req, res, _next) => {
    const body = toErrorBody(err);
    if (body.status === 500 || isForeignKeyViolation(err)) {
      console.error(`[${String(res.locals.requestId ?? '-')}] ${req.method} ${req.originalUrl}`, err);
    }
    if (err instanceof HttpError && err.isDenial && !isSessionProbe(req)) {
      // Every refused request leaves a trace: who tried what (issue "Accounts": denied is logged);
      // anonymous ones at most once a minute per address, with a count.
      const event = {
        action: 'access.denied',
        outcome: 'denied',
        details: { status: err.status, code: err.code },
      } as const;
      await (req.user ? audit(db, { user: req.user, req }, event) : auditAnonymousDenial(db, req, event)).catch(
        (e: unknown) => console.error('audit of a denied request failed', e),
      );
    }
    res.status(body.status).json(body.body);
  };
}

/**
 * `GET /api/me` without a session: the web app asks it on every visit to know whether anyone is
 * signed in. Its 401 is an answer, not an attempt on anything, and was a log row per page load.
 */
function isSessionProbe(req: Request): boolean {
  return !req.user && req.method === 'GET' && req.originalUrl.split('?')[0] === '/api/me';
}

function toErrorBody(err: unknown): { status: number; body: ErrorBody } {
  if (err instanceof HttpError) {
    const error = {
      code: err.code,
      message: err.message,
      ...(err.details !== undefined ? { details: err.details } : {}),
    };
    return { status: err.status, body: { error } };
  }
  if (err instanceof ZodError) {
    const details = err.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    return { status: 400, body: { error: { code: 'validation_failed', message: 'Richiesta non valida', details } } };
  }
  // The database cannot take writes (disk full, read-only file or server): the service says so
  // and stays up for what it can still do, instead of a bare 500.
  const storage = storageProblem(err);
  if (storage) return { status: 503, body: { error: { code: 'unavailable', message: storage } } };
  // A write naming a row that is gone: the code checks references before writing, so only a change
  // made meanwhile gets here (the retention purge deleting a student while an import writes their
  // events). Nothing was saved; trying again reads the data as it is now. Logged all the same: a
  // bug would look alike.
  if (isForeignKeyViolation(err)) {
    const message =
      'Alcuni dati collegati sono cambiati durante l’operazione (per esempio uno studente cancellato nel frattempo): nulla è stato salvato. Riprovate.';
    return { status: 409, body: { error: { code: 'conflict', message } } };
  }
  // express.json() reports bodies that are too large or not JSON with a status of its own.
  const status = typeof err === 'object' && err !== null && 'status' in err ? Number(err.status) : 500;
  if (status === 413) {
    return { status, body: { error: { code: 'payload_too_large', message: 'Richiesta troppo grande' } } };
  }
  if (status === 400) {
    return { status, body: { error: { code: 'validation_failed', message: 'Corpo della richiesta non leggibile' } } };
  }
  return { status: 500, body: { error: { code: 'internal', message: 'Errore interno del server' } } };
}

/**
 * SQLite (`SQLITE_FULL`, `SQLITE_READONLY…`, `SQLITE_BUSY…`) and PostgreSQL (53100 disk full,
 * 25006 read-only, 55P03 lock not available) codes. Busy: another process (a CLI import of a
 * whole region) held the write lock beyond the busy timeout; trying again later works.
 */
function storageProblem(err: unknown): string | undefined {
  const code = databaseErrorCode(err);
  if (code === 'SQLITE_FULL' || code === '53100')
    return 'Spazio su disco esaurito: i dati non possono essere salvati. Avvisate l’amministratore.';
  if (code.startsWith('SQLITE_READONLY') || code === '25006')
    return 'Il database è in sola lettura: i dati non possono essere salvati. Avvisate l’amministratore.';
  if (isDatabaseBusy(err))
    return 'Il database è occupato da un’altra operazione (per esempio un’importazione): riprovate tra poco.';
  return undefined;
}

/** SQLite's and PostgreSQL's (23503, also raised by migration 0034's triggers) foreign-key violation. */
function isForeignKeyViolation(err: unknown): boolean {
  const code = databaseErrorCode(err);
  return code === 'SQLITE_CONSTRAINT_FOREIGNKEY' || code === '23503';
}

/** Unknown `/api/*` paths answer in the envelope too, not with express's HTML page. */
export const apiNotFound: RequestHandler = (_req, _res, next) => {
  next(new HttpError(404, 'not_found', 'Percorso API inesistente'));
};
