import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { resetMockSession } from './handlers/auth';
import { resetMockArrivals } from './handlers/arrivals';
import { resetMockCases } from './handlers/cases';
import { resetMockCompulsory } from './handlers/compulsory';
import { resetMockFamily } from './handlers/family';
import { resetMockContacts } from './handlers/contacts';
import { resetMockLetters } from './handlers/letters';
import { resetMockMunicipalityInbox } from './handlers/municipality-inbox';
import { resetMockUsers } from './handlers/users';
import { resetMockServiceTokens } from './handlers/service-tokens';
import { resetMockFlags } from './handlers/flags';
import { resetMockImports } from './handlers/imports';
import { resetMockRisk } from './handlers/risk';
import { keepFileNamesInRequests } from './jsdom-form-data';
import { server } from './server';

// How long findBy*/waitFor keep looking before they fail. The 1 s default failed tests whose page
// appears in 50 ms on an idle machine but needed 1–2 s on a 2-core machine at load 15–20. A passing
// test never waits longer for this (the element is returned as soon as it is there); the ceiling
// stays under vitest's 5 s so a missing element is reported as such, not as a test timeout.
configure({ asyncUtilTimeout: 3000 });

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
  resetMockMunicipalityInbox();
  resetMockUsers();
  resetMockServiceTokens();
  localStorage.clear();
});
afterAll(() => server.close());
