import { expect, test } from 'vitest';
import { formatAuditDetails } from './format-audit-details';

test.each([
  [null, null],
  [{}, null],
  [{ email: 'a@scuola.test' }, 'email: a@scuola.test'],
  [{ status: 401, code: 'unauthenticated', notLogged: 30 }, 'status: 401, code: unauthenticated, notLogged: 30'],
  [
    { school: 'ANMM00000X', municipality: null, students: [1, 2] },
    'school: ANMM00000X, municipality: null, students: [1,2]',
  ],
])('formatAuditDetails: %j → %s', (details, shown) => {
  expect(formatAuditDetails(details)).toBe(shown);
});
