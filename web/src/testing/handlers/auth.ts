import { http, HttpResponse } from 'msw';
import { LoginInput, type DemoAccounts, type Me } from '@primm/shared/contracts/auth';
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
  http.get('/api/me', () => (session ? HttpResponse.json<Me>(session) : HttpResponse.json(errorBody('unauthenticated'), { status: 401 }))),
  http.get('/api/auth/demo-accounts', () => HttpResponse.json<DemoAccounts>(demoAccounts)),
];
