import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { resetMockSession } from './handlers/auth';
import { resetMockArrivals } from './handlers/arrivals';
import { resetMockCases } from './handlers/cases';
import { resetMockCompulsory } from './handlers/compulsory';
import { resetMockFamily } from './handlers/family';
import { resetMockContacts } from './handlers/contacts';
import { resetMockLetters } from './handlers/letters';
import { resetMockUsers } from './handlers/users';
import { resetMockServiceTokens } from './handlers/service-tokens';
import { resetMockFlags } from './handlers/flags';
import { resetMockImports } from './handlers/imports';
import { resetMockRisk } from './handlers/risk';
import { keepFileNamesInRequests } from './jsdom-form-data';
import { server } from './server';

// jsdom has no ResizeObserver; recharts' responsive charts observe their container.
class ResizeObserverStub {
  observe() {}
  unobserve() {}
  disconnect() {}
}
globalThis.ResizeObserver ??= ResizeObserverStub;
// jsdom does not scroll ("Not implemented: window.scrollTo"); the layout's ScrollRestoration calls it.
window.scrollTo = () => {};

await keepFileNamesInRequests();

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  cleanup();
  server.resetHandlers();
  resetMockSession();
  resetMockImports();
  resetMockRisk();
  resetMockFlags();
  resetMockCases();
  resetMockArrivals();
  resetMockCompulsory();
  resetMockFamily();
  resetMockContacts();
  resetMockLetters();
  resetMockUsers();
  resetMockServiceTokens();
  localStorage.clear();
});
afterAll(() => server.close());
