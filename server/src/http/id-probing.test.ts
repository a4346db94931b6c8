import request from 'supertest';
import { beforeAll, describe, expect, test } from 'vitest';
import { createApp } from '../app';
import type { Db } from '../db/open-database';
import { SAME_ORIGIN, aUser, authAs } from '../testing/auth-as';
import { aClass, aSchool, aStudent, anEnrolment } from '../testing/factories';
import { createTestDb, testConfig } from '../testing/test-db';

// Issue 17, finding 14: an id out of the user's scope and an id that does not exist get the
// same status and the same bytes, on every route taking an id, so existence cannot be probed.
// One shared fixture: every request here is refused, and a refusal writes only its audit row.

type Ids = { student: number; case: number; class: number; school: string };
type Call = { method: 'get' | 'post' | 'patch'; path: (ids: Ids) => string; body?: (ids: Ids) => object };
type Who = 'referente' | 'mediatore' | 'docente';

const MISSING: Ids = { student: 999_999, case: 999_999, class: 999_999, school: 'ANXX99999Z' };

const ROUTES: Record<string, Call> = {
  student: { method: 'get', path: (i) => `/api/students/${i.student}` },
  flags: { method: 'get', path: (i) => `/api/students/${i.student}/flags` },
  createFlag: {
    method: 'post',
    path: (i) => `/api/students/${i.student}/flags`,
    body: () => ({ reasonCode: 'assenze', reason: 'assenze ripetute' }),
  },
  notes: { method: 'get', path: (i) => `/api/students/${i.student}/notes` },
  createNote: { method: 'post', path: (i) => `/api/students/${i.student}/notes`, body: () => ({ body: 'una nota' }) },
  studentCases: { method: 'get', path: (i) => `/api/students/${i.student}/cases` },
  studentRisk: { method: 'get', path: (i) => `/api/students/${i.student}/risk` },
  riskReview: {
    method: 'post',
    path: (i) => `/api/students/${i.student}/risk/review`,
    body: () => ({ action: 'confirm', reason: 'confermo il livello' }),
  },
  compulsory: { method: 'get', path: (i) => `/api/students/${i.student}/compulsory` },
  notice: {
    method: 'post',
    path: (i) => `/api/students/${i.student}/compulsory/notice`,
    body: () => ({ notifiedOn: '2026-02-03' }),
  },
  createCase: {
    method: 'post',
    path: () => '/api/cases',
    body: (i) => ({ studentId: i.student, goal: 'riportarlo a scuola' }),
  },
  case: { method: 'get', path: (i) => `/api/cases/${i.case}` },
  caseEffect: { method: 'get', path: (i) => `/api/cases/${i.case}/effect` },
  updateCase: { method: 'patch', path: (i) => `/api/cases/${i.case}`, body: () => ({ goal: 'un altro obiettivo' }) },
  closeCase: { method: 'post', path: (i) => `/api/cases/${i.case}/close`, body: () => ({ outcome: 'other' }) },
  caseAction: {
    method: 'post',
    path: (i) => `/api/cases/${i.case}/actions`,
    body: () => ({ type: 'other', date: '2026-03-02', participants: 'mediatore' }),
  },
  updateAction: { method: 'patch', path: (i) => `/api/cases/${i.case}/actions/1`, body: () => ({ outcome: 'fatto' }) },
  class: { method: 'get', path: (i) => `/api/classes/${i.class}` },
  roster: { method: 'get', path: (i) => `/api/classes/${i.class}/students` },
  classRisk: { method: 'get', path: (i) => `/api/classes/${i.class}/risk` },
  classRiskChanges: { method: 'get', path: (i) => `/api/classes/${i.class}/risk/changes` },
  school: { method: 'get', path: (i) => `/api/schools/${i.school}` },
  schoolRisk: { method: 'get', path: (i) => `/api/schools/${i.school}/risk` },
  deadlines: { method: 'get', path: (i) => `/api/schools/${i.school}/deadlines` },
  octoberList: { method: 'get', path: (i) => `/api/schools/${i.school}/october-list` },
  createUserInClass: {
    method: 'post',
    path: () => '/api/users',
    body: (i) => ({ email: 'nuova@scuola.it', displayName: 'Nuova Docente', role: 'docente', classIds: [i.class] }),
  },
  createUserInSchool: {
    method: 'post',
    path: () => '/api/users',
    body: (i) => ({ email: 'nuovo@scuola.it', displayName: 'Nuovo Mediatore', role: 'mediatore', schools: [i.school] }),
  },
};

let db: Db;
let app: ReturnType<typeof createApp>;
let other: Ids;
const users = {} as Record<Who, { id: number }>;
beforeAll(async () => {
  db = await createTestDb();
  const own = await aSchool(db, { code: 'ANPS03000E' });
  const school = await aSchool(db, { code: 'PSPS01000A' });
  const ownClass = await aClass(db, own.id, { name: '3A' });
  const cls = await aClass(db, school.id, { name: '1B' });
  const student = await aStudent(db, { last_name: 'Hoxha' });
  await anEnrolment(db, student.id, cls.id);
  const mediator = await aUser(db, 'mediatore', { schoolIds: [school.id] });
  const c = await db
    .insertInto('support_case')
    .values({
      student_id: student.id,
      school_id: school.id,
      flag_id: null,
      opened_by: mediator.id,
      owner_id: mediator.id,
      opened_at: '2026-02-03T08:00:00.000Z',
      status: 'open',
      goal: 'accoglienza',
      closed_at: null,
      outcome: null,
      outcome_note: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  other = { student: student.id, case: c.id, class: cls.id, school: 'PSPS01000A' };
  users.referente = await aUser(db, 'referente', { schoolIds: [own.id] });
  users.mediatore = await aUser(db, 'mediatore', { schoolIds: [own.id] });
  users.docente = await aUser(db, 'docente', { classIds: [ownClass.id] });
  app = createApp({ db, config: testConfig, now: () => new Date('2026-03-10T09:00:00Z') });
});

async function call(who: Who, route: Call, ids: Ids) {
  let req = request(app)
    [route.method](route.path(ids))
    .set(SAME_ORIGIN)
    .set(await authAs(db, users[who]));
  if (route.body) req = req.send(route.body(ids));
  return req;
}

const cases = (['referente', 'mediatore', 'docente'] as const).flatMap((who) =>
  Object.keys(ROUTES).map((route) => [route, who] as const),
);

describe('ids cannot be probed for existence', () => {
  test.each(cases)(
    '%s: when a %s asks for another school’s id and for one that does not exist, then the two answers are the same bytes',
    async (route, who) => {
      const outOfScope = await call(who, ROUTES[route]!, other);
      const missing = await call(who, ROUTES[route]!, MISSING);

      expect(outOfScope.status).toBeGreaterThanOrEqual(400);
      expect([outOfScope.status, outOfScope.text]).toEqual([missing.status, missing.text]);
      expect(outOfScope.text).not.toMatch(/Hoxha|PSPS01000A|1B/);
    },
  );

  test('the answer for an id out of scope is a 404 “non trovato”, and the refusal is audited', async () => {
    const res = await call('mediatore', ROUTES.case!, other);

    expect(res.status).toBe(404);
    expect(res.body).toEqual({ error: { code: 'not_found', message: 'Caso non trovato' } });
    const last = await db
      .selectFrom('audit_log')
      .select(['user_id', 'action', 'outcome'])
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    expect(last).toEqual({ user_id: users.mediatore.id, action: 'access.denied', outcome: 'denied' });
  });
});
