import request from 'supertest';
import { beforeAll, describe, expect, test } from 'vitest';
import { createApp } from '../app';
import type { Db } from '../db/open-database';
import { SAME_ORIGIN, aUser, authAs } from '../testing/auth-as';
import { aClass, aSchool, aStudent } from '../testing/factories';
import { createTestDb, testConfig } from '../testing/test-db';
import { TRANSFER_NOW, aTransferredStudent } from '../testing/transferred-student';

// Issue 17, finding 3 (access after a transfer) and 4 (legal notice for another school's student).
// The reads share one fixture; the refused writes too (a refusal writes nothing but its audit row,
// and each test counts the rows it could have written). Writes that succeed get their own.

type Fixture = Awaited<ReturnType<typeof aTransferredStudent>>;
type Actor = 'referent' | 'mediator' | 'teacher';
const ACTORS: Actor[] = ['referent', 'mediator', 'teacher'];

let db: Db;
let fx: Fixture;
let app: ReturnType<typeof createApp>;
beforeAll(async () => {
  db = await createTestDb();
  fx = await aTransferredStudent(db);
  app = createApp({ db, config: testConfig, now: () => TRANSFER_NOW });
});

const get = async (user: { id: number }, path: string) =>
  request(app)
    .get(path)
    .set(await authAs(db, user));
const lastAudit = async (userId: number) =>
  db
    .selectFrom('audit_log')
    .select(['action', 'outcome'])
    .where('user_id', '=', userId)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();

describe('after a transfer, what the former school reads', () => {
  test.each(ACTORS)(
    'student page: when A’s %s opens it, then the identity and A’s own enrolment only, read-only since 10/01/2026',
    async (actor) => {
      const res = await get(fx.a[actor], `/api/students/${fx.student.id}`);

      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        lastName: 'Hoxha',
        birthDate: '2011-04-02',
        l2Level: null,
        residenceIstat: null,
        access: { kind: 'former', until: '2026-01-10' },
      });
      expect(res.body.enrolments).toEqual([
        expect.objectContaining({
          classId: fx.classA.id,
          schoolCode: 'ANPS03000E',
          leftOn: '2026-01-10',
          exitReason: 'trasferito',
        }),
      ]);
      expect(res.text).not.toMatch(/PSPS01000A|MARCONI|1B/);
      expect(await lastAudit(fx.a[actor].id)).toEqual({ action: 'student.read', outcome: 'ok' });
    },
  );

  test.each(ACTORS)(
    'flags and notes: when A’s %s lists them, then only what A wrote before the transfer date',
    async (actor) => {
      const flags = await get(fx.a[actor], `/api/students/${fx.student.id}/flags`);
      const notes = await get(fx.a[actor], `/api/students/${fx.student.id}/notes`);

      expect(flags.body.items.map((f: { id: number; caseId: number | null }) => [f.id, f.caseId])).toEqual([
        [fx.records.flagA, fx.records.caseA],
      ]);
      expect(notes.body.items.map((n: { id: number }) => n.id)).toEqual([fx.records.noteA]);
    },
  );

  test('flags: when B opened a case from a flag, then A does not learn that case’s id', async () => {
    const flags = await get(fx.a.referent, `/api/students/${fx.student.id}/flags`);

    expect(flags.text).not.toContain(`"caseId":${fx.records.caseB}`);
  });

  test.each(ACTORS)(
    'cases: when A’s %s lists and opens them, then A’s case as it was before the transfer, with the class it had at A',
    async (actor) => {
      const list = await get(fx.a[actor], `/api/students/${fx.student.id}/cases`);
      const detail = await get(fx.a[actor], `/api/cases/${fx.records.caseA}`);

      expect(list.body.items).toEqual([
        expect.objectContaining({
          id: fx.records.caseA,
          schoolCode: 'ANPS03000E',
          actionCount: 1,
          student: expect.objectContaining({ className: '3A', classId: fx.classA.id }),
        }),
      ]);
      expect(detail.status).toBe(200);
      expect(detail.body.actions.map((x: { id: number }) => x.id)).toEqual([fx.records.actionA]);
      expect(detail.body.student).toMatchObject({ className: '3A', classId: fx.classA.id });
    },
  );

  test.each(ACTORS)(
    'cases: when A’s %s asks for B’s case, then the very answer of a case that does not exist, and the denial audited',
    async (actor) => {
      const ofB = await get(fx.a[actor], `/api/cases/${fx.records.caseB}`);
      const missing = await get(fx.a[actor], '/api/cases/999999');

      expect(ofB.status).toBe(404);
      expect(ofB.text).toBe(missing.text);
      expect(ofB.text).not.toContain('scuola B');
    },
  );

  test.each(
    ACTORS.flatMap(
      (actor) =>
        [
          [actor, 'risk', (f: Fixture) => `/api/students/${f.student.id}/risk`],
          [actor, 'compulsory', (f: Fixture) => `/api/students/${f.student.id}/compulsory`],
          [actor, 'case effect', (f: Fixture) => `/api/cases/${f.records.caseA}/effect`],
        ] as const,
    ),
  )(
    'new school’s data: when A’s %s asks for the %s, then 403 in Italian, nothing of B, and the denial audited',
    async (actor, _what, path) => {
      const res = await get(fx.a[actor], path(fx));

      expect(res.status).toBe(403);
      expect(res.body.error).toMatchObject({ code: 'forbidden', message: expect.stringContaining('10/01/2026') });
      expect(res.text).not.toMatch(/1B|"tier"|clock/);
      expect(await lastAudit(fx.a[actor].id)).toEqual({ action: 'access.denied', outcome: 'denied' });
    },
  );

  test.each(ACTORS)(
    'the new school: when B’s %s reads, then every record, the old school’s included, and full access',
    async (actor) => {
      const page = await get(fx.b[actor], `/api/students/${fx.student.id}`);
      const flags = await get(fx.b[actor], `/api/students/${fx.student.id}/flags`);
      const notes = await get(fx.b[actor], `/api/students/${fx.student.id}/notes`);
      const cases = await get(fx.b[actor], `/api/students/${fx.student.id}/cases`);
      const risk = await get(fx.b[actor], `/api/students/${fx.student.id}/risk`);

      expect(page.body).toMatchObject({
        l2Level: 'B1',
        residenceIstat: '042002',
        access: { kind: 'current', until: null },
      });
      expect(page.body.enrolments.map((e: { schoolCode: string }) => e.schoolCode)).toEqual([
        'ANPS03000E',
        'PSPS01000A',
      ]);
      expect(flags.body.items.map((f: { id: number }) => f.id)).toEqual([fx.records.flagB, fx.records.flagA]);
      expect(notes.body.items.map((n: { id: number }) => n.id)).toEqual([
        fx.records.noteB,
        fx.records.lateNoteA,
        fx.records.noteA,
      ]);
      expect(cases.body.items.map((c: { id: number }) => c.id)).toEqual([fx.records.caseB, fx.records.caseA]);
      expect(risk.status).toBe(200);
    },
  );

  test('caseload: when A’s mediator opens it, then A’s case of the student who left is not there (nothing left to do, and no new class to show)', async () => {
    const res = await get(fx.a.mediator, '/api/caseload');

    expect(res.body.cases).toEqual([]);
    expect(res.text).not.toContain('1B');
  });
});

type Write = {
  label: string;
  actors: Actor[];
  method: 'post' | 'patch';
  path: (f: Fixture) => string;
  body: (f: Fixture) => object;
  rows: () => Promise<unknown>;
};
const WRITES: Write[] = [
  {
    label: 'POST flags',
    actors: ACTORS,
    method: 'post',
    path: (f) => `/api/students/${f.student.id}/flags`,
    body: () => ({ reasonCode: 'assenze', reason: 'scritto dopo il trasferimento' }),
    rows: () => db.selectFrom('flag').selectAll().orderBy('id').execute(),
  },
  {
    label: 'POST notes',
    actors: ACTORS,
    method: 'post',
    path: (f) => `/api/students/${f.student.id}/notes`,
    body: () => ({ body: 'scritto dopo il trasferimento' }),
    rows: () => db.selectFrom('student_note').selectAll().orderBy('id').execute(),
  },
  {
    label: 'POST risk review',
    actors: ACTORS,
    method: 'post',
    path: (f) => `/api/students/${f.student.id}/risk/review`,
    body: () => ({ action: 'confirm', reason: 'confermo il livello' }),
    rows: () => db.selectFrom('risk_review').selectAll().execute(),
  },
  {
    label: 'POST cases',
    actors: ['referent', 'mediator'],
    method: 'post',
    path: () => '/api/cases',
    body: (f) => ({ studentId: f.student.id, goal: 'un nuovo caso' }),
    rows: () => db.selectFrom('support_case').selectAll().orderBy('id').execute(),
  },
  {
    label: 'PATCH case',
    actors: ['referent', 'mediator'],
    method: 'patch',
    path: (f) => `/api/cases/${f.records.caseA}`,
    body: () => ({ goal: 'obiettivo cambiato' }),
    rows: () => db.selectFrom('support_case').selectAll().orderBy('id').execute(),
  },
  {
    label: 'POST case close',
    actors: ['referent', 'mediator'],
    method: 'post',
    path: (f) => `/api/cases/${f.records.caseA}/close`,
    body: () => ({ outcome: 'moved_away' }),
    rows: () => db.selectFrom('support_case').selectAll().orderBy('id').execute(),
  },
  {
    label: 'POST case action',
    actors: ['referent', 'mediator'],
    method: 'post',
    path: (f) => `/api/cases/${f.records.caseA}/actions`,
    body: () => ({ type: 'other', date: '2026-03-02', participants: 'mediatore' }),
    rows: () => db.selectFrom('case_action').selectAll().orderBy('id').execute(),
  },
  {
    label: 'PATCH case action',
    actors: ['referent', 'mediator'],
    method: 'patch',
    path: (f) => `/api/cases/${f.records.caseA}/actions/${f.records.actionA}`,
    body: () => ({ outcome: 'cambiato' }),
    rows: () => db.selectFrom('case_action').selectAll().orderBy('id').execute(),
  },
  {
    label: 'POST compulsory notice',
    actors: ['referent', 'mediator'],
    method: 'post',
    path: (f) => `/api/students/${f.student.id}/compulsory/notice`,
    body: () => ({ notifiedOn: '2026-02-03' }),
    rows: () => db.selectFrom('compulsory_notice').selectAll().execute(),
  },
  {
    label: 'POST compulsory report',
    actors: ['referent', 'mediator'],
    method: 'post',
    path: (f) => `/api/students/${f.student.id}/compulsory/report`,
    body: () => ({ reportedOn: '2026-02-12' }),
    rows: () => db.selectFrom('compulsory_notice').selectAll().execute(),
  },
];

describe('after a transfer, writes by the former school', () => {
  test.each(WRITES.flatMap((w) => w.actors.map((actor) => [w.label, actor, w] as const)))(
    '%s: when A’s %s tries, then 403 read-only in Italian, nothing written, and the denial audited',
    async (_label, actor, w) => {
      const before = await w.rows();

      const res = await request(app)
        [w.method](w.path(fx))
        .set(SAME_ORIGIN)
        .set(await authAs(db, fx.a[actor]))
        .send(w.body(fx));

      expect(res.status).toBe(403);
      expect(res.body.error).toEqual({
        code: 'forbidden',
        message: expect.stringMatching(/^Dal 10\/01\/2026 .*sola lettura/),
      });
      expect(await w.rows()).toEqual(before);
      expect(await lastAudit(fx.a[actor].id)).toEqual({ action: 'access.denied', outcome: 'denied' });
    },
  );

  test.each(['referent', 'mediator'] as const)(
    'B’s case: when A’s %s tries to add an action to it, then the answer of a case that does not exist',
    async (actor) => {
      const as = await authAs(db, fx.a[actor]);
      const body = { type: 'other', date: '2026-03-02', participants: 'mediatore' };

      const ofB = await request(app).post(`/api/cases/${fx.records.caseB}/actions`).set(SAME_ORIGIN).set(as).send(body);
      const missing = await request(app).post('/api/cases/999999/actions').set(SAME_ORIGIN).set(as).send(body);

      expect(ofB.status).toBe(404);
      expect(ofB.text).toBe(missing.text);
    },
  );
});

describe('after a transfer, the new school acts', () => {
  test('compulsory: when B’s referent records the notice after A’s was refused, then 201, one notice for school B by B', async () => {
    const own = await createTestDb();
    const f = await aTransferredStudent(own);
    const ownApp = createApp({ db: own, config: testConfig, now: () => TRANSFER_NOW });

    const byA = await request(ownApp)
      .post(`/api/students/${f.student.id}/compulsory/notice`)
      .set(SAME_ORIGIN)
      .set(await authAs(own, f.a.referent))
      .send({ notifiedOn: '2026-02-03' });
    const byB = await request(ownApp)
      .post(`/api/students/${f.student.id}/compulsory/notice`)
      .set(SAME_ORIGIN)
      .set(await authAs(own, f.b.referent))
      .send({ notifiedOn: '2026-02-03' });

    expect(byA.status).toBe(403);
    expect(byB.status).toBe(201);
    expect(byB.body).toMatchObject({ state: 'countdown', notifiedOn: '2026-02-03' });
    expect(await own.selectFrom('compulsory_notice').select(['school_id', 'notified_by']).execute()).toEqual([
      { school_id: f.schoolB.id, notified_by: f.b.referent.id },
    ]);
  });

  test('flags and cases: when B’s teacher flags and B’s mediator opens a case, then 201 each', async () => {
    const own = await createTestDb();
    const f = await aTransferredStudent(own);
    const ownApp = createApp({ db: own, config: testConfig, now: () => TRANSFER_NOW });

    const flag = await request(ownApp)
      .post(`/api/students/${f.student.id}/flags`)
      .set(SAME_ORIGIN)
      .set(await authAs(own, f.b.teacher))
      .send({ reasonCode: 'assenze', reason: 'ancora assente' });
    const opened = await request(ownApp)
      .post('/api/cases')
      .set(SAME_ORIGIN)
      .set(await authAs(own, f.b.mediator))
      .send({ studentId: f.student.id, goal: 'sostegno', flagId: flag.body.id });

    expect([flag.status, opened.status]).toEqual([201, 201]);
    expect(opened.body).toMatchObject({ schoolCode: 'PSPS01000A', student: { className: '1B' } });
  });
});

describe('a class change inside the school', () => {
  // Rossi: 3A of school A until 10/01/2026 (cambio_classe), then 3C of the same school.
  let own: Db;
  let s: {
    student: number;
    oldTeacher: { id: number };
    newTeacher: { id: number };
    mediator: { id: number };
    notes: Record<'oldTeacher' | 'newTeacher' | 'mediatorBefore' | 'mediatorAfter', number>;
  };
  let ownApp: ReturnType<typeof createApp>;
  beforeAll(async () => {
    own = await createTestDb();
    const school = await aSchool(own, { code: 'ANPS03000E' });
    const oldClass = await aClass(own, school.id, { name: '3A' });
    const newClass = await aClass(own, school.id, { name: '3C' });
    const student = await aStudent(own, { last_name: 'Rossi' });
    await own
      .insertInto('enrolment')
      .values([
        {
          student_id: student.id,
          class_id: oldClass.id,
          entered_on: '2025-09-15',
          left_on: '2026-01-10',
          exit_reason: 'cambio_classe',
        },
        { student_id: student.id, class_id: newClass.id, entered_on: '2026-01-11', left_on: null, exit_reason: null },
      ])
      .execute();
    const oldTeacher = await aUser(own, 'docente', { classIds: [oldClass.id] });
    const newTeacher = await aUser(own, 'docente', { classIds: [newClass.id] });
    const mediator = await aUser(own, 'mediatore', { schoolIds: [school.id] });
    const note = async (by: number, at: string) =>
      (
        await own
          .insertInto('student_note')
          .values({ student_id: student.id, body: `nota ${at}`, created_by: by, created_at: at })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    const notes = {
      oldTeacher: await note(oldTeacher.id, '2025-12-01T08:00:00.000Z'),
      mediatorBefore: await note(mediator.id, '2025-12-02T08:00:00.000Z'),
      newTeacher: await note(newTeacher.id, '2026-02-01T08:00:00.000Z'),
      mediatorAfter: await note(mediator.id, '2026-02-02T08:00:00.000Z'),
    };
    s = { student: student.id, oldTeacher, newTeacher, mediator, notes };
    ownApp = createApp({ db: own, config: testConfig, now: () => TRANSFER_NOW });
  });

  test('when the teacher of the old class reads the notes, then only the school’s notes written before the change', async () => {
    const res = await request(ownApp)
      .get(`/api/students/${s.student}/notes`)
      .set(await authAs(own, s.oldTeacher));

    expect(res.body.items.map((n: { id: number }) => n.id)).toEqual([s.notes.mediatorBefore, s.notes.oldTeacher]);
  });

  test('when the teacher of the old class writes a note, then 403 and no note', async () => {
    const before = await own.selectFrom('student_note').select('id').execute();

    const res = await request(ownApp)
      .post(`/api/students/${s.student}/notes`)
      .set(SAME_ORIGIN)
      .set(await authAs(own, s.oldTeacher))
      .send({ body: 'ancora io' });

    expect(res.status).toBe(403);
    expect(await own.selectFrom('student_note').select('id').execute()).toEqual(before);
  });

  test.each(['newTeacher', 'mediator'] as const)(
    'when the %s (holding the current enrolment) reads, then every note',
    async (who) => {
      const res = await request(ownApp)
        .get(`/api/students/${s.student}/notes`)
        .set(await authAs(own, s[who]));

      expect(res.body.items).toHaveLength(4);
    },
  );
});
