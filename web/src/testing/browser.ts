import { setupWorker } from 'msw/browser';
import { endMockSession } from './handlers/auth';
import { handlers } from './handlers/all';

// `pnpm dev:mock` opens on the login page: sign in with any demo account (password demo-primm).
endMockSession();

export const worker = setupWorker(...handlers);
