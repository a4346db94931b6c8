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

/** A fixture bundle as a zip, files at the root as platforms export them. */
async function zipOfBundle(dir = bundle): Promise<string> {
  const path = join(mkdtempSync(join(tmpdir(), 'primm-oneroster-zip-')), 'oneroster.zip');
  const zip = new yazl.ZipFile();
  for (const name of readdirSync(dir)) zip.addFile(join(dir, name), name);
  zip.end();
  await new Promise<void>((ok, fail) =>
    zip.outputStream.pipe(createWriteStream(path)).on('close', ok).on('error', fail),
  );
  return path;
}

const expectedErrors = (file: string) => [
  {
    file: `${file}/users.csv`,
    line: 4,
    column: 'demographics',
    message:
      'studente Verdi Luca: sesso e data di nascita servono e mancano (demographics.csv assente per lo studente)',
  },
  {
    file: `${file}/users.csv`,
    line: 5,
    column: 'identifier',
    message: 'studente Costa Sara: codice fiscale assente o non valido (in identifier o userIds)',
  },
  { file: `${file}/results.csv`, line: 7, column: 'score', message: 'punteggio non valido: "120" (massimo 100)' },
];

describe('OneRoster 1.1 CSV bundle', () => {
  test.each([
    ['folder', async () => bundle, 'bundle'],
    ['zip', () => zipOfBundle(), 'oneroster.zip'],
  ])(
    'when the bundle comes as a %s, then school, year, terms, classes, students and grades are imported as the README says',
    async (_kind, pathOf, label) => {
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
      expect(
        await db
          .selectFrom('class')
          .select(['name', 'grade_level', 'timetable', 'weekly_hours', 'annual_hours'])
          .orderBy('name')
          .execute(),
      ).toEqual([
        { name: '3A', grade_level: 3, timetable: '6-6-6-6-6-0', weekly_hours: 30, annual_hours: 990 },
        { name: '4B', grade_level: 4, timetable: '6-6-6-6-6-0', weekly_hours: 30, annual_hours: 990 },
      ]);
      expect(
        await db.selectFrom('term').select(['seq', 'name', 'starts_on', 'ends_on']).orderBy('seq').execute(),
      ).toEqual([
        { seq: 1, name: 'Primo quadrimestre', starts_on: '2025-09-15', ends_on: '2026-01-31' },
        { seq: 2, name: 'Secondo quadrimestre', starts_on: '2026-02-01', ends_on: '2026-06-06' },
      ]);
      expect(
        await db
          .selectFrom('student')
          .select(['last_name', 'sex', 'birth_date', 'born_in_italy', 'citizenship'])
          .orderBy('last_name')
          .execute(),
      ).toEqual([
        { last_name: 'Hoxha', sex: 'M', birth_date: '2008-11-02', born_in_italy: 0, citizenship: 'non indicata' },
        { last_name: 'Rossi', sex: 'F', birth_date: '2009-03-14', born_in_italy: 1, citizenship: 'non indicata' },
      ]);
      expect(
        await db
          .selectFrom('grade')
          .innerJoin('student', 'student.id', 'grade.student_id')
          .select(['last_name', 'subject', 'date', 'value', 'in_average'])
          .orderBy('date')
          .orderBy('last_name')
          .execute(),
      ).toEqual([
        { last_name: 'Hoxha', subject: 'MATEMATICA', date: '2025-11-14', value: 5.5, in_average: 1 }, // 55/100
        { last_name: 'Rossi', subject: 'MATEMATICA', date: '2025-11-14', value: 8.2, in_average: 1 }, // 82/100
        { last_name: 'Rossi', subject: 'ITALIANO', date: '2025-11-20', value: 7.5, in_average: 1 }, // already 0–10
      ]);
      expect(await db.selectFrom('attendance_event').selectAll().execute()).toEqual([]);
    },
  );

  test('when the bundle is imported again, then nothing changes', async () => {
    const db = await createTestDb();
    await importPaths(db, [bundle], options);

    const again = await importPaths(db, [bundle], options);

    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 11, rejected: 3 });
  });
});

const wild = (name: string) => resolve(repoRoot, 'fixtures/import/oneroster-wild', name);
const NO_ATTENDANCE = 'OneRoster non contiene le assenze: nessuna assenza importata da questo pacchetto';
const DEFAULT_HOURS =
  "OneRoster non indica l'orario delle classi: preso il valore predefinito 30 ore settimanali (6-6-6-6-6-0), monte ore annuo 33 × 30 = 990";
const notInRegistry = (code: string) =>
  `scuola ${code} non ancora nel registro: tipologia e comune mancano (importate prima l'anagrafe del Ministero)`;

/** fixtures/import/oneroster-wild/README.md: each bundle as platforms write them, and what it gives. */
describe('OneRoster as found in the wild', () => {
  test.each([
    {
      bundle: 'department-only', // 1.1, an IMS-sample-like bundle whose only org is a department
      counts: { inserted: 0, updated: 0, unchanged: 0, rejected: 1 },
      errors: [
        {
          file: 'department-only/orgs.csv',
          line: 0,
          column: 'type',
          message:
            'nessuna organizzazione di tipo school in orgs.csv (trovate: 1 di tipo department): serve almeno una riga con type school e identifier uguale al codice meccanografico della scuola',
        },
      ],
      warnings: [`department-only/manifest.csv: ${NO_ATTENDANCE}`],
      nothingImported:
        'Nessuna riga importata: 7 righe lette, 1 scartata per errore (vedi gli errori), 3 lasciate da parte (department-only/orgs.csv: 1 di tipo department (non school); department-only/users.csv: 1 con ruolo teacher; department-only/enrollments.csv: 1 con ruolo teacher)',
      students: [],
      classes: [],
    },
    {
      bundle: '1.0-no-manifest', // CRLF, no final newline, metadata.* columns, singular grade/termSourcedId/userId, tobedeleted rows
      counts: { inserted: 5, updated: 0, unchanged: 0, rejected: 0 }, // school, lesson period, 2A, Rossi, Hoxha
      errors: [],
      warnings: [
        '1.0-no-manifest/users.csv: utenti non importati perché né studenti né docenti: 1 administrator, 1 guardian, 1 parent',
        `1.0-no-manifest/orgs.csv: ${NO_ATTENDANCE}`,
        `1.0-no-manifest/orgs.csv: ${notInRegistry('MCTD01000A')}`,
        `1.0-no-manifest/classes.csv: ${DEFAULT_HOURS}`,
      ],
      nothingImported: null,
      students: [
        { last_name: 'Hoxha', birth_date: '2008-11-02' },
        { last_name: 'Rossi', birth_date: '2009-03-14' },
      ], // Verdi: tobedeleted
      classes: [{ name: '2A', grade_level: 2 }], // 2B: tobedeleted
    },
    {
      bundle: '1.2-roles', // roles in roles.csv (a secondary role does not hide the primary aide), userProfiles.csv ignored
      counts: { inserted: 5, updated: 0, unchanged: 0, rejected: 0 }, // school, lesson period + 1 term, 5C, Rossi
      errors: [],
      warnings: [
        '1.2-roles/users.csv: utenti non importati perché né studenti né docenti: 1 aide',
        `1.2-roles/manifest.csv: ${NO_ATTENDANCE}`,
        `1.2-roles/orgs.csv: ${notInRegistry('PUPS02000B')}`,
        `1.2-roles/classes.csv: ${DEFAULT_HOURS}`,
      ],
      nothingImported: null,
      students: [{ last_name: 'Rossi', birth_date: '2007-03-14' }],
      classes: [{ name: '5C', grade_level: 5 }],
    },
  ])('when the bundle is $bundle, then the counts, errors, warnings and rows are as its README says', async (c) => {
    const db = await createTestDb();

    const summary = await importPaths(db, [wild(c.bundle)], options);

    expect(summary).toMatchObject(c.counts);
    expect(summary.errors).toEqual(c.errors);
    expect(summary.warnings.map((w) => `${w.file}: ${w.message}`)).toEqual(c.warnings);
    expect(summary.nothingImported).toBe(c.nothingImported);
    expect(await db.selectFrom('student').select(['last_name', 'birth_date']).orderBy('last_name').execute()).toEqual(
      c.students,
    );
    expect(await db.selectFrom('class').select(['name', 'grade_level']).orderBy('name').execute()).toEqual(c.classes);
  });

  test('when a 1.0 bundle without manifest.csv comes as a zip, then it is recognised and imported', async () => {
    const db = await createTestDb();

    const summary = await importPaths(db, [await zipOfBundle(wild('1.0-no-manifest'))], options);

    expect(summary).toMatchObject({ inserted: 5, rejected: 0, nothingImported: null });
  });

  test('when the users left aside are counted, then the breakdown gives rows read and skipped by reason per file', async () => {
    const db = await createTestDb();

    const summary = await importPaths(db, [wild('1.0-no-manifest')], options);

    expect(
      summary.fileSummaries
        .filter((f) => f.file.startsWith('1.0-no-manifest/'))
        .map(({ file, read, skipped }) => ({ file, read, skipped })),
    ).toEqual([
      { file: '1.0-no-manifest/orgs.csv', read: 2, skipped: [{ reason: 'di tipo district (non school)', rows: 1 }] },
      { file: '1.0-no-manifest/academicSessions.csv', read: 1, skipped: [] },
      { file: '1.0-no-manifest/classes.csv', read: 2, skipped: [{ reason: 'con status tobedeleted', rows: 1 }] },
      {
        file: '1.0-no-manifest/users.csv',
        read: 7,
        skipped: [
          { reason: 'con status tobedeleted', rows: 1 },
          { reason: 'con ruolo teacher', rows: 1 },
          { reason: 'con ruolo parent', rows: 1 },
          { reason: 'con ruolo guardian', rows: 1 },
          { reason: 'con ruolo administrator', rows: 1 },
        ],
      },
      { file: '1.0-no-manifest/demographics.csv', read: 2, skipped: [] },
      {
        file: '1.0-no-manifest/enrollments.csv',
        read: 4,
        skipped: [
          { reason: 'con status tobedeleted', rows: 1 },
          { reason: 'con ruolo teacher', rows: 1 },
        ],
      },
    ]);
  });
});
