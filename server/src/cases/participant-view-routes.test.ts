import request from 'supertest';
import { describe, expect, test } from 'vitest';
import { createApp } from '../app';
import { SAME_ORIGIN, aUser, authAs } from '../testing/auth-as';
import { aClass, aSchool, aStudent, anEnrolment } from '../testing/factories';
import { createTestDb, testConfig } from '../testing/test-db';

const today = new Date('2026-03-10T09:00:00Z');

async function anOpenCase() {
  const db = await createTestDb();
  const school = await aSchool(db, { code: 'ANPS03000E' });
  const cls = await aClass(db, school.id, { name: '3A' });
  const student = await aStudent(db, { last_name: 'Hoxha' });
  await anEnrolment(db, student.id, cls.id);
  const mediator = await aUser(db, 'mediatore', { schoolIds: [school.id] });
  const app = createApp({ db, config: testConfig, now: () => today });
  const as = await authAs(db, mediator);
  const c = await request(app)
    .post('/api/cases')
    .set(SAME_ORIGIN)
    .set(as)
    .send({ studentId: student.id, goal: 'rientro' });
  return { db, app, as, caseId: c.body.id as number, student, school };
}

const views = [
  { perspective: 'young_person', helped: 4, helpedMost: 'study_support', comment: 'il tutor mi ha aiutato' },
  { perspective: 'family', helped: 5, helpedMost: 'family_contact' },
];

describe('participant views on closing', () => {
  test('POST close: when the mediator records the young person’s and the family’s view, then the case shows them and the audit has no free text', async () => {
    const { db, app, as, caseId, student } = await anOpenCase();

    const res = await request(app)
      .post(`/api/cases/${caseId}/close`)
      .set(SAME_ORIGIN)
      .set(as)
      .send({ outcome: 'back_on_track', participantViews: views });

    expect(res.status).toBe(200);
    expect(res.body.participantViews).toEqual([
      { ...views[0], recordedAt: today.toISOString() },
      { ...views[1], comment: null, recordedAt: today.toISOString() },
    ]);
    expect(
      await db
        .selectFrom('case_participant_view')
        .select(['case_id', 'perspective', 'helped', 'helped_most', 'comment'])
        .orderBy('id')
        .execute(),
    ).toEqual([
      {
        case_id: caseId,
        perspective: 'young_person',
        helped: 4,
        helped_most: 'study_support',
        comment: 'il tutor mi ha aiutato',
      },
      { case_id: caseId, perspective: 'family', helped: 5, helped_most: 'family_contact', comment: null },
    ]);
    const audit = await db
      .selectFrom('audit_log')
      .select(['action', 'student_ids', 'details'])
      .where('action', '=', 'case.participant_view.record')
      .execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.details!)).toEqual({
      caseId,
      views: [
        { perspective: 'young_person', helped: 4, helpedMost: 'study_support' },
        { perspective: 'family', helped: 5, helpedMost: 'family_contact' },
      ],
    });
    expect(audit[0]!.student_ids).toContain(String(student.id));
    expect(JSON.stringify(audit)).not.toContain('tutor');
  });

  test.each([
    ['a score out of 1–5', [{ perspective: 'family', helped: 6, helpedMost: 'listening' }], 'back_on_track'],
    ['the same perspective twice', [views[1], views[1]], 'back_on_track'],
    [
      'a receiving organisation without a reorientation',
      [{ perspective: 'receiving_org', helped: 3, helpedMost: 'new_pathway' }],
      'back_on_track',
    ],
    ['a choice not on the list', [{ perspective: 'family', helped: 3, helpedMost: 'money' }], 'back_on_track'],
  ])(
    'POST close: when the views hold %s, then 400, the case stays open and nothing is written',
    async (_, participantViews, outcome) => {
      const { db, app, as, caseId } = await anOpenCase();

      const res = await request(app)
        .post(`/api/cases/${caseId}/close`)
        .set(SAME_ORIGIN)
        .set(as)
        .send({ outcome, participantViews });

      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
      expect(await db.selectFrom('case_participant_view').selectAll().execute()).toEqual([]);
      expect((await db.selectFrom('support_case').select('status').executeTakeFirstOrThrow()).status).toBe('open');
    },
  );

  test('POST close: when a reorientation is closed, then the receiving organisation’s view is stored too', async () => {
    const { db, app, as, caseId } = await anOpenCase();

    const res = await request(app)
      .post(`/api/cases/${caseId}/close`)
      .set(SAME_ORIGIN)
      .set(as)
      .send({
        outcome: 'reoriented',
        participantViews: [{ perspective: 'receiving_org', helped: 4, helpedMost: 'new_pathway' }],
      });

    expect(res.status).toBe(200);
    expect(await db.selectFrom('case_participant_view').select('perspective').execute()).toEqual([
      { perspective: 'receiving_org' },
    ]);
  });

  test('POST close: when a teacher tries to close with views, then 403 and no view', async () => {
    const { db, app, caseId, school } = await anOpenCase();
    const cls = await db.selectFrom('class').select('id').where('school_id', '=', school.id).executeTakeFirstOrThrow();
    const teacher = await aUser(db, 'docente', { classIds: [cls.id] });

    const res = await request(app)
      .post(`/api/cases/${caseId}/close`)
      .set(SAME_ORIGIN)
      .set(await authAs(db, teacher))
      .send({ outcome: 'back_on_track', participantViews: views });

    expect(res.status).toBe(403);
    expect(await db.selectFrom('case_participant_view').selectAll().execute()).toEqual([]);
  });
});
