import { randomBytes } from 'node:crypto';
import { Router, type Request, type Response } from 'express';
import { ChangePasswordInput, DemoAccounts, LoginInput, type Me } from '@primm/shared/contracts/auth';
import type { Db } from '../db/open-database';
import { DEMO_PASSWORD, existingDemoAccounts } from '../demo/demo-accounts';
import { audit, type AnonymousDenialAudit } from '../http/audit';
import { SESSION_COOKIE_PLAIN, SESSION_COOKIE_SECURE, requireRole, userOf } from '../http/authenticate';
import { HttpError } from '../http/http-error';
import { loadAuthUser, type AuthUser } from './current-user';
import { ONE_TIME_PASSWORD_VALID_MS, hashPassword, isOneTimePasswordExpired, verifyPassword } from './password';
import { ABSOLUTE_TIMEOUT_MS, createSession, deleteSession } from './sessions';
import { hashToken } from './token-hash';
import { releaseOnSuccess, reserveLoginAttempt } from './throttle';

const LOGIN_FAILED = 'Email o password non corretti';
const ONE_TIME_PASSWORD_EXPIRED = `La password monouso è scaduta (vale ${ONE_TIME_PASSWORD_VALID_MS / 3_600_000} ore): chiedetene una nuova all'amministratore o al referente della scuola`;

export function authRoutes(
  db: Db,
  deps: { now: () => Date; demo: boolean; auditAnonymousDenial: AnonymousDenialAudit },
): Router {
  const router = Router();

  router.post('/auth/login', async (req, res) => {
    const input = LoginInput.parse(req.body);
    const now = deps.now();
    const ip = req.ip ?? 'unknown';
    const reservation = await reserveLoginAttempt(db, input.email, ip, now);
    if (!reservation.ok) {
      const seconds = Math.ceil(reservation.retryAfterMs / 1000);
      // Refused before any check: as cheap to send as an anonymous probe, so written as rarely.
      await deps.auditAnonymousDenial(db, req, {
        action: 'auth.login',
        outcome: 'denied',
        details: { email: input.email, reason: 'throttled' },
      });
      res.setHeader('Retry-After', String(seconds));
      throw new HttpError(
        429,
        'rate_limited',
        `Troppi tentativi non riusciti: riprova tra ${seconds} ${seconds === 1 ? 'secondo' : 'secondi'}`,
        { retryAfterSeconds: seconds },
      );
    }
    const row = await db
      .selectFrom('app_user')
      .select(['id', 'password_hash', 'disabled_at', 'must_change_password', 'one_time_password_issued_at'])
      .where('email', '=', input.email)
      .executeTakeFirst();
    // Verify even for unknown accounts, so response time does not tell which emails exist.
    const ok = await verifyPassword(row?.password_hash ?? (await unknownUserHash()), input.password);
    const user = ok && row && !row.disabled_at ? await loadAuthUser(db, row.id) : undefined;
    if (!user) {
      await audit(db, { req }, { action: 'auth.login', outcome: 'failed', details: { email: input.email } });
      throw new HttpError(401, 'unauthenticated', LOGIN_FAILED);
    }
    // Said only to whoever knows the password: an expired one-time password opens nothing, and
    // its owner needs to know to ask for a new one. Still counted as a failed attempt.
    if (row?.must_change_password === 1 && isOneTimePasswordExpired(row.one_time_password_issued_at, now)) {
      await audit(
        db,
        { req },
        {
          action: 'auth.login',
          outcome: 'failed',
          details: { email: input.email, reason: 'one_time_password_expired' },
        },
      );
      throw new HttpError(401, 'password_expired', ONE_TIME_PASSWORD_EXPIRED);
    }
    // Rotation: whatever session the browser had is dropped; a new id is issued at login.
    if (req.sessionToken) await deleteSession(db, req.sessionToken);
    await releaseOnSuccess(db, reservation);
    const token = await createSession(db, user.id, now);
    setSessionCookie(req, res, token);
    await audit(db, { user, req }, { action: 'auth.login' });
    res.json(toMe(user, await schoolsOf(db, user), await municipalitiesOf(db, user)));
  });

  router.post('/auth/logout', async (req, res) => {
    if (req.sessionToken) await deleteSession(db, req.sessionToken);
    if (req.user) await audit(db, { user: req.user, req }, { action: 'auth.logout' });
    for (const name of [SESSION_COOKIE_SECURE, SESSION_COOKIE_PLAIN]) {
      res.clearCookie(name, { path: '/', httpOnly: true, sameSite: 'strict', secure: name === SESSION_COOKIE_SECURE });
    }
    res.status(204).end();
  });

  router.get('/me', requireRole(), async (req, res) => {
    const user = userOf(req);
    res.json(toMe(user, await schoolsOf(db, user), await municipalitiesOf(db, user)));
  });

  // Also how a user with a one-time password sets their own (must_change_password).
  router.post('/auth/password', requireRole(), async (req, res) => {
    const user = userOf(req);
    const input = ChangePasswordInput.parse(req.body);
    const row = await db
      .selectFrom('app_user')
      .select('password_hash')
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow();
    if (!(await verifyPassword(row.password_hash, input.currentPassword))) {
      await audit(db, { user, req }, { action: 'auth.password', outcome: 'failed' });
      throw new HttpError(400, 'validation_failed', 'La password attuale non è corretta', [
        { path: 'currentPassword', message: 'password attuale non corretta' },
      ]);
    }
    const hash = await hashPassword(input.newPassword);
    await db.transaction().execute(async (trx) => {
      await trx
        .updateTable('app_user')
        .set({ password_hash: hash, must_change_password: 0, one_time_password_issued_at: null })
        .where('id', '=', user.id)
        .execute();
      // Other sessions of this user end: a changed password must lock out whoever else had it.
      await trx
        .deleteFrom('user_session')
        .where('user_id', '=', user.id)
        .where('id', '!=', hashToken(req.sessionToken ?? ''))
        .execute();
      await audit(trx, { user, req }, { action: 'auth.password' });
    });
    res.status(204).end();
  });

  // Published only in demo mode, and only the demo accounts that exist: a database that got no
  // demo accounts (it had real users) publishes no password.
  router.get('/auth/demo-accounts', async (_req, res) => {
    const accounts = deps.demo ? await existingDemoAccounts(db) : [];
    const body: DemoAccounts = {
      demo: deps.demo,
      password: accounts.length > 0 ? DEMO_PASSWORD : null,
      accounts: accounts.map(({ email, role, description }) => ({ email, role, description })),
    };
    res.json(DemoAccounts.parse(body));
  });

  return router;
}

function setSessionCookie(req: Request, res: Response, token: string): void {
  const secure = req.secure;
  res.cookie(secure ? SESSION_COOKIE_SECURE : SESSION_COOKIE_PLAIN, token, {
    httpOnly: true,
    sameSite: 'strict',
    secure,
    path: '/',
    maxAge: ABSOLUTE_TIMEOUT_MS,
  });
}

async function schoolsOf(db: Db, user: AuthUser) {
  if (user.schoolIds.length === 0) return [];
  return db.selectFrom('school').select(['code', 'name']).where('id', 'in', user.schoolIds).orderBy('code').execute();
}

async function municipalitiesOf(db: Db, user: AuthUser) {
  if (user.municipalityCodes.length === 0) return [];
  const rows = await db
    .selectFrom('municipality')
    .select(['istat_code', 'name'])
    .where('istat_code', 'in', user.municipalityCodes)
    .orderBy('name')
    .execute();
  return rows.map((m) => ({ code: m.istat_code, name: m.name }));
}

function toMe(
  user: AuthUser,
  schools: { code: string; name: string }[],
  municipalities: { code: string; name: string }[],
): Me {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    role: user.role,
    schools,
    classIds: user.classIds,
    municipalities,
    mustChangePassword: user.mustChangePassword,
  };
}

// The hash of a random string nobody knows: the cost of a real verification, never a match.
let unknownHash: Promise<string> | undefined;
const unknownUserHash = () => (unknownHash ??= hashPassword(randomBytes(24).toString('hex')));
