import fc from 'fast-check';
import request from 'supertest';
import { expect, test } from 'vitest';
import { createApp } from '../app';
import { aUser, authAs } from '../testing/auth-as';
import { aClass, aSchool, aStudent, anEnrolment } from '../testing/factories';
import { createTestDb, testConfig } from '../testing/test-db';

// Keys that would carry a person: no response to the analyst may contain them, at any depth.
const PERSONAL_KEYS =
  /^(studentId|studentIds|lastName|firstName|last_name|first_name|birthDate|birth_date|pseudonym|codiceFiscale|residenceIstat)$/;

function personalKeys(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => personalKeys(v, found));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (PERSONAL_KEYS.test(k)) found.push(k);
      personalKeys(v, found);
    }
  }
  return found;
}

test('analyst privacy: when random requests are made as analyst, then no personal field or value ever comes back', async () => {
  const db = await createTestDb();
  const school = await aSchool(db, { code: 'ANPS03000E' });
  const cls = await aClass(db, school.id, { name: '3A' });
  const student = await aStudent(db, { last_name: 'Zzyzxcognome', first_name: 'Qqwertnome' });
  await anEnrolment(db, student.id, cls.id);
  const app = createApp({ db, config: testConfig });
  const as = await authAs(db, await aUser(db, 'analista'));

  const id = fc.oneof(
    fc.constant(String(student.id)),
    fc.constant(String(cls.id)),
    fc.integer({ min: -5, max: 1000 }).map(String),
    fc.string({ maxLength: 8 }),
  );
  const path = fc.oneof(
    fc.constant('/api/provinces'),
    fc.constant('/api/me'),
    fc.constant('/api/schools'),
    fc.constant('/api/schools/ANPS03000E'),
    fc.constant('/api/users'),
    fc.constant('/api/audit'),
    id.map((x) => `/api/classes/${encodeURIComponent(x)}`),
    id.map((x) => `/api/classes/${encodeURIComponent(x)}/students`),
    id.map((x) => `/api/students/${encodeURIComponent(x)}`),
    id.map((x) => `/api/students/${encodeURIComponent(x)}/export`),
    id.map((x) => `/api/students/${encodeURIComponent(x)}/risk`),
    id.map((x) => `/api/students/${encodeURIComponent(x)}/flags`),
    id.map((x) => `/api/students/${encodeURIComponent(x)}/notes`),
    id.map((x) => `/api/students/${encodeURIComponent(x)}/cases`),
    id.map((x) => `/api/classes/${encodeURIComponent(x)}/risk`),
    id.map((x) => `/api/cases/${encodeURIComponent(x)}`),
    id.map((x) => `/api/cases/${encodeURIComponent(x)}/effect`),
    fc.constant('/api/schools/ANPS03000E/risk'),
    fc.constant('/api/caseload'),
    fc.constant('/api/imports'),
    fc.constant('/api/settings/risk'),
    fc.constant('/api/aggregates'),
    fc.constant('/api/aggregates/trend'),
    fc.constant('/api/fairness'),
  );
  const params = fc.dictionary(
    fc.constantFrom(
      'province',
      'level',
      'q',
      'studentId',
      'classId',
      'include',
      'fields',
      'limit',
      'id',
      'groupBy',
      'measures',
      'school',
    ),
    fc.oneof(
      fc.constantFrom(
        'AN',
        'PU',
        'secondo_grado',
        'Zzyzx',
        '*',
        'lastName',
        String(student.id),
        'school',
        'province,sex',
        'ANPS03000E',
        'students,tier1',
      ),
      fc.string({ maxLength: 10 }),
    ),
    { maxKeys: 3 },
  );

  await fc.assert(
    fc.asyncProperty(path, params, async (p, q) => {
      const res = await request(app).get(p).query(q).set(as);
      const text = JSON.stringify(res.body);
      expect(text).not.toMatch(/Zzyzxcognome|Qqwertnome|2009-05-10|pseudonym-/);
      expect(personalKeys(res.body)).toEqual([]);
    }),
    { numRuns: 1000 },
  );
}, 60_000);
