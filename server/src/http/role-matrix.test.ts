import request from 'supertest';
import { describe, expect, test } from 'vitest';
import type { Role } from '@primm/shared/contracts/auth';
import { createApp } from '../app';
import { SAME_ORIGIN, aUser, authAs } from '../testing/auth-as';
import { aClass, aSchool, aStudent, anEnrolment } from '../testing/factories';
import { createTestDb, testConfig } from '../testing/test-db';

type Call = { method: 'get' | 'post'; path: (ids: Ids) => string; body?: object };
type Ids = { classId: number; studentId: number };

// Every endpoint family × every role, each user holding the school / class of the data, so a
// refusal here is the role's, not the scope's. 200-ish = allowed; 403/404 = refused and logged.
const ENDPOINTS: Record<string, Call> = {
  provinces: { method: 'get', path: () => '/api/provinces' },
  schools: { method: 'get', path: () => '/api/schools' },
  school: { method: 'get', path: () => '/api/schools/ANPS03000E' },
  class: { method: 'get', path: ({ classId }) => `/api/classes/${classId}` },
  roster: { method: 'get', path: ({ classId }) => `/api/classes/${classId}/students` },
  student: { method: 'get', path: ({ studentId }) => `/api/students/${studentId}` },
  export: { method: 'get', path: ({ studentId }) => `/api/students/${studentId}/export` },
  users: { method: 'get', path: () => '/api/users' },
  createUser: { method: 'post', path: () => '/api/users', body: { email: 'nuovo@scuola.it', displayName: 'Nuovo', role: 'mediatore', schools: ['ANPS03000E'] } },
  audit: { method: 'get', path: () => '/api/audit' },
  imports: { method: 'get', path: () => '/api/imports' },
  classRisk: { method: 'get', path: ({ classId }) => `/api/classes/${classId}/risk` },
  flags: { method: 'get', path: ({ studentId }) => `/api/students/${studentId}/flags` },
  createFlag: { method: 'post', path: ({ studentId }) => `/api/students/${studentId}/flags`, body: { reasonCode: 'assenze', reason: 'assenze ripetute' } },
  studentCases: { method: 'get', path: ({ studentId }) => `/api/students/${studentId}/cases` },
  createCase: { method: 'post', path: () => '/api/cases', body: { goal: 'riportarlo a scuola' } },
  caseload: { method: 'get', path: () => '/api/caseload' },
  deadlines: { method: 'get', path: () => '/api/schools/ANPS03000E/deadlines' },
  octoberList: { method: 'get', path: () => '/api/schools/ANPS03000E/october-list' },
  aggregates: { method: 'get', path: () => '/api/aggregates' },
  fairness: { method: 'get', path: () => '/api/fairness' },
};

const ALLOWED: Record<Role, (keyof typeof ENDPOINTS)[]> = {
  admin: ['provinces', 'schools', 'school', 'class', 'roster', 'student', 'export', 'users', 'createUser', 'audit', 'imports', 'classRisk', 'flags', 'createFlag', 'studentCases', 'createCase', 'caseload', 'deadlines', 'octoberList', 'aggregates', 'fairness'],
  referente: ['provinces', 'schools', 'school', 'class', 'roster', 'student', 'users', 'createUser', 'imports', 'classRisk', 'flags', 'createFlag', 'studentCases', 'createCase', 'caseload', 'deadlines', 'octoberList', 'aggregates'],
  mediatore: ['provinces', 'schools', 'school', 'class', 'roster', 'student', 'classRisk', 'flags', 'createFlag', 'studentCases', 'createCase', 'caseload', 'deadlines'],
  docente: ['provinces', 'schools', 'school', 'class', 'roster', 'student', 'classRisk', 'flags', 'createFlag', 'studentCases'],
  analista: ['provinces', 'schools', 'school', 'aggregates', 'fairness'],
};

const cases = (Object.keys(ALLOWED) as Role[]).flatMap((role) =>
  Object.keys(ENDPOINTS).map((endpoint) => [role, endpoint, ALLOWED[role].includes(endpoint)] as const),
);

describe('role × endpoint matrix', () => {
  test.each(cases)('when a %s calls %s, then allowed = %s, and a refusal is in the audit log', async (role, endpoint, allowed) => {
    const db = await createTestDb();
    const school = await aSchool(db, { code: 'ANPS03000E' });
    const cls = await aClass(db, school.id, { name: '3A' });
    const student = await aStudent(db);
    await anEnrolment(db, student.id, cls.id);
    const scope = role === 'docente' ? { classIds: [cls.id] } : role === 'referente' || role === 'mediatore' ? { schoolIds: [school.id] } : {};
    const user = await aUser(db, role, scope);
    const call = ENDPOINTS[endpoint]!;
    const ids = { classId: cls.id, studentId: student.id };

    let req = request(createApp({ db, config: testConfig }))[call.method](call.path(ids)).set(SAME_ORIGIN).set(await authAs(db, user));
    if (call.body) req = req.send(endpoint === 'createCase' ? { ...call.body, studentId: student.id } : call.body);
    const res = await req;

    const denials = await db.selectFrom('audit_log').select(['user_id', 'outcome']).where('action', '=', 'access.denied').execute();
    if (allowed) {
      expect(res.status).toBeLessThan(300);
      expect(denials).toEqual([]);
    } else {
      expect([403, 404]).toContain(res.status);
      expect(denials).toEqual([{ user_id: user.id, outcome: 'denied' }]);
    }
  });
});
