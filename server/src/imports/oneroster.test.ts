import { createWriteStream, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import yazl from 'yazl';
import { repoRoot } from '../config';
import { createTestDb } from '../testing/test-db';
import { importPaths } from './import-paths';

const bundle = resolve(repoRoot, 'fixtures/import/oneroster/bundle');
const options = { pseudonymKey: 'test-key', source: 'cli' as const };

/** The fixture bundle as a zip, files at the root as platforms export them. */
async function zipOfBundle(): Promise<string> {
  const path = join(mkdtempSync(join(tmpdir(), 'primm-oneroster-zip-')), 'oneroster.zip');
  const zip = new yazl.ZipFile();
  for (const name of readdirSync(bundle)) zip.addFile(join(bundle, name), name);
  zip.end();
  await new Promise<void>((ok, fail) => zip.outputStream.pipe(createWriteStream(path)).on('close', ok).on('error', fail));
  return path;
}

const expectedErrors = (file: string) => [
  { file: `${file}/users.csv`, line: 4, column: 'demographics', message: 'studente Verdi Luca: sesso e data di nascita servono e mancano (demographics.csv assente per lo studente)' },
  { file: `${file}/users.csv`, line: 5, column: 'identifier', message: 'studente Costa Sara: codice fiscale assente o non valido (in identifier o userIds)' },
  { file: `${file}/results.csv`, line: 7, column: 'score', message: 'punteggio non valido: "120" (massimo 100)' },
];

describe('OneRoster 1.1 CSV bundle', () => {
  test.each([
    ['folder', async () => bundle, 'bundle'],
    ['zip', zipOfBundle, 'oneroster.zip'],
  ])('when the bundle comes as a %s, then school, year, terms, classes, students and grades are imported as the README says', async (_kind, pathOf, label) => {
    const db = await createTestDb();
    const path = await pathOf();

    const summary = await importPaths(db, [path], options);

    expect(summary).toMatchObject({ schools: 1, inserted: 11, updated: 0, unchanged: 0, rejected: 3 });
    expect(summary.errors).toEqual(expectedErrors(label));
    expect(summary.warnings.map((w) => w.message)).toEqual([
      'OneRoster non contiene le assenze: nessuna assenza importata da questo pacchetto',
      "scuola ANPS03000E non ancora nel registro: tipologia e comune mancano (importate prima l'anagrafe del Ministero)",
      "OneRoster non indica l'orario delle classi: preso il valore predefinito 30 ore settimanali (6-6-6-6-6-0), monte ore annuo 33 × 30 = 990",
      'punteggi con resultValueMax 100 riportati in decimi (punteggio × 10 / 100)',
    ]);
    expect(await db.selectFrom('class').select(['name', 'grade_level', 'timetable', 'weekly_hours', 'annual_hours']).orderBy('name').execute()).toEqual([
      { name: '3A', grade_level: 3, timetable: '6-6-6-6-6-0', weekly_hours: 30, annual_hours: 990 },
      { name: '4B', grade_level: 4, timetable: '6-6-6-6-6-0', weekly_hours: 30, annual_hours: 990 },
    ]);
    expect(await db.selectFrom('term').select(['seq', 'name', 'starts_on', 'ends_on']).orderBy('seq').execute()).toEqual([
      { seq: 1, name: 'Primo quadrimestre', starts_on: '2025-09-15', ends_on: '2026-01-31' },
      { seq: 2, name: 'Secondo quadrimestre', starts_on: '2026-02-01', ends_on: '2026-06-06' },
    ]);
    expect(await db.selectFrom('student').select(['last_name', 'sex', 'birth_date', 'born_in_italy', 'citizenship']).orderBy('last_name').execute()).toEqual([
      { last_name: 'Hoxha', sex: 'M', birth_date: '2008-11-02', born_in_italy: 0, citizenship: 'non indicata' },
      { last_name: 'Rossi', sex: 'F', birth_date: '2009-03-14', born_in_italy: 1, citizenship: 'non indicata' },
    ]);
    expect(await db.selectFrom('grade').innerJoin('student', 'student.id', 'grade.student_id')
      .select(['last_name', 'subject', 'date', 'value', 'in_average']).orderBy('date').orderBy('last_name').execute()).toEqual([
      { last_name: 'Hoxha', subject: 'MATEMATICA', date: '2025-11-14', value: 5.5, in_average: 1 }, // 55/100
      { last_name: 'Rossi', subject: 'MATEMATICA', date: '2025-11-14', value: 8.2, in_average: 1 }, // 82/100
      { last_name: 'Rossi', subject: 'ITALIANO', date: '2025-11-20', value: 7.5, in_average: 1 }, // already 0–10
    ]);
    expect(await db.selectFrom('attendance_event').selectAll().execute()).toEqual([]);
  });

  test('when the bundle is imported again, then nothing changes', async () => {
    const db = await createTestDb();
    await importPaths(db, [bundle], options);

    const again = await importPaths(db, [bundle], options);

    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 11, rejected: 3 });
  });
});
