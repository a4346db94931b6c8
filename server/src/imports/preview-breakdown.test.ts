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
import { importPaths, type ImportSummary } from './import-paths';
import { pseudonymize } from './pseudonym';
import { anAppWithOwnUploads, attachFiles, fixtureFiles } from '../testing/uploads';

const fixture = resolve(repoRoot, 'fixtures/import/generator-format/ANPS03000E');
const ROSSI_CF = 'RSSGLI09C54A271T';

/** A copy of the fixture school whose files the test may edit: `edit(name, text → text)`. */
function fixtureCopy(): { dir: string; edit: (name: string, change: (text: string) => string) => void } {
  const dir = join(mkdtempSync(join(tmpdir(), 'primm-breakdown-')), 'ANPS03000E');
  cpSync(fixture, dir, { recursive: true });
  return { dir, edit: (name, change) => writeFileSync(join(dir, name), change(readFileSync(join(dir, name), 'utf8'))) };
}

const run = (db: Db, dir: string, dryRun: boolean) =>
  importPaths(db, [dir], { pseudonymKey: testConfig.pseudonymKey, source: 'cli', dryRun });
const fileOf = (summary: ImportSummary, name: string) =>
  summary.fileSummaries.find((f) => f.file === `ANPS03000E/${name}`)!;

describe('import preview: the breakdown by file', () => {
  test('when the fixture school is previewed into an empty database, then each file has its counts and the days it covers', async () => {
    const db = await createTestDb();

    const summary = await run(db, fixture, true);

    expect(
      summary.fileSummaries.map((f) => [
        f.file.split('/')[1],
        f.kind,
        f.inserted,
        f.updated,
        f.unchanged,
        f.rejected,
        f.dateFrom,
        f.dateTo,
      ]),
    ).toEqual([
      ['scuola.csv', 'scuola', 1, 0, 0, 0, null, null],
      ['calendario.csv', 'calendario', 10, 0, 0, 0, '2025-09-15', '2026-06-06'],
      ['classi.csv', 'classi', 1, 0, 0, 0, null, null],
      ['studenti.csv', 'studenti', 3, 0, 0, 0, '2025-09-15', '2025-09-15'],
      ['assenze.csv', 'assenze', 2, 0, 0, 0, '2025-10-03', '2025-10-06'],
      ['voti.csv', 'voti', 6, 0, 0, 0, '2025-11-14', '2026-01-30'],
      ['esiti.csv', 'esiti', 3, 0, 0, 0, null, null],
    ]);
    // The file totals are the import's totals.
    expect(summary.fileSummaries.reduce((n, f) => n + f.inserted, 0)).toBe(summary.inserted);
    expect(summary.missingStudents).toEqual([]);
  });

  test('when the same files are previewed again, then every file is unchanged and no update has a reason to show', async () => {
    const db = await createTestDb();
    await run(db, fixture, false);

    const summary = await run(db, fixture, true);

    expect(summary.updated).toBe(0);
    expect(
      summary.fileSummaries.every(
        (f) => f.inserted === 0 && f.updated === 0 && f.changedColumns.length === 0 && f.samples.length === 0,
      ),
    ).toBe(true);
  });

  test('when a re-imported file changes a justification and a grade, then each update names its line and its columns, old → new', async () => {
    const db = await createTestDb();
    await run(db, fixture, false);
    const copy = fixtureCopy();
    copy.edit('assenze.csv', (t) =>
      t.replace('06/10/2025;entrata posticipata;1;N;', '06/10/2025;entrata posticipata;1;S;'),
    );
    copy.edit('voti.csv', (t) => t.replace('14/11/2025;MATEMATICA;Scritto;6+', '14/11/2025;MATEMATICA;Scritto;7'));

    const summary = await run(db, copy.dir, true);

    expect(fileOf(summary, 'assenze.csv')).toMatchObject({
      updated: 1,
      unchanged: 1,
      changedColumns: [{ column: 'Giustificata', rows: 1 }],
      samples: [{ line: 3, changes: [{ column: 'Giustificata', from: 'N', to: 'S', shown: true }] }],
    });
    expect(fileOf(summary, 'voti.csv')).toMatchObject({
      updated: 1,
      samples: [
        {
          line: 2,
          changes: [
            { column: 'Voto', from: '6+', to: '7', shown: true },
            { column: 'Voto (valore numerico)', from: '6,25', to: '7', shown: true },
          ],
        },
      ],
    });
    expect(summary.updated).toBe(2);
  });

  test('when a student of the school changes name, then studenti.csv shows Cognome old → new', async () => {
    const db = await createTestDb();
    await run(db, fixture, false);
    const copy = fixtureCopy();
    copy.edit('studenti.csv', (t) => t.replace(`${ROSSI_CF};Rossi;Giulia`, `${ROSSI_CF};Rossi Bruni;Giulia`));

    const summary = await run(db, copy.dir, true);

    expect(fileOf(summary, 'studenti.csv').samples).toEqual([
      { line: 2, changes: [{ column: 'Cognome', from: 'Rossi', to: 'Rossi Bruni', shown: true }] },
    ]);
  });

  test('when a student comes from another school that recorded the exit, then the columns that change are named and their values are not shown', async () => {
    const db = await createTestDb();
    const other = await aSchool(db, { code: 'MCPS02000B', name: 'LICEO ALTRO' });
    const created = await aStudent(db, { last_name: 'Rossi', first_name: 'Giulia Maria' });
    await db
      .updateTable('student')
      .set({
        pseudonym: pseudonymize(ROSSI_CF, testConfig.pseudonymKey),
        birth_date: '2009-03-14',
        birthplace: 'ANCONA',
        residence_istat: '041044',
      })
      .where('id', '=', created.id)
      .execute();
    await anEnrolment(db, created.id, (await aClass(db, other.id, { name: '3C' })).id, {
      entered_on: '2025-09-01',
      left_on: '2025-09-10',
    });

    const summary = await run(db, fixture, true);

    expect(fileOf(summary, 'studenti.csv').changedColumns).toEqual([
      { column: 'Comune di residenza', rows: 1 },
      { column: 'Nome', rows: 1 },
    ]);
    expect(JSON.stringify(summary.fileSummaries)).not.toMatch(/Giulia Maria|041044/);
  });
});

describe('import preview: students missing from a new studenti.csv', () => {
  test('when studenti.csv leaves out a student the school holds, then the preview names them (a student who left is not missing)', async () => {
    const db = await createTestDb();
    await run(db, fixture, false);
    const copy = fixtureCopy();
    // Hoxha (enrolled) and Bianchi (left on 20/02/2026) both absent from the new file.
    copy.edit('studenti.csv', (t) =>
      t
        .split('\n')
        .filter((l) => !/^(HXHRBN|BNCNCL)/.test(l))
        .join('\n'),
    );
    copy.edit('assenze.csv', (t) =>
      t
        .split('\n')
        .filter((l) => !l.startsWith('HXHRBN'))
        .join('\n'),
    );
    copy.edit('voti.csv', (t) =>
      t
        .split('\n')
        .filter((l) => !/^(HXHRBN|BNCNCL)/.test(l))
        .join('\n'),
    );
    copy.edit('esiti.csv', (t) =>
      t
        .split('\n')
        .filter((l) => !/^(HXHRBN|BNCNCL)/.test(l))
        .join('\n'),
    );
    const hoxha = await db
      .selectFrom('student')
      .select('id')
      .where('last_name', '=', 'Hoxha')
      .executeTakeFirstOrThrow();

    const summary = await run(db, copy.dir, true);

    expect(summary.missingStudents).toEqual([
      {
        file: 'ANPS03000E/studenti.csv',
        school: { code: 'ANPS03000E', name: 'G. GALILEI' },
        count: 1,
        students: [{ lastName: 'Hoxha', firstName: 'Arben', className: '3A' }],
      },
    ]);
    expect(summary.missingStudentIds).toEqual([hoxha.id]);
  });

  test('when a referent previews the file, then the answer lists the missing student and the audit line names them', async () => {
    const db = await createTestDb();
    await run(db, fixture, false);
    const referent = await aUser(db, 'referente', {
      schoolIds: [(await db.selectFrom('school').select('id').executeTakeFirstOrThrow()).id],
    });
    const files = fixtureFiles();
    files['ANPS03000E/studenti.csv'] = files['ANPS03000E/studenti.csv']!.split('\n')
      .filter((l) => !l.startsWith('HXHRBN'))
      .join('\n');
    const hoxha = await db
      .selectFrom('student')
      .select('id')
      .where('last_name', '=', 'Hoxha')
      .executeTakeFirstOrThrow();

    const res = await attachFiles(
      request(anAppWithOwnUploads(db).app)
        .post('/api/imports')
        .set(SAME_ORIGIN)
        .set(await authAs(db, referent)),
      files,
    );

    expect(res.status).toBe(201);
    expect(res.body.missingStudents).toEqual([
      expect.objectContaining({ count: 1, students: [{ lastName: 'Hoxha', firstName: 'Arben', className: '3A' }] }),
    ]);
    expect(res.body.fileSummaries.map((f: { file: string }) => f.file)).toContain('ANPS03000E/studenti.csv');
    const row = await db
      .selectFrom('audit_log')
      .select('student_ids')
      .where('action', '=', 'import.preview')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(row.student_ids!)).toContain(hoxha.id);
    expect(await db.selectFrom('enrolment').select('left_on').where('student_id', '=', hoxha.id).execute()).toEqual([
      { left_on: null },
    ]);
  });
});

describe('import: outcomes another school recorded (issue 20: "43 rows to update" on unchanged files)', () => {
  /** Rossi's 2024/25 outcome as another school recorded it, before the fixture school imports its own history. */
  async function outcomeOfAnotherSchool(db: Db, result: 'ammesso' | 'non_ammesso') {
    const other = await aSchool(db, { code: 'MCPS02000B', name: 'LICEO ALTRO' });
    const created = await aStudent(db, { last_name: 'Rossi', first_name: 'Giulia' });
    await db
      .updateTable('student')
      .set({ pseudonym: pseudonymize(ROSSI_CF, testConfig.pseudonymKey), birth_date: '2009-03-14' })
      .where('id', '=', created.id)
      .execute();
    await anEnrolment(db, created.id, (await aClass(db, other.id, { name: '3C' })).id, {
      entered_on: '2025-09-01',
      left_on: '2025-09-10',
    });
    await db
      .insertInto('outcome')
      .values({
        student_id: created.id,
        school_id: other.id,
        school_year: '2024/25',
        grade_level: 2,
        period: 'finale',
        result,
        failed_subjects: null,
        import_batch_id: null,
      })
      .execute();
    return { other, studentId: created.id };
  }

  test("when the school lists the same past outcome, then the other school's row stays theirs and a re-import changes nothing", async () => {
    const db = await createTestDb();
    const { other, studentId } = await outcomeOfAnotherSchool(db, 'ammesso');

    const first = await run(db, fixture, false);
    const again = await run(db, fixture, true);

    expect(fileOf(first, 'esiti.csv')).toMatchObject({ inserted: 2, updated: 0, unchanged: 1 });
    expect(fileOf(again, 'esiti.csv')).toMatchObject({ inserted: 0, updated: 0, unchanged: 3 });
    expect(again.updated).toBe(0);
    expect(
      await db.selectFrom('outcome').select(['school_id', 'result']).where('student_id', '=', studentId).execute(),
    ).toEqual([{ school_id: other.id, result: 'ammesso' }]);
  });

  test("when the school's file says otherwise, then the other school's row is left as it is and a warning says so", async () => {
    const db = await createTestDb();
    const { other, studentId } = await outcomeOfAnotherSchool(db, 'non_ammesso');

    const summary = await run(db, fixture, false);

    expect(summary.warnings).toContainEqual({
      file: 'ANPS03000E/esiti.csv',
      line: 0,
      column: '',
      message: expect.stringMatching(/^un esito è già registrato da un'altra scuola/),
    });
    expect(
      await db.selectFrom('outcome').select(['school_id', 'result']).where('student_id', '=', studentId).execute(),
    ).toEqual([{ school_id: other.id, result: 'non_ammesso' }]);
  });
});
