import type { RequestHandler } from 'express';
import { parse as parseCookies } from 'cookie';
import type { Role } from '@primm/shared/contracts/auth';
import { loadAuthUser, type AuthUser } from '../auth/current-user';
import { resumeSession } from '../auth/sessions';
import type { Db } from '../db/open-database';
import { HttpError } from './http-error';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      user?: AuthUser;
      sessionToken?: string;
    }
  }
}

/** `__Host-` pins the cookie to this host over HTTPS; browsers refuse that prefix on plain http. */
export const SESSION_COOKIE_SECURE = '__Host-primm_session';
export const SESSION_COOKIE_PLAIN = 'primm_session';

/** Attaches `req.user` when the request carries a live session; never refuses by itself. */
export function authenticate(db: Db, now: () => Date): RequestHandler {
  return async (req, _res, next) => {
    // A service token's request is the token's alone (service-token.ts): no session rides along.
    if (req.serviceToken) return next();
    const cookies = parseCookies(req.headers.cookie ?? '');
    const token = cookies[SESSION_COOKIE_SECURE] ?? cookies[SESSION_COOKIE_PLAIN];
    if (token) {
      const userId = await resumeSession(db, token, now());
      const user = userId === undefined ? undefined : await loadAuthUser(db, userId);
      if (user) {
        req.user = user;
        req.sessionToken = token;
      }
    }
    next();
  };
}

/** Refuses anonymous requests (401) and the roles not listed (403). */
export function requireRole(...roles: Role[]): RequestHandler {
  return (req, _res, next) => {
    if (!req.user) throw new HttpError(401, 'unauthenticated', 'Accesso richiesto', undefined, true);
    if (roles.length > 0 && !roles.includes(req.user.role)) {
      throw new HttpError(403, 'forbidden', 'Il tuo ruolo non consente questa operazione', undefined, true);
    }
    next();
  };
}

/** The user of a request that passed requireRole. */
export function userOf(req: { user?: AuthUser }): AuthUser {
  if (!req.user) throw new HttpError(401, 'unauthenticated', 'Accesso richiesto');
  return req.user;
}

/**
 * What a user still on a one-time password may do: see who they are, choose their own password,
 * sign out, and sign in again (login replaces the session, it uses none of its rights).
 */
const OPEN_WHILE_PASSWORD_MUST_CHANGE = new Set(['/me', '/auth/password', '/auth/logout', '/auth/login']);

/**
 * `must_change_password` enforced by the server, not only by the web app's redirect (issue 17,
 * finding 11): until the one-time password is replaced, the session opens nothing else. 403 with
 * `password_change_required`, which sends the web app to the password page.
 */
export const requirePasswordChanged: RequestHandler = (req, _res, next) => {
  if (req.user?.mustChangePassword && !OPEN_WHILE_PASSWORD_MUST_CHANGE.has(req.path)) {
    throw new HttpError(
      403,
      'password_change_required',
      'Prima di continuare scegliete una vostra password al posto di quella monouso',
      undefined,
      true,
    );
  }
  next();
};
