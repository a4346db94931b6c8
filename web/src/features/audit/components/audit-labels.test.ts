import { expect, test } from 'vitest';
import { AUDIT_ACTIONS, auditActionKey } from '@primm/shared/contracts/audit';
import { en, it } from '../../../lib/i18n';
import { schoolsOf } from './audit-labels';

const labels = (texts: Record<string, unknown>) => texts.auditActions as Record<string, string>;

test.each(AUDIT_ACTIONS)(
  'audit labels: %s has a label in Italian and in English, and neither is the code',
  (action) => {
    for (const texts of [it, en]) {
      const label = labels(texts)[auditActionKey(action)];
      expect(label).toEqual(expect.any(String));
      expect(label).not.toContain(action);
    }
  },
);

test("audit labels: when the label table is read, then it labels the server's actions and nothing else", () => {
  expect(Object.keys(labels(it)).sort()).toEqual(AUDIT_ACTIONS.map(auditActionKey).sort());
});

test.each([
  [null, []],
  [
    {
      schools: [
        { code: 'ANIS00800L', id: 1 },
        { code: 'MCPS02000B', id: 2 },
      ],
      inserted: 3,
    },
    ['ANIS00800L', 'MCPS02000B'],
  ],
  [{ school: 'ANMM00000X', students: 2 }, ['ANMM00000X']],
  [{ refusedSchools: ['PSPS01000A'] }, ['PSPS01000A']],
  [{ status: 403 }, []],
])('schoolsOf: %j → %j', (details, schools) => {
  expect(schoolsOf(details as Record<string, unknown> | null)).toEqual(schools);
});
