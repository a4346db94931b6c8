import type { Request, RequestHandler } from 'express';
import { isDatabaseBusy } from '../db/database-busy';
import type { Db } from '../db/open-database';
import { findServiceToken, touchServiceToken, type ServiceTokenPrincipal } from '../service-tokens/repository';
import { audit, type AnonymousDenialAudit } from './audit';
import { HttpError } from './http-error';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      /** A machine's service token (issue 24), when the request carried a live one. */
      serviceToken?: ServiceTokenPrincipal;
    }
  }
}

/** What a service token opens: the upload of an import and its commit, nothing else. */
const TOKEN_ROUTES = [/^\/imports\/?$/, /^\/imports\/[^/]+\/commit\/?$/];

export const isServiceTokenRoute = (req: Pick<Request, 'method' | 'path'>): boolean =>
  req.method === 'POST' && TOKEN_ROUTES.some((r) => r.test(req.path));

/**
 * `Authorization: Bearer <token>`: a service token, never a session. A request that carries one
 * is that token's and nobody else's (a cookie beside it is ignored: authenticate() skips it), and
 * the CSRF check does not apply (check-origin.ts): a browser never adds this header by itself.
 * The audit lines go to `db`, as the error handler's do. An unknown token is an anonymous refusal (401, audited at most once a minute per address);
 * a revoked one the same, naming the token; a live one outside the import routes 403, audited.
 */
export function authenticateServiceToken({
  db,
  sessionDb,
  now,
  auditAnonymousDenial,
}: {
  db: Db;
  sessionDb: Db;
  now: () => Date;
  auditAnonymousDenial: AnonymousDenialAudit;
}): RequestHandler {
  return async (req, _res, next) => {
    const header = req.get('authorization')?.trim();
    // Only the Bearer scheme is ours: a proxy's Basic authentication in front of the app forwards
    // its header with every browser request, which must go on with its session as before.
    if (header === undefined || !/^bearer\b/i.test(header)) return next();
    const bearer = /^Bearer +([A-Za-z0-9_-]{1,200})$/i.exec(header)?.[1];
    // Looked up on the session connection, as a session is, so that it answers while an import holds `db`.
    const found = bearer ? await findServiceToken(sessionDb, bearer) : undefined;
    if (!found)
      throw new HttpError(
        401,
        'unauthenticated',
        'Token di servizio non valido: serve «Authorization: Bearer <token>» con un token attivo',
        undefined,
        true,
      );
    if (found.status === 'revoked') {
      await auditAnonymousDenial(db, req, {
        action: 'service_token.use',
        outcome: 'denied',
        details: { serviceToken: { id: found.id, name: found.name }, reason: 'revoked' },
      });
      throw new HttpError(401, 'unauthenticated', 'Token di servizio revocato');
    }
    req.serviceToken = found.principal;
    if (!isServiceTokenRoute(req)) {
      await audit(db, { req }, { action: 'service_token.use', outcome: 'denied', details: { reason: 'route' } });
      throw new HttpError(
        403,
        'forbidden',
        'Un token di servizio può solo importare: POST /api/imports e POST /api/imports/{uploadId}/commit',
      );
    }
    await touchServiceToken(sessionDb, found.principal.id, now().toISOString()).catch((err: unknown) => {
      // The session connection gives up on a write lock held by an import: the last use is a
      // hint, and the import itself is audited with the token, so the push goes on.
      if (!isDatabaseBusy(err)) throw err;
    });
    next();
  };
}
