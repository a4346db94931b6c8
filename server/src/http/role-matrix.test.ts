import request from 'supertest';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Role } from '@primm/shared/contracts/auth';
import { createApp } from '../app';
import { SAME_ORIGIN, aUser, authAs } from '../testing/auth-as';
import { aClass, aSchool, aStudent, anEnrolment } from '../testing/factories';
import { createTestDb, testConfig } from '../testing/test-db';
import { TRANSFER_NOW, aTransferredStudent } from '../testing/transferred-student';
import type { Db } from '../db/open-database';
import { readDataVersion } from '../aggregates/result-cache';

type Call = { method: 'get' | 'post' | 'put'; path: (ids: Ids) => string; body?: object };
type Ids = { classId: number; studentId: number; actionId: number; caseId: number };

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
  createUser: {
    method: 'post',
    path: () => '/api/users',
    body: { email: 'nuovo@scuola.it', displayName: 'Nuovo', role: 'mediatore', schools: ['ANPS03000E'] },
  },
  audit: { method: 'get', path: () => '/api/audit' },
  imports: { method: 'get', path: () => '/api/imports' },
  classRisk: { method: 'get', path: ({ classId }) => `/api/classes/${classId}/risk` },
  flags: { method: 'get', path: ({ studentId }) => `/api/students/${studentId}/flags` },
  createFlag: {
    method: 'post',
    path: ({ studentId }) => `/api/students/${studentId}/flags`,
    body: { reasonCode: 'assenze', reason: 'assenze ripetute' },
  },
  studentCases: { method: 'get', path: ({ studentId }) => `/api/students/${studentId}/cases` },
  createCase: { method: 'post', path: () => '/api/cases', body: { goal: 'riportarlo a scuola' } },
  caseload: { method: 'get', path: () => '/api/caseload' },
  deadlines: { method: 'get', path: () => '/api/schools/ANPS03000E/deadlines' },
  octoberList: { method: 'get', path: () => '/api/schools/ANPS03000E/october-list' },
  schoolDeliveries: { method: 'get', path: () => '/api/schools/ANPS03000E/municipality-deliveries' },
  studentDeliveries: { method: 'get', path: ({ studentId }) => `/api/students/${studentId}/municipality-deliveries` },
  municipalityInbox: { method: 'get', path: () => '/api/municipality-inbox' },
  aggregates: { method: 'get', path: () => '/api/aggregates' },
  fairness: { method: 'get', path: () => '/api/fairness' },
  aggregateHistory: { method: 'get', path: () => '/api/aggregates/history' },
  whatWorks: { method: 'get', path: () => '/api/what-works' },
  legend: { method: 'get', path: () => '/api/risk/legend' },
  backtest: { method: 'get', path: () => '/api/backtest' },
  aggregateYears: { method: 'get', path: () => '/api/aggregates/years' },
  schoolCapacity: { method: 'put', path: () => '/api/schools/ANPS03000E/capacity', body: { capacity: 20 } },
  municipalityContacts: { method: 'get', path: () => '/api/municipality-contacts' },
  createServiceToken: {
    method: 'post',
    path: () => '/api/service-tokens',
    body: { name: 'Registro – ANPS03000E', schools: ['ANPS03000E'] },
  },
  openDataReleases: { method: 'get', path: () => '/api/open-data/releases' },
  openDataPreview: { method: 'get', path: () => '/api/open-data/preview' },
  // dataVersion: filled in below with the version the admin would have previewed.
  publishOpenData: { method: 'post', path: () => '/api/open-data/releases', body: { year: '2025/26' } },
  letterTemplates: { method: 'get', path: () => '/api/letter-templates' },
  updateLetterTemplate: {
    method: 'put',
    path: () => '/api/letter-templates/meeting_invitation/ar',
    body: { body: 'Vi invitiamo il {{meetingDate}} per parlare di {{studentName}}.' },
  },
  verifyLetterTemplate: { method: 'post', path: () => '/api/letter-templates/meeting_invitation/ar/verification' },
  studentLetter: { method: 'get', path: ({ studentId }) => `/api/students/${studentId}/letters/family_notice` },
  registrySchools: { method: 'get', path: () => '/api/registry-schools?q=ANPS' },
  municipalities: { method: 'get', path: () => '/api/municipalities' },
  arrivals: { method: 'get', path: () => '/api/arrivals' },
  // actionId: a reorientation toward the school, planted below, waiting for its answer.
  answerArrival: {
    method: 'post',
    path: ({ actionId }) => `/api/arrivals/${actionId}/answer`,
    body: { answer: 'no_show' },
  },
  // Issue 21: the PUA's inbox (its municipalities only) and the analyst's counts of referrals.
  referralInbox: { method: 'get', path: () => '/api/referrals' },
  referralCounts: { method: 'get', path: () => '/api/referrals/counts' },
  caseReferrals: { method: 'get', path: ({ caseId }) => `/api/cases/${caseId}/referrals` },
};

/** A case of the student with a reorientation toward the school itself, still pending (issue #21). */
async function aPendingArrival(db: Db, schoolId: number, studentId: number, userId: number): Promise<number> {
  const at = new Date().toISOString();
  const { id: caseId } = await db
    .insertInto('support_case')
    .values({
      student_id: studentId,
      school_id: schoolId,
      opened_by: userId,
      owner_id: userId,
      opened_at: at,
      status: 'open',
      goal: 'riorientare',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const { id } = await db
    .insertInto('case_action')
    .values({
      case_id: caseId,
      type: 'reorient_school',
      date: at.slice(0, 10),
      participants: 'mediatore',
      created_by: userId,
      created_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('reorientation_arrival')
    .values({ action_id: id, school_id: schoolId, status: 'pending', created_at: at })
    .execute();
  return id;
}

const ALLOWED: Record<Role, (keyof typeof ENDPOINTS)[]> = {
  admin: [
    'provinces',
    'schools',
    'school',
    'class',
    'roster',
    'student',
    'export',
    'users',
    'createUser',
    'audit',
    'imports',
    'classRisk',
    'flags',
    'createFlag',
    'studentCases',
    'caseReferrals',
    'createCase',
    'caseload',
    'deadlines',
    'octoberList',
    'schoolDeliveries',
    'studentDeliveries',
    'aggregates',
    'fairness',
    'aggregateHistory',
    'whatWorks',
    'legend',
    'backtest',
    'aggregateYears',
    'schoolCapacity',
    'municipalityContacts',
    'createServiceToken',
    'openDataReleases',
    'openDataPreview',
    'publishOpenData',
    'letterTemplates',
    'updateLetterTemplate',
    'verifyLetterTemplate',
    'studentLetter',
    'registrySchools',
    'arrivals',
    'answerArrival',
    'municipalities',
    'referralInbox',
    'referralCounts',
  ],
  referente: [
    'provinces',
    'schools',
    'school',
    'class',
    'roster',
    'student',
    'users',
    'createUser',
    'imports',
    'classRisk',
    'flags',
    'createFlag',
    'studentCases',
    'caseReferrals',
    'createCase',
    'caseload',
    'whatWorks',
    'deadlines',
    'octoberList',
    'schoolDeliveries',
    'studentDeliveries',
    'aggregates',
    'legend',
    'aggregateYears',
    'openDataReleases',
    'studentLetter',
    'registrySchools',
    'arrivals',
    'answerArrival',
  ],
  mediatore: [
    'provinces',
    'schools',
    'school',
    'class',
    'roster',
    'student',
    'classRisk',
    'flags',
    'createFlag',
    'studentCases',
    'caseReferrals',
    'createCase',
    'caseload',
    'whatWorks',
    'deadlines',
    'schoolDeliveries',
    'studentDeliveries',
    'legend',
    'openDataReleases',
    'studentLetter',
    'registrySchools',
    'arrivals',
  ],
  docente: [
    'provinces',
    'schools',
    'school',
    'class',
    'roster',
    'student',
    'classRisk',
    'flags',
    'createFlag',
    'studentCases',
    'caseReferrals',
    'legend',
    'openDataReleases',
  ],
  // The legend holds counts of a past cohort, no student: the analyst reads it too.
  analista: [
    'provinces',
    'schools',
    'school',
    'aggregates',
    'fairness',
    'aggregateHistory',
    'whatWorks',
    'legend',
    'aggregateYears',
    'openDataReleases',
    'referralCounts',
  ],
  // The plan's other agencies (issue 21) see only what is sent to them, and what is public.
  pua: ['openDataReleases', 'referralInbox'],
  comune: ['openDataReleases', 'municipalityInbox'],
};

const cases = (Object.keys(ALLOWED) as Role[]).flatMap((role) =>
  Object.keys(ENDPOINTS).map((endpoint) => [role, endpoint, ALLOWED[role].includes(endpoint)] as const),
);

describe('role × endpoint matrix', () => {
  test.each(cases)(
    'when a %s calls %s, then allowed = %s, and a refusal is in the audit log',
    async (role, endpoint, allowed) => {
      const db = await createTestDb();
      const school = await aSchool(db, { code: 'ANPS03000E' });
      const cls = await aClass(db, school.id, { name: '3A' });
      const student = await aStudent(db);
      await anEnrolment(db, student.id, cls.id);
      const scope =
        role === 'docente'
          ? { classIds: [cls.id] }
          : role === 'referente' || role === 'mediatore'
            ? { schoolIds: [school.id] }
            : {};
      const user = await aUser(db, role, scope);
      const call = ENDPOINTS[endpoint]!;
      const { id: caseId } = await db
        .insertInto('support_case')
        .values({
          student_id: student.id,
          school_id: school.id,
          flag_id: null,
          opened_by: user.id,
          owner_id: user.id,
          opened_at: '2025-10-01T09:00:00.000Z',
          status: 'open',
          goal: 'riportarlo a scuola',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const ids = {
        classId: cls.id,
        studentId: student.id,
        caseId,
        actionId: endpoint === 'answerArrival' ? await aPendingArrival(db, school.id, student.id, user.id) : 0,
      };

      let req = request(createApp({ db, config: testConfig }))
        [call.method](call.path(ids))
        .set(SAME_ORIGIN)
        .set(await authAs(db, user));
      if (call.body)
        req = req.send(
          endpoint === 'createCase'
            ? { ...call.body, studentId: student.id }
            : endpoint === 'publishOpenData'
              ? { ...call.body, dataVersion: await readDataVersion(db) }
              : call.body,
        );
      const res = await req;

      const denials = await db
        .selectFrom('audit_log')
        .select(['user_id', 'outcome'])
        .where('action', '=', 'access.denied')
        .execute();
      if (allowed) {
        expect(res.status).toBeLessThan(300);
        expect(denials).toEqual([]);
      } else {
        expect([403, 404]).toContain(res.status);
        expect(denials).toEqual([{ user_id: user.id, outcome: 'denied' }]);
      }
    },
  );
});

// The same roles holding the school (or class) the student has left by a transfer
// (testing/transferred-student.ts): reads of what the old school wrote before, no writes, nothing
// of the new school. The admin is never a former school and the analyst never sees a student.
type Fixture = Awaited<ReturnType<typeof aTransferredStudent>>;
type FormerCall = { method: 'get' | 'post'; path: (f: Fixture) => string; body?: (f: Fixture) => object };
const FORMER_ENDPOINTS: Record<string, FormerCall> = {
  student: { method: 'get', path: (f) => `/api/students/${f.student.id}` },
  roster: { method: 'get', path: (f) => `/api/classes/${f.classA.id}/students` },
  classRisk: { method: 'get', path: (f) => `/api/classes/${f.classA.id}/risk` },
  flags: { method: 'get', path: (f) => `/api/students/${f.student.id}/flags` },
  createFlag: {
    method: 'post',
    path: (f) => `/api/students/${f.student.id}/flags`,
    body: () => ({ reasonCode: 'assenze', reason: 'assenze ripetute' }),
  },
  notes: { method: 'get', path: (f) => `/api/students/${f.student.id}/notes` },
  createNote: {
    method: 'post',
    path: (f) => `/api/students/${f.student.id}/notes`,
    body: () => ({ body: 'una nota' }),
  },
  studentCases: { method: 'get', path: (f) => `/api/students/${f.student.id}/cases` },
  caseOfOldSchool: { method: 'get', path: (f) => `/api/cases/${f.records.caseA}` },
  caseOfNewSchool: { method: 'get', path: (f) => `/api/cases/${f.records.caseB}` },
  createCase: {
    method: 'post',
    path: () => '/api/cases',
    body: (f) => ({ studentId: f.student.id, goal: 'riportarlo a scuola' }),
  },
  caseAction: {
    method: 'post',
    path: (f) => `/api/cases/${f.records.caseA}/actions`,
    body: () => ({ type: 'other', date: '2026-03-02', participants: 'mediatore' }),
  },
  studentRisk: { method: 'get', path: (f) => `/api/students/${f.student.id}/risk` },
  riskReview: {
    method: 'post',
    path: (f) => `/api/students/${f.student.id}/risk/review`,
    body: () => ({ action: 'confirm', reason: 'confermo il livello' }),
  },
  compulsory: { method: 'get', path: (f) => `/api/students/${f.student.id}/compulsory` },
  compulsoryNotice: {
    method: 'post',
    path: (f) => `/api/students/${f.student.id}/compulsory/notice`,
    body: () => ({ notifiedOn: '2026-02-03' }),
  },
  // what the new school sent the municipality is the new school's (issue 21)
  studentDeliveries: { method: 'get', path: (f) => `/api/students/${f.student.id}/municipality-deliveries` },
  // a letter to the family is an act of the school that holds the student now
  studentLetter: { method: 'get', path: (f) => `/api/students/${f.student.id}/letters/family_notice` },
};
const FORMER_READS = ['student', 'roster', 'classRisk', 'flags', 'notes', 'studentCases', 'caseOfOldSchool'];
const formerCases = (['referente', 'mediatore', 'docente'] as const).flatMap((role) =>
  Object.keys(FORMER_ENDPOINTS).map((endpoint) => [role, endpoint, FORMER_READS.includes(endpoint)] as const),
);

describe('role × endpoint matrix, former school', () => {
  let db: Db;
  let fx: Fixture;
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    db = await createTestDb();
    fx = await aTransferredStudent(db);
    app = createApp({ db, config: testConfig, now: () => TRANSFER_NOW });
  });

  test.each(formerCases)(
    'when a %s of the school the student left calls %s, then allowed = %s, nothing of the new school, and a refusal is in the audit log',
    async (role, endpoint, allowed) => {
      const user = await aUser(
        db,
        role,
        role === 'docente' ? { classIds: [fx.classA.id] } : { schoolIds: [fx.schoolA.id] },
      );
      const call = FORMER_ENDPOINTS[endpoint]!;

      let req = request(app)
        [call.method](call.path(fx))
        .set(SAME_ORIGIN)
        .set(await authAs(db, user));
      if (call.body) req = req.send(call.body(fx));
      const res = await req;

      const denials = await db
        .selectFrom('audit_log')
        .select(['user_id', 'outcome'])
        .where('action', '=', 'access.denied')
        .where('user_id', '=', user.id)
        .execute();
      expect(res.text).not.toMatch(/scuola B|PSPS01000A|MARCONI/);
      if (allowed) {
        expect(res.status).toBe(200);
        expect(denials).toEqual([]);
      } else {
        expect([403, 404]).toContain(res.status);
        expect(denials).toEqual([{ user_id: user.id, outcome: 'denied' }]);
      }
    },
  );
});
