import { http, HttpResponse } from 'msw';
import { ChangePasswordInput, LoginInput, type DemoAccounts, type Me } from '@primm/shared/contracts/auth';
import { demoAccounts, demoMe, errorBody } from '../fixtures';

/**
 * The one piece of state the mocks keep: who is signed in, so `pnpm dev:mock` can log in and out
 * with any demo account. Tests start as the admin (`resetMockSession` runs after each) and switch
 * role with `server.use(http.get('/api/me', …))`.
 */
let session: Me | null = demoMe.admin;

export function resetMockSession(): void {
  session = demoMe.admin;
}

/** Signs in as someone the demo accounts do not cover, e.g. a user with a one-time password. */
export function startMockSession(me: Me): void {
  session = me;
}

/** Who the mocks act for, e.g. the author of a batch committed in `pnpm dev:mock`. */
export function currentMockSession(): Me | null {
  return session;
}

export function endMockSession(): void {
  session = null;
}

export const authHandlers = [
  http.post('/api/auth/login', async ({ request }) => {
    const parsed = LoginInput.safeParse(await request.json().catch(() => undefined));
    if (!parsed.success) return HttpResponse.json(errorBody('validation_failed'), { status: 400 });
    const account = demoAccounts.accounts.find((a) => a.email === parsed.data.email);
    if (!account || parsed.data.password !== demoAccounts.password) {
      return HttpResponse.json(errorBody('unauthenticated', 'Email o password non corretti'), { status: 401 });
    }
    session = demoMe[account.role];
    return HttpResponse.json<Me>(session);
  }),
  http.post('/api/auth/logout', () => {
    session = null;
    return new HttpResponse(null, { status: 204 });
  }),
  http.get('/api/me', () =>
    session ? HttpResponse.json<Me>(session) : HttpResponse.json(errorBody('unauthenticated'), { status: 401 }),
  ),
  http.post('/api/auth/password', async ({ request }) => {
    if (!session) return HttpResponse.json(errorBody('unauthenticated'), { status: 401 });
    // Mocks honour the contract: the server's zod issues come back as `details`, like its error handler sends them.
    const parsed = ChangePasswordInput.safeParse(await request.json().catch(() => undefined));
    if (!parsed.success) {
      const details = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
      return HttpResponse.json(
        { error: { code: 'validation_failed', message: 'Richiesta non valida', details } },
        { status: 400 },
      );
    }
    if (parsed.data.currentPassword !== demoAccounts.password) {
      const details = [{ path: 'currentPassword', message: 'password attuale non corretta' }];
      return HttpResponse.json(
        { error: { code: 'validation_failed', message: 'La password attuale non è corretta', details } },
        { status: 400 },
      );
    }
    session = { ...session, mustChangePassword: false };
    return new HttpResponse(null, { status: 204 });
  }),
  http.get('/api/auth/demo-accounts', () => HttpResponse.json<DemoAccounts>(demoAccounts)),
];
