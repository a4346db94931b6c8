import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { repoRoot } from '../config';
import { createTestDb } from '../testing/test-db';
import { importPaths } from './import-paths';

const school = resolve(repoRoot, 'fixtures/import/generator-format');
const exports = resolve(repoRoot, 'fixtures/import/class-grade-exports');
const options = { pseudonymKey: 'test-key', source: 'cli' as const };

describe('per-class grade exports', () => {
  test('when voti-3A-*.csv are imported for a known school, then students are matched by name and birth date and the preview lists the matches', async () => {
    const db = await createTestDb();
    await importPaths(db, [school], options);

    const summary = await importPaths(db, [exports], options);

    expect(summary).toMatchObject({ inserted: 5, updated: 0, unchanged: 1, rejected: 2 });
    expect(summary.errors).toEqual([
      {
        file: 'ANPS03000E/voti-3A-MATEMATICA.csv',
        line: 6,
        column: 'Alunno',
        message: 'studente "Rossi Giulia (15/03/2009)" non trovato nella scuola (cognome, nome e data di nascita)',
      },
      {
        file: 'ANPS03000E/voti-3A-MATEMATICA.csv',
        line: 7,
        column: 'Alunno',
        message: 'studente "Verdi Anna (01/01/2009)" non trovato nella scuola (cognome, nome e data di nascita)',
      },
    ]);
    const ids = Object.fromEntries(
      (await db.selectFrom('student').select(['id', 'last_name']).execute()).map((s) => [s.last_name, s.id]),
    );
    expect(summary.matches.map(({ written, studentId, status }) => [written, studentId, status])).toEqual([
      ['Rossi Giulia (14/03/2009)', ids.Rossi, 'matched'],
      ['Hoxha Arben (02/11/2008)', ids.Hoxha, 'matched'],
      ['ROSSI GIULIA (14/03/2009)', ids.Rossi, 'matched'],
      ['Hoxha Arben (02/11/2008)', ids.Hoxha, 'matched'],
      ['Bianchi Nicolo (30/07/2009)', ids.Bianchi, 'matched'],
      ['Bianchi Nicolò (30/07/2009)', ids.Bianchi, 'matched'],
      ['Rossi Giulia (15/03/2009)', null, 'not_found'],
      ['Verdi Anna (01/01/2009)', null, 'not_found'],
    ]);
    const grades = await db
      .selectFrom('grade')
      .innerJoin('student', 'student.id', 'grade.student_id')
      .select(['last_name', 'subject', 'kind', 'raw', 'value', 'in_average'])
      .where('date', '>=', '2025-12-01')
      .where('date', '<=', '2025-12-31')
      .orderBy('date')
      .execute();
    expect(grades).toEqual([
      { last_name: 'Rossi', subject: 'MATEMATICA', kind: 'scritto', raw: '8+', value: 8.25, in_average: 1 },
      { last_name: 'Hoxha', subject: 'MATEMATICA', kind: 'orale', raw: '7½', value: 7.5, in_average: 1 },
      { last_name: 'Bianchi', subject: 'MATEMATICA', kind: 'pratico', raw: '6', value: 6, in_average: 0 },
      { last_name: 'Rossi', subject: 'ITALIANO', kind: 'orale', raw: 'NC', value: null, in_average: 0 },
      { last_name: 'Hoxha', subject: 'ITALIANO', kind: 'scritto', raw: '5-', value: 4.75, in_average: 1 },
    ]);
  });

  test('when the exports are imported again, then nothing changes', async () => {
    const db = await createTestDb();
    await importPaths(db, [school], options);
    await importPaths(db, [exports], options);

    const again = await importPaths(db, [exports], options);

    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 6, rejected: 2 });
  });

  test('when two students of the school share name and birth date, then their rows are rejected as ambiguous, naming the student as written', async () => {
    const db = await createTestDb();
    await importPaths(db, [school], options);
    const rossi = await db.selectFrom('student').selectAll().where('last_name', '=', 'Rossi').executeTakeFirstOrThrow();
    const { id, ...copy } = rossi;
    const twin = await db
      .insertInto('student')
      .values({ ...copy, pseudonym: 'f'.repeat(64) })
      .returning('id')
      .executeTakeFirstOrThrow();
    const enrolment = await db
      .selectFrom('enrolment')
      .selectAll()
      .where('student_id', '=', id)
      .executeTakeFirstOrThrow();
    await db
      .insertInto('enrolment')
      .values({ student_id: twin.id, class_id: enrolment.class_id, entered_on: enrolment.entered_on })
      .execute();
    const dir = mkdtempSync(join(tmpdir(), 'primm-class-grades-'));
    cpSync(exports, dir, { recursive: true });

    const summary = await importPaths(db, [dir], options);

    expect(summary.matches.filter((m) => m.status === 'ambiguous').map((m) => m.written)).toEqual([
      'Rossi Giulia (14/03/2009)',
      'ROSSI GIULIA (14/03/2009)',
    ]);
    expect(summary.errors).toContainEqual({
      file: 'ANPS03000E/voti-3A-MATEMATICA.csv',
      line: 2,
      column: 'Alunno',
      message:
        'studente "ROSSI GIULIA (14/03/2009)" ambiguo: più studenti della scuola con questo nome e data di nascita',
    });
    expect(summary).toMatchObject({ inserted: 3, rejected: 4 });
  });
});
