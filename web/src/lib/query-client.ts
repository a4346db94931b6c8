import { MutationCache, QueryCache, QueryClient, type DefaultOptions } from '@tanstack/react-query';
import { ApiError } from './api-client';

declare module '@tanstack/react-query' {
  interface Register {
    /** `authenticating`: a 401 answers wrong credentials (login), not an expired session. */
    mutationMeta: { authenticating?: boolean };
  }
}

/** Client errors (4xx) will not change on retry; network and server errors may. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  return failureCount < 2;
}

type Listener = () => void;
const sessionExpiredListeners = new Set<Listener>();

/**
 * The session ends server-side (30 min idle, 12 h absolute), so any request may answer 401.
 * The query client reports it here once, and the session guard (inside the router) navigates:
 * no component handles 401 itself.
 */
export function onSessionExpired(listener: Listener): () => void {
  sessionExpiredListeners.add(listener);
  return () => sessionExpiredListeners.delete(listener);
}

const passwordChangeListeners = new Set<Listener>();

/**
 * The server refuses everything but the password page to a user still on a one-time password
 * (403 `password_change_required`), even when the web app's `me` said otherwise: reported here,
 * and the session guard sends the user to the password page.
 */
export function onPasswordChangeRequired(listener: Listener): () => void {
  passwordChangeListeners.add(listener);
  return () => passwordChangeListeners.delete(listener);
}

function reportIfUnauthenticated(error: unknown): void {
  if (!(error instanceof ApiError)) return;
  const listeners = { unauthenticated: sessionExpiredListeners, password_change_required: passwordChangeListeners }[
    error.code as string
  ];
  for (const listener of listeners ?? []) listener();
}

/** `overrides` lets tests turn retries off while keeping the app's session handling. */
export function createQueryClient(overrides: DefaultOptions = {}): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({ onError: reportIfUnauthenticated }),
    mutationCache: new MutationCache({
      onError: (error, _variables, _context, mutation) => {
        if (!mutation.meta?.authenticating) reportIfUnauthenticated(error);
      },
    }),
    defaultOptions: {
      queries: { staleTime: 60_000, retry: shouldRetry, refetchOnWindowFocus: false, ...overrides.queries },
      mutations: { ...overrides.mutations },
    },
  });
}
