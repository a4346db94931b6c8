import request from 'supertest';
import { describe, expect, test } from 'vitest';
import { SHIPPED_LETTER_LANGUAGES, LETTER_KINDS } from '@primm/shared/letters/letter-templates';
import { createApp } from '../app';
import type { Db } from '../db/open-database';
import { SAME_ORIGIN, aUser, authAs } from '../testing/auth-as';
import { aClass, aSchool, aStudent, anEnrolment } from '../testing/factories';
import { createTestDb, testConfig } from '../testing/test-db';

const now = new Date('2026-03-10T09:00:00Z');
const NEW_BODY = 'Oggetto: invito per {{studentName}}\n\nVi aspettiamo il {{meetingDate}} alle {{meetingTime}}.';

async function setup() {
  const db = await createTestDb();
  const app = createApp({ db, config: testConfig, now: () => now });
  const admin = await aUser(db, 'admin');
  return { db, app, admin };
}

const templateRow = (db: Db, kind: string, language: string) =>
  db
    .selectFrom('letter_template')
    .select(['body', 'updated_by', 'verified_at', 'verified_by'])
    .where('kind', '=', kind)
    .where('language', '=', language)
    .executeTakeFirstOrThrow();

const auditRows = async (db: Db) =>
  (await db.selectFrom('audit_log').select(['action', 'student_ids', 'details']).orderBy('id').execute()).map((r) => ({
    ...r,
    details: r.details ? JSON.parse(r.details) : null,
  }));

describe('letter templates', () => {
  test('GET letter-templates: when the database is fresh, then every shipped letter is there in every shipped language, none verified', async () => {
    const { db, app, admin } = await setup();

    const res = await request(app)
      .get('/api/letter-templates')
      .set(await authAs(db, admin, now));

    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(LETTER_KINDS.length * SHIPPED_LETTER_LANGUAGES.length);
    expect(
      res.body.items.every((t: { verifiedAt: unknown; updatedAt: unknown }) => !t.verifiedAt && !t.updatedAt),
    ).toBe(true);
  });

  test('PUT letter-templates: when the admin edits a verified translation, then the text is saved, the verification cleared, and both texts audited', async () => {
    const { db, app, admin } = await setup();
    const before = (await templateRow(db, 'meeting_invitation', 'ar')).body;
    await request(app)
      .post('/api/letter-templates/meeting_invitation/ar/verification')
      .set(SAME_ORIGIN)
      .set(await authAs(db, admin, now));
    expect(await templateRow(db, 'meeting_invitation', 'ar')).toMatchObject({ verified_by: admin.id });

    const res = await request(app)
      .put('/api/letter-templates/meeting_invitation/ar')
      .set(SAME_ORIGIN)
      .set(await authAs(db, admin, now))
      .send({ body: NEW_BODY });

    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      kind: 'meeting_invitation',
      language: 'ar',
      body: NEW_BODY,
      updatedAt: now.toISOString(),
      updatedBy: { id: admin.id, name: admin.display_name },
      verifiedAt: null,
      verifiedBy: null,
    });
    expect(await templateRow(db, 'meeting_invitation', 'ar')).toEqual({
      body: NEW_BODY,
      updated_by: admin.id,
      verified_at: null,
      verified_by: null,
    });
    expect(await auditRows(db)).toEqual([
      {
        action: 'letter_template.verify',
        student_ids: null,
        details: { kind: 'meeting_invitation', language: 'ar', body: before },
      },
      {
        action: 'letter_template.update',
        student_ids: null,
        details: { kind: 'meeting_invitation', language: 'ar', before, after: NEW_BODY, verificationCleared: true },
      },
    ]);
  });

  test('POST verification: when the admin verifies a translation, then who and when are saved, returned and audited', async () => {
    const { db, app, admin } = await setup();

    const res = await request(app)
      .post('/api/letter-templates/family_notice/ro/verification')
      .set(SAME_ORIGIN)
      .set(await authAs(db, admin, now));

    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      kind: 'family_notice',
      language: 'ro',
      verifiedAt: now.toISOString(),
      verifiedBy: { id: admin.id, name: admin.display_name },
      updatedAt: null,
    });
    expect(await templateRow(db, 'family_notice', 'ro')).toMatchObject({
      verified_at: now.toISOString(),
      verified_by: admin.id,
    });
    expect((await auditRows(db)).map((r) => r.action)).toEqual(['letter_template.verify']);
  });

  test('PUT letter-templates: when the text names a placeholder the letter does not know, then 400 with the Italian reason and nothing written', async () => {
    const { db, app, admin } = await setup();
    const before = await templateRow(db, 'reorientation_info', 'it');

    const res = await request(app)
      .put('/api/letter-templates/reorientation_info/it')
      .set(SAME_ORIGIN)
      .set(await authAs(db, admin, now))
      .send({ body: 'Dal {{actionDate}} {{studentName}} va a {{scuolaNuova}}, il {{meetingDate}}.' });

    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(res.body.error.details[0].message).toMatch(
      /^Segnaposto sconosciuti: \{\{scuolaNuova\}\}, \{\{meetingDate\}\}\. Per questa lettera sono ammessi: /,
    );
    expect(await templateRow(db, 'reorientation_info', 'it')).toEqual(before);
    expect(await auditRows(db)).toEqual([]);
  });

  test('PUT letter-templates: when the language has no template, then 404 and no row is created', async () => {
    const { db, app, admin } = await setup();

    const res = await request(app)
      .put('/api/letter-templates/family_notice/wo')
      .set(SAME_ORIGIN)
      .set(await authAs(db, admin, now))
      .send({
        body: NEW_BODY.replace('{{meetingDate}}', '{{windowFrom}}').replace('{{meetingTime}}', '{{triggeredOn}}'),
      });

    expect(res.status).toBe(404);
    expect(await db.selectFrom('letter_template').select('kind').where('language', '=', 'wo').execute()).toEqual([]);
  });

  test.each(['referente', 'mediatore', 'docente', 'analista'] as const)(
    'PUT and verification: when a %s tries, then 403 and nothing written but the refusal',
    async (role) => {
      const { db, app } = await setup();
      const school = await aSchool(db);
      const user = await aUser(db, role, { schoolIds: [school.id] });
      const before = await templateRow(db, 'meeting_invitation', 'ar');

      const put = await request(app)
        .put('/api/letter-templates/meeting_invitation/ar')
        .set(SAME_ORIGIN)
        .set(await authAs(db, user, now))
        .send({ body: NEW_BODY });
      const verify = await request(app)
        .post('/api/letter-templates/meeting_invitation/ar/verification')
        .set(SAME_ORIGIN)
        .set(await authAs(db, user, now));

      expect([put.status, verify.status]).toEqual([403, 403]);
      expect(put.body.error.code).toBe('forbidden');
      expect(await templateRow(db, 'meeting_invitation', 'ar')).toEqual(before);
      expect((await auditRows(db)).map((r) => r.action)).toEqual(['access.denied', 'access.denied']);
    },
  );
});

describe('letters for a student', () => {
  async function withStudent(language: string | null) {
    const ctx = await setup();
    const school = await aSchool(ctx.db);
    const klass = await aClass(ctx.db, school.id, { name: '2A' });
    const student = await aStudent(ctx.db, { last_name: 'Benali' });
    await anEnrolment(ctx.db, student.id, klass.id, { entered_on: '2025-09-15' });
    await ctx.db.updateTable('student').set({ family_language: language }).where('id', '=', student.id).execute();
    const mediator = await aUser(ctx.db, 'mediatore', { schoolIds: [school.id] });
    return { ...ctx, school, student, mediator };
  }

  test('GET students/:id/letters/:kind: when the family reads Arabic, then the Italian and the Arabic templates, and the read is audited', async () => {
    const { db, app, student, mediator } = await withStudent('ar');

    const res = await request(app)
      .get(`/api/students/${student.id}/letters/meeting_invitation`)
      .set(await authAs(db, mediator, now));

    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      kind: 'meeting_invitation',
      familyLanguage: 'ar',
      italian: { language: 'it', verifiedAt: null },
      translation: { language: 'ar', verifiedAt: null },
      translationMissing: false,
    });
    expect(res.body.translation.body).toContain('{{meetingDate}}');
    expect(await auditRows(db)).toEqual([
      {
        action: 'letter.read',
        student_ids: `[${student.id}]`,
        details: { kind: 'meeting_invitation', language: 'ar' },
      },
    ]);
  });

  test.each([
    ['it', null, false], // Italian: Italian only
    [null, null, false], // not recorded: Italian only
    ['wo', null, true], // Wolof: no template, the print says the translation is missing
  ])(
    'GET students/:id/letters/:kind: when the family language is %s, then translation %s and missing %s',
    async (language, translation, missing) => {
      const { db, app, student, mediator } = await withStudent(language);

      const res = await request(app)
        .get(`/api/students/${student.id}/letters/family_notice`)
        .set(await authAs(db, mediator, now));

      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ familyLanguage: language, translation, translationMissing: missing });
      expect(res.body.italian.language).toBe('it');
    },
  );

  test("GET students/:id/letters/:kind: when the mediator is of another school, then refused (404, existence not revealed) and the student's language is not read", async () => {
    const { db, app, student } = await withStudent('ar');
    const other = await aSchool(db, { code: 'ANTF01000B' });
    const stranger = await aUser(db, 'mediatore', { schoolIds: [other.id] });

    const res = await request(app)
      .get(`/api/students/${student.id}/letters/family_notice`)
      .set(await authAs(db, stranger, now));

    expect(res.status).toBe(404);
    expect(JSON.stringify(res.body)).not.toContain('"ar"');
    expect((await auditRows(db)).map((r) => r.action)).toEqual(['access.denied']);
  });
});
