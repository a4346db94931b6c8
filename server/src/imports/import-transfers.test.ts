import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import request from 'supertest';
import { describe, expect, test } from 'vitest';
import { repoRoot } from '../config';
import type { Db } from '../db/open-database';
import { SAME_ORIGIN, aUser, authAs } from '../testing/auth-as';
import { aClass, aSchool, aStudent, anEnrolment } from '../testing/factories';
import { createTestDb, testConfig } from '../testing/test-db';
import { importPaths } from './import-paths';
import { pseudonymize } from './pseudonym';
import { anAppWithOwnUploads, attachFiles, fixtureFiles } from '../testing/uploads';

const ROSSI_CF = 'RSSGLI09C54A271T'; // line 2 of the fixture's studenti.csv: Rossi;Giulia;…;042002;3A;15/09/2025;;
const OTHER = { code: 'MCPS02000B', name: 'LICEO ALTRO' };

/**
 * The fixture school (known, with its referent) and, in another school, the student the fixture
 * calls Rossi Giulia, with personal data of that school's own (to see it is never overwritten).
 */
async function studentOfAnotherSchool(db: Db, stay: { enteredOn: string; leftOn: string | null }) {
  const here = await aSchool(db, { code: 'ANPS03000E', name: 'G. GALILEI' });
  const other = await aSchool(db, OTHER);
  const otherClass = await aClass(db, other.id, { name: '3C' });
  const created = await aStudent(db, { last_name: 'Rossi', first_name: 'Giulia Maria' });
  await db
    .updateTable('student')
    .set({
      pseudonym: pseudonymize(ROSSI_CF, testConfig.pseudonymKey),
      birth_date: '2009-03-14',
      residence_istat: '041044',
    })
    .where('id', '=', created.id)
    .execute();
  const student = await db.selectFrom('student').selectAll().where('id', '=', created.id).executeTakeFirstOrThrow();
  await anEnrolment(db, student.id, otherClass.id, { entered_on: stay.enteredOn, left_on: stay.leftOn });
  const referent = await aUser(db, 'referente', { schoolIds: [here.id] });
  return { here, other, otherClass, student, referent };
}

async function enrolmentsOf(db: Db, studentId: number) {
  return db
    .selectFrom('enrolment')
    .innerJoin('class', 'class.id', 'enrolment.class_id')
    .innerJoin('school', 'school.id', 'class.school_id')
    .select(['school.code', 'enrolment.entered_on', 'enrolment.left_on'])
    .where('student_id', '=', studentId)
    .orderBy('entered_on')
    .execute();
}

async function auditOf(db: Db, action: string) {
  const rows = await db
    .selectFrom('audit_log')
    .select(['outcome', 'student_ids', 'details'])
    .where('action', '=', action)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    outcome: r.outcome,
    studentIds: r.student_ids === null ? null : (JSON.parse(r.student_ids) as number[]),
    details: r.details === null ? null : JSON.parse(r.details),
  }));
}

const conflictLine = { file: 'ANPS03000E/studenti.csv', line: 2, status: 'conflict', school: OTHER };

describe('POST /api/imports: a student another school holds is not pulled in by codice fiscale', () => {
  test('when a referent imports their school with a student another school has enrolled, then the row is a conflict: no enrolment, no rewrite of personal data, nothing of theirs written', async () => {
    const db = await createTestDb();
    const { student, referent } = await studentOfAnotherSchool(db, { enteredOn: '2025-09-10', leftOn: null });
    const as = await authAs(db, referent);
    const { app } = anAppWithOwnUploads(db);

    const preview = await attachFiles(request(app).post('/api/imports').set(SAME_ORIGIN).set(as), fixtureFiles());
    const commit = await request(app)
      .post(`/api/imports/${preview.body.uploadId}/commit`)
      .set(SAME_ORIGIN)
      .set(as)
      .send({});

    expect(preview.status).toBe(201);
    expect(preview.body.transfers).toEqual([conflictLine]);
    expect(preview.body.errors).toContainEqual({
      file: 'ANPS03000E/studenti.csv',
      line: 2,
      column: 'Codice fiscale',
      message: expect.stringMatching(/MCPS02000B LICEO ALTRO.*amministratore/),
    });
    // Nothing the other school recorded about the student reaches this school's referent.
    expect(JSON.stringify(preview.body)).not.toMatch(/Giulia Maria|041044|3C/);
    expect(commit.status).toBe(200);
    expect(commit.body.transfers).toEqual([conflictLine]);
    expect(await db.selectFrom('student').selectAll().where('id', '=', student.id).executeTakeFirst()).toEqual(student);
    expect(await enrolmentsOf(db, student.id)).toEqual([{ code: OTHER.code, entered_on: '2025-09-10', left_on: null }]);
    expect(
      await db.selectFrom('attendance_event').select('date').where('student_id', '=', student.id).execute(),
    ).toEqual([]);
    expect(await db.selectFrom('grade').select('id').where('student_id', '=', student.id).execute()).toEqual([]);
    // Hoxha and Bianchi written; Rossi's id too, since the answer said where that codice fiscale is enrolled.
    const others = await db.selectFrom('student').select('id').where('id', '!=', student.id).execute();
    const [committed] = await auditOf(db, 'import.commit');
    expect(committed!.studentIds).toEqual([student.id, ...others.map((s) => s.id)].sort((a, b) => a - b));
    expect(committed!.details.transfers).toEqual([
      { file: 'ANPS03000E/studenti.csv', line: 2, status: 'conflict', school: OTHER.code, studentId: student.id },
    ]);
  });

  test('when a referent asks to confirm transfers, then 403 and nothing is written', async () => {
    const db = await createTestDb();
    const { student, referent } = await studentOfAnotherSchool(db, { enteredOn: '2025-09-10', leftOn: null });
    const as = await authAs(db, referent);
    const { app } = anAppWithOwnUploads(db);
    const preview = await attachFiles(request(app).post('/api/imports').set(SAME_ORIGIN).set(as), fixtureFiles());

    const commit = await request(app)
      .post(`/api/imports/${preview.body.uploadId}/commit`)
      .set(SAME_ORIGIN)
      .set(as)
      .send({ confirmTransfers: true });

    expect(commit.status).toBe(403);
    expect(commit.body).toEqual({ error: { code: 'forbidden', message: expect.stringMatching(/amministratore/) } });
    expect(await db.selectFrom('student').select('id').execute()).toEqual([{ id: student.id }]);
    expect(await db.selectFrom('import_batch').selectAll().execute()).toEqual([]);
    expect(await auditOf(db, 'access.denied')).toHaveLength(1);
  });

  test('when the admin commits with confirmTransfers, then the student is enrolled here too, their personal data still that of the school holding them, and the confirmation audited', async () => {
    const db = await createTestDb();
    const { student } = await studentOfAnotherSchool(db, { enteredOn: '2025-09-10', leftOn: null });
    const as = await authAs(db, await aUser(db, 'admin'));
    const { app } = anAppWithOwnUploads(db);
    const preview = await attachFiles(request(app).post('/api/imports').set(SAME_ORIGIN).set(as), fixtureFiles());
    expect(preview.body.transfers).toEqual([conflictLine]);

    const commit = await request(app)
      .post(`/api/imports/${preview.body.uploadId}/commit`)
      .set(SAME_ORIGIN)
      .set(as)
      .send({ confirmTransfers: true });

    expect(commit.status).toBe(200);
    expect(commit.body).toMatchObject({ rejected: 0, transfers: [{ ...conflictLine, status: 'confirmed' }] });
    expect(commit.body.warnings).toContainEqual({
      file: 'ANPS03000E/studenti.csv',
      line: 0,
      column: '',
      message: expect.stringMatching(
        /^uno studente risulta iscritto presso un'altra scuola: i suoi dati anagrafici non sono stati aggiornati/,
      ),
    });
    expect(await db.selectFrom('student').selectAll().where('id', '=', student.id).executeTakeFirst()).toEqual(student);
    expect(await enrolmentsOf(db, student.id)).toEqual([
      { code: OTHER.code, entered_on: '2025-09-10', left_on: null },
      { code: 'ANPS03000E', entered_on: '2025-09-15', left_on: null },
    ]);
    const [committed] = await auditOf(db, 'import.commit');
    expect(committed!.studentIds).toContain(student.id);
    expect(committed!.details).toMatchObject({
      confirmTransfers: true,
      transfers: [{ line: 2, status: 'confirmed', school: OTHER.code, studentId: student.id }],
    });
  });

  test('when the other school recorded the exit before the entry here, then the transfer is accepted: enrolled here, personal data from this school, listed as accepted', async () => {
    const db = await createTestDb();
    const { student, here, referent } = await studentOfAnotherSchool(db, {
      enteredOn: '2025-09-10',
      leftOn: '2025-09-12',
    });
    const as = await authAs(db, referent);
    const { app } = anAppWithOwnUploads(db);

    const preview = await attachFiles(request(app).post('/api/imports').set(SAME_ORIGIN).set(as), fixtureFiles());
    const commit = await request(app)
      .post(`/api/imports/${preview.body.uploadId}/commit`)
      .set(SAME_ORIGIN)
      .set(as)
      .send({});

    expect(preview.body).toMatchObject({ rejected: 0, transfers: [{ ...conflictLine, status: 'accepted' }] });
    expect(commit.status).toBe(200);
    expect(
      await db
        .selectFrom('student')
        .select(['first_name', 'residence_istat'])
        .where('id', '=', student.id)
        .executeTakeFirst(),
    ).toEqual({ first_name: 'Giulia', residence_istat: '042002' });
    expect(await enrolmentsOf(db, student.id)).toEqual([
      { code: OTHER.code, entered_on: '2025-09-10', left_on: '2025-09-12' },
      { code: 'ANPS03000E', entered_on: '2025-09-15', left_on: null },
    ]);
    expect(
      await db.selectFrom('attendance_event').select('date').where('student_id', '=', student.id).execute(),
    ).toEqual([{ date: '2025-10-03' }]);
    // Both steps audited with the school, the commit with the students written, the preview with the one it read.
    const [previewed] = await auditOf(db, 'import.preview');
    expect(previewed).toMatchObject({
      outcome: 'ok',
      studentIds: [student.id],
      details: {
        schools: [{ code: 'ANPS03000E', id: here.id }],
        transfers: [{ status: 'accepted', studentId: student.id }],
      },
    });
    const [committed] = await auditOf(db, 'import.commit');
    const written = await db.selectFrom('student').select('id').orderBy('id').execute();
    expect(committed).toMatchObject({
      outcome: 'ok',
      studentIds: written.map((s) => s.id),
      details: { schools: [{ code: 'ANPS03000E', id: here.id }], batchId: commit.body.batchId },
    });
  });
});

describe('importPaths: a school re-importing a past stay', () => {
  test('when a student has since moved to another school that holds them, then the re-import keeps the stay but does not rewrite their personal data', async () => {
    const db = await createTestDb();
    const dir = mkdtempSync(join(tmpdir(), 'primm-moved-on-'));
    cpSync(resolve(repoRoot, 'fixtures/import/generator-format'), dir, { recursive: true });
    const options = { pseudonymKey: testConfig.pseudonymKey, source: 'cli' as const };
    await importPaths(db, [dir], options); // Bianchi Nicolò leaves on 20/02/2026, trasferito
    const bianchi = await db
      .selectFrom('student')
      .selectAll()
      .where('last_name', '=', 'Bianchi')
      .executeTakeFirstOrThrow();
    const other = await aSchool(db, OTHER);
    await anEnrolment(db, bianchi.id, (await aClass(db, other.id, { name: '3A' })).id, {
      entered_on: '2026-02-25',
      left_on: null,
    });
    const studenti = join(dir, 'ANPS03000E', 'studenti.csv');
    writeFileSync(
      studenti,
      readFileSync(studenti, 'utf8').replace(
        'Bianchi;Nicolò;M;30/07/2009;JESI;Italia',
        'Bianchi;Nicola;M;30/07/2009;JESI;Albania',
      ),
    );

    const summary = await importPaths(db, [dir], options);

    expect(summary).toMatchObject({ rejected: 0, transfers: [] });
    expect(summary.warnings).toContainEqual(
      expect.objectContaining({
        file: 'ANPS03000E/studenti.csv',
        message: expect.stringMatching(/^uno studente risulta iscritto presso un'altra scuola/),
      }),
    );
    expect(await db.selectFrom('student').selectAll().where('id', '=', bianchi.id).executeTakeFirst()).toEqual(bianchi);
    expect(await enrolmentsOf(db, bianchi.id)).toEqual([
      { code: 'ANPS03000E', entered_on: '2025-09-15', left_on: '2026-02-20' },
      { code: OTHER.code, entered_on: '2026-02-25', left_on: null },
    ]);
  });
});
