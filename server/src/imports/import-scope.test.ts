import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { describe, expect, test } from 'vitest';
import type { Db } from '../db/open-database';
import { SAME_ORIGIN, aUser, authAs } from '../testing/auth-as';
import { aSchool } from '../testing/factories';
import { createTestDb } from '../testing/test-db';
import { importPaths } from './import-paths';
import {
  SCHOOL_HEADER,
  anAppWithOwnUploads,
  attachFiles,
  fixtureFiles,
  schoolRow,
  uploadsLeft,
} from '../testing/uploads';

const OWN = 'PSPS01000A';
const OTHER = 'ANPS03000E'; // the fixture school

/** A referent of OWN, and OTHER known with a name of its own (to see it is not overwritten). */
async function referentAndOtherSchool(db: Db) {
  const own = await aSchool(db, { code: OWN, name: 'LICEO MIO' });
  const other = await aSchool(db, { code: OTHER, name: 'LICEO DI ALTRI' });
  const referent = await aUser(db, 'referente', { schoolIds: [own.id] });
  return { own, other, referent };
}

/** Nothing of the upload reached the database, and the one trace is the audit row of the refusal. */
async function expectNothingWritten(db: Db, schoolsBefore: unknown[]): Promise<void> {
  expect(await db.selectFrom('school').selectAll().orderBy('id').execute()).toEqual(schoolsBefore);
  expect(await db.selectFrom('class').selectAll().execute()).toEqual([]);
  expect(await db.selectFrom('student').selectAll().execute()).toEqual([]);
  expect(await db.selectFrom('enrolment').selectAll().execute()).toEqual([]);
  expect(await db.selectFrom('import_batch').selectAll().execute()).toEqual([]);
}

async function importAudit(db: Db) {
  const rows = await db
    .selectFrom('audit_log')
    .select(['action', 'outcome', 'details', 'student_ids'])
    .where('action', 'like', 'import.%')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ ...r, details: r.details === null ? null : JSON.parse(r.details) }));
}

describe('POST /api/imports: a referent imports only their own schools, checked on what the import reads', () => {
  test.each([
    // (a) loose files: the upload's own folder was left out of the check, so it named no school
    ['the school files are loose at the top of the upload', () => fixtureFiles('')],
    // (b) the check read the first record; the import skipped it (not a Marche province) and took the second
    [
      'scuola.csv has an invalid first row of their school and a second row of another school',
      () => ({
        ...fixtureFiles(`${OWN}/`),
        [`${OWN}/scuola.csv`]: `${SCHOOL_HEADER}\n${schoolRow(OWN, 'LICEO MIO', 'RM')}\n${schoolRow(OTHER)}\n`,
      }),
    ],
    // (c) the check read `Codice meccanografico`, the import the first non-empty alias (`Codice scuola`)
    [
      'scuola.csv has two code columns, another school first and theirs second',
      () => ({
        ...fixtureFiles(`${OWN}/`),
        [`${OWN}/scuola.csv`]: `Codice scuola;${SCHOOL_HEADER}\n${OTHER};${schoolRow(OWN, 'LICEO MIO')}\n`,
      }),
    ],
  ])('when %s, then 403, nothing written, the refusal audited with the school code', async (_, files) => {
    const db = await createTestDb();
    const { referent } = await referentAndOtherSchool(db);
    const schoolsBefore = await db.selectFrom('school').selectAll().orderBy('id').execute();
    const { app, uploadDir } = anAppWithOwnUploads(db);

    const res = await attachFiles(
      request(app)
        .post('/api/imports')
        .set(SAME_ORIGIN)
        .set(await authAs(db, referent)),
      files(),
    );

    expect(res.status).toBe(403);
    expect(res.body).toEqual({ error: { code: 'forbidden', message: expect.stringContaining(OTHER) } });
    await expectNothingWritten(db, schoolsBefore);
    expect(await importAudit(db)).toEqual([
      {
        action: 'import.preview',
        outcome: 'denied',
        student_ids: null,
        details: expect.objectContaining({ refusedSchools: [OTHER] }),
      },
    ]);
    expect(uploadsLeft(uploadDir)).toEqual([]);
  });

  test("when a referent uploads loose files of a school not yet registered, then 403 and no school is created (creating one is the admin's)", async () => {
    const db = await createTestDb();
    const { referent } = await referentAndOtherSchool(db);
    const schoolsBefore = await db.selectFrom('school').selectAll().orderBy('id').execute();
    const { app } = anAppWithOwnUploads(db);

    const res = await attachFiles(
      request(app)
        .post('/api/imports')
        .set(SAME_ORIGIN)
        .set(await authAs(db, referent)),
      {
        ...fixtureFiles(''),
        'scuola.csv': `${SCHOOL_HEADER}\n${schoolRow('MCPS09000Z', 'LICEO NUOVO')}\n`,
      },
    );

    expect(res.status).toBe(403);
    expect(res.body.error.message).toMatch(/MCPS09000Z.*amministratore/);
    await expectNothingWritten(db, schoolsBefore);
    expect(await importAudit(db)).toEqual([
      {
        action: 'import.preview',
        outcome: 'denied',
        student_ids: null,
        details: expect.objectContaining({ refusedSchools: ['MCPS09000Z'] }),
      },
    ]);
  });

  test('when the referent loses the school between preview and commit, then the commit is 403, audited, and nothing is written', async () => {
    const db = await createTestDb();
    const other = await aSchool(db, { code: OTHER, name: 'G. GALILEI' });
    const referent = await aUser(db, 'referente', { schoolIds: [other.id] });
    const as = await authAs(db, referent);
    const { app } = anAppWithOwnUploads(db);
    const preview = await attachFiles(request(app).post('/api/imports').set(SAME_ORIGIN).set(as), fixtureFiles());
    expect(preview.status).toBe(201);
    await db.deleteFrom('user_school').where('user_id', '=', referent.id).execute();
    const schoolsBefore = await db.selectFrom('school').selectAll().orderBy('id').execute();

    const commit = await request(app)
      .post(`/api/imports/${preview.body.uploadId}/commit`)
      .set(SAME_ORIGIN)
      .set(as)
      .send({});

    expect(commit.status).toBe(403);
    expect(commit.body.error).toEqual({ code: 'forbidden', message: expect.stringContaining(OTHER) });
    await expectNothingWritten(db, schoolsBefore);
    expect((await importAudit(db)).map((r) => [r.action, r.outcome, r.details.refusedSchools])).toEqual([
      ['import.preview', 'ok', undefined],
      ['import.commit', 'denied', [OTHER]],
    ]);
  });
});

describe('importPaths: scuola.csv names one school', () => {
  test('when scuola.csv has an invalid row and then a valid one, then the whole folder is refused, not the second row imported', async () => {
    const db = await createTestDb();
    const dir = join(mkdtempSync(join(tmpdir(), 'primm-two-schools-')), OWN);
    mkdirSync(dir);
    for (const [name, text] of Object.entries(fixtureFiles(''))) writeFileSync(join(dir, name), text);
    writeFileSync(
      join(dir, 'scuola.csv'),
      `${SCHOOL_HEADER}\n${schoolRow(OWN, 'LICEO MIO', 'RM')}\n${schoolRow(OTHER)}\n`,
    );

    const summary = await importPaths(db, [dir], { pseudonymKey: 'test-key', source: 'cli' });

    expect(summary.errors).toContainEqual({
      file: `${OWN}/scuola.csv`,
      line: 3,
      column: '',
      message: expect.stringMatching(/una sola scuola/),
    });
    expect(summary.inserted).toBe(0);
    expect(await db.selectFrom('school').selectAll().execute()).toEqual([]);
    expect(await db.selectFrom('student').selectAll().execute()).toEqual([]);
  });

  test("when a referent's scope is given and scuola.csv names their school under two columns with two codes, then ImportScopeError names the other", async () => {
    const db = await createTestDb();
    const own = await aSchool(db, { code: OWN });
    await aSchool(db, { code: OTHER });
    const dir = join(mkdtempSync(join(tmpdir(), 'primm-two-codes-')), OWN);
    mkdirSync(dir);
    for (const [name, text] of Object.entries(fixtureFiles(''))) writeFileSync(join(dir, name), text);
    writeFileSync(join(dir, 'scuola.csv'), `Codice scuola;${SCHOOL_HEADER}\n${OTHER};${schoolRow(OWN)}\n`);

    await expect(
      importPaths(db, [dir], { pseudonymKey: 'test-key', source: 'web', scope: { schoolIds: [own.id] }, dryRun: true }),
    ).rejects.toMatchObject({ name: 'ImportScopeError', refused: [{ code: OTHER, known: true }] });
    expect(await db.selectFrom('import_batch').selectAll().execute()).toEqual([]);
  });
});
