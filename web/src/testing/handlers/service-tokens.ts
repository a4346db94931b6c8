import { http, HttpResponse } from 'msw';
import {
  CreateServiceTokenInput,
  type CreatedServiceToken,
  type ServiceToken,
  type ServiceTokenList,
} from '@primm/shared/contracts/service-tokens';
import { errorBody } from '../fixtures';

export const mockServiceTokenSecret = 'primm_mockmockmockmockmockmockmockmockmockmockmoc';

const initial: ServiceToken[] = [
  {
    id: 1,
    name: 'Registro ANIS00800L',
    schools: [{ code: 'ANIS00800L', name: 'IIS Vanvitelli' }],
    createdAt: '2025-09-01T08:00:00.000Z',
    createdBy: 'admin@regione.marche.it',
    lastUsedAt: '2025-10-03T02:00:00.000Z',
    revokedAt: null,
  },
];

/** The tokens as this test or `pnpm dev:mock` session changed them; reset after each test. */
let tokens: ServiceToken[] = [...initial];

export function resetMockServiceTokens(): void {
  tokens = [...initial];
}

export const serviceTokensHandlers = [
  http.get('/api/service-tokens', () => HttpResponse.json<ServiceTokenList>({ items: tokens })),
  http.post('/api/service-tokens', async ({ request }) => {
    const parsed = CreateServiceTokenInput.safeParse(await request.json().catch(() => undefined));
    if (!parsed.success)
      return HttpResponse.json(errorBody('validation_failed', 'Richiesta non valida'), { status: 400 });
    const token: ServiceToken = {
      id: Math.max(0, ...tokens.map((t) => t.id)) + 1,
      name: parsed.data.name,
      schools: parsed.data.schools.map((code) => ({ code, name: code })),
      createdAt: new Date().toISOString(),
      createdBy: 'admin@regione.marche.it',
      lastUsedAt: null,
      revokedAt: null,
    };
    tokens = [token, ...tokens];
    return HttpResponse.json<CreatedServiceToken>(
      { serviceToken: token, token: mockServiceTokenSecret },
      { status: 201 },
    );
  }),
  http.post('/api/service-tokens/:id/revoke', ({ params }) => {
    const token = tokens.find((t) => t.id === Number(params.id) && !t.revokedAt);
    if (!token) return HttpResponse.json(errorBody('not_found'), { status: 404 });
    const revoked = { ...token, revokedAt: new Date().toISOString() };
    tokens = tokens.map((t) => (t.id === revoked.id ? revoked : t));
    return HttpResponse.json<ServiceToken>(revoked);
  }),
];
