import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { sql } from 'kysely';
import { describe, expect, test } from 'vitest';
import { checkCharacter } from '@primm/shared/codice-fiscale';
import { repoRoot } from '../config';
import { lockForImport } from '../db/advisory-locks';
import { anotherInstanceOf, createTestDb, onPostgres } from '../testing/test-db';
import { importPaths } from './import-paths';

const fixture = resolve(repoRoot, 'fixtures/import/generator-format');
const options = { pseudonymKey: 'test-key', source: 'cli' as const };

/** A private copy of the fixture folder, so a test can spoil it. */
function copyFixture(): string {
  const dir = mkdtempSync(join(tmpdir(), 'primm-import-'));
  cpSync(fixture, dir, { recursive: true });
  return dir;
}

describe('importPaths', () => {
  test('when the fixture school is imported into an empty database, then every row is inserted as documented', async () => {
    const db = await createTestDb();

    const summary = await importPaths(db, [fixture], options);

    expect(summary).toMatchObject({ schools: 1, inserted: 26, updated: 0, unchanged: 0, rejected: 0, errors: [] });
    expect(
      await db
        .selectFrom('student')
        .select(['last_name', 'citizenship', 'born_in_italy', 'l2_level'])
        .orderBy('last_name')
        .execute(),
    ).toEqual([
      { last_name: 'Bianchi', citizenship: 'Italia', born_in_italy: 1, l2_level: null },
      { last_name: 'Hoxha', citizenship: 'Albania', born_in_italy: 0, l2_level: 'B1' },
      { last_name: 'Rossi', citizenship: 'Italia', born_in_italy: 1, l2_level: null },
    ]);
    const grades = await db
      .selectFrom('grade')
      .select(['subject', 'raw', 'value', 'in_average', 'is_conduct', 'judgement'])
      .orderBy('date')
      .execute();
    expect(grades).toEqual([
      { subject: 'MATEMATICA', raw: '6+', value: 6.25, in_average: 1, is_conduct: 0, judgement: null },
      { subject: 'ITALIANO', raw: '5½', value: 5.5, in_average: 1, is_conduct: 0, judgement: null },
      { subject: 'RELIGIONE CATTOLICA', raw: 'buono', value: null, in_average: 0, is_conduct: 0, judgement: 'buono' },
      { subject: 'FISICA', raw: '7/8', value: 7.5, in_average: 1, is_conduct: 0, judgement: null },
      { subject: 'MATEMATICA', raw: 'NC', value: null, in_average: 0, is_conduct: 0, judgement: null },
      { subject: 'COMPORTAMENTO', raw: '8', value: 8, in_average: 0, is_conduct: 1, judgement: null },
    ]);
    expect(
      await db.selectFrom('enrolment').select(['left_on', 'exit_reason']).where('left_on', 'is not', null).execute(),
    ).toEqual([{ left_on: '2026-02-20', exit_reason: 'trasferito' }]);
    expect(await db.selectFrom('import_batch').select(['status', 'inserted', 'rejected']).execute()).toEqual([
      { status: 'committed', inserted: 26, rejected: 0 },
    ]);
  });

  test('when the codice fiscale is imported, then only its HMAC pseudonym is stored', async () => {
    const db = await createTestDb();

    await importPaths(db, [fixture], options);

    const dump = JSON.stringify(await db.selectFrom('student').selectAll().execute());
    expect(dump).not.toContain('RSSGLI09C54A271T');
    expect(dump).toMatch(/"pseudonym":"[0-9a-f]{64}"/);
  });

  test('when the same files are imported twice, then the second import changes nothing', async () => {
    const db = await createTestDb();
    await importPaths(db, [fixture], options);

    const again = await importPaths(db, [fixture], options);

    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 26, rejected: 0 });
    expect(
      await db
        .selectFrom('grade')
        .select(({ fn }) => fn.countAll().as('n'))
        .executeTakeFirst(),
    ).toEqual({ n: 6 });
  });

  test('when a corrected file changes one grade, then exactly that row is updated', async () => {
    const db = await createTestDb();
    const dir = copyFixture();
    await importPaths(db, [dir], options);
    const voti = join(dir, 'ANPS03000E', 'voti.csv');
    writeFileSync(voti, readFileSync(voti, 'utf8').replace('MATEMATICA;Scritto;6+', 'MATEMATICA;Scritto;7-'));

    const summary = await importPaths(db, [dir], options);

    expect(summary).toMatchObject({ inserted: 0, updated: 1, unchanged: 25 });
    expect(
      await db
        .selectFrom('grade')
        .select(['raw', 'value'])
        .where('subject', '=', 'MATEMATICA')
        .where('kind', '=', 'scritto')
        .orderBy('date')
        .execute(),
    ).toEqual([
      { raw: '7-', value: 6.75 },
      { raw: 'NC', value: null },
    ]);
  });

  test('when a new student has two lines (left and re-entered), then one student with two enrolments, and a re-import changes nothing', async () => {
    const db = await createTestDb();
    const dir = copyFixture();
    const cf = `VRDLRA09A41A271${checkCharacter('VRDLRA09A41A271')}`;
    appendFileSync(
      join(dir, 'ANPS03000E', 'studenti.csv'),
      [
        `${cf};Verdi;Laura;F;01/01/2009;ANCONA;Italia;S;;;042002;3A;15/09/2025;31/10/2025;ritirato`,
        `${cf};Verdi;Laura;F;01/01/2009;ANCONA;Italia;S;;;042002;3A;10/11/2025;;`,
        '',
      ].join('\n'),
    );

    const summary = await importPaths(db, [dir], options);

    expect(summary).toMatchObject({ inserted: 28, rejected: 0 });
    const students = await db
      .selectFrom('student')
      .select(['id', 'residence_istat'])
      .where('last_name', '=', 'Verdi')
      .execute();
    expect(students).toEqual([{ id: expect.any(Number), residence_istat: '042002' }]);
    expect(
      await db
        .selectFrom('enrolment')
        .select(['entered_on', 'left_on'])
        .where('student_id', '=', students[0]!.id)
        .orderBy('entered_on')
        .execute(),
    ).toEqual([
      { entered_on: '2025-09-15', left_on: '2025-10-31' },
      { entered_on: '2025-11-10', left_on: null },
    ]);
    expect(await importPaths(db, [dir], options)).toMatchObject({ inserted: 0, updated: 0, unchanged: 28 });
  });

  test('when the files are committed, then the risk of the school is computed after, in its own transaction, with its own progress', async () => {
    const db = await createTestDb();
    const progress: unknown[] = [];

    await importPaths(db, [fixture], { ...options, onProgress: (p) => progress.push(p) });

    expect(progress).toEqual([
      { phase: 'import', school: 'ANPS03000E', done: 1, total: 1 },
      { phase: 'risk', school: 'ANPS03000E', done: 0, total: 1 },
    ]);

    // Rossi and Hoxha; Bianchi left for another school in February.
    expect(
      await db
        .selectFrom('risk_result')
        .select(({ fn }) => fn.countAll<number>().as('n'))
        .executeTakeFirst(),
    ).toEqual({ n: 2 });
  });

  test.skipIf(onPostgres)(
    'when the risk recompute fails after the commit, then the data stays and the summary says it will be redone',
    async () => {
      const db = await createTestDb();
      await sql`create trigger no_risk before insert on risk_result begin select raise(abort, 'disco pieno'); end`.execute(
        db,
      );

      const summary = await importPaths(db, [fixture], options);

      expect(summary).toMatchObject({ inserted: 26, rejected: 0 });
      expect(summary.warnings).toEqual([
        {
          file: '',
          line: 0,
          column: '',
          message: expect.stringContaining('ricalcolo del rischio non riuscito (disco pieno)'),
        },
      ]);
      expect(await db.selectFrom('import_batch').select('status').execute()).toEqual([{ status: 'committed' }]);
      expect(
        await db
          .selectFrom('student')
          .select(({ fn }) => fn.countAll<number>().as('n'))
          .executeTakeFirst(),
      ).toEqual({ n: 3 });
    },
  );

  test.runIf(onPostgres)(
    'on PostgreSQL, when another import holds the lock, then a new import waits before it takes a batch id: batch ids follow the order imports are applied in',
    async () => {
      const db = await createTestDb();
      const other = await anotherInstanceOf(db);
      let release!: () => void;
      const released = new Promise<void>((r) => (release = r));
      let holderPid!: number;
      let locked!: () => void;
      const lockTaken = new Promise<void>((r) => (locked = r));
      // The other "import" takes the lock, waits until ours is queued behind it, then writes its batch.
      const holder = other.transaction().execute(async (trx) => {
        await lockForImport(trx);
        holderPid = (await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(trx)).rows[0]!.pid;
        locked();
        await released;
        return (
          await trx
            .insertInto('import_batch')
            .values({ started_at: '2026-01-01T00:00:00Z', source: 'cli', status: 'committed', files: '[]' })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id;
      });
      await lockTaken;
      const ours = importPaths(db, [fixture], options);
      for (;;) {
        const { rows } = await sql<{ n: number }>`select count(*)::int as n from pg_locks
          where locktype = 'advisory' and not granted and ${holderPid}::int = any(pg_blocking_pids(pid))`.execute(db);
        if (rows[0]!.n > 0) break;
        await new Promise((r) => setTimeout(r, 20));
      }
      release();
      const holderBatch = await holder;
      await ours;

      const batches = await db.selectFrom('import_batch').select(['id', 'files']).orderBy('id').execute();
      expect(batches.map((b) => b.id)).toEqual([holderBatch, holderBatch + 1]);
      expect(batches[1]!.files).not.toBe('[]');
      await other.destroy();
    },
  );

  test('when rows are wrong, then each is rejected with file, line, column and an Italian reason, and the good rows are kept', async () => {
    const db = await createTestDb();
    const dir = copyFixture();
    const school = join(dir, 'ANPS03000E');
    appendFileSync(
      join(school, 'assenze.csv'),
      [
        'RSSGLI09C54A271T;08/12/2025;assenza;6;S;', // Immacolata: no lessons
        'RSSGLI09C54A271T;09/12/2025;assenza;7;S;', // 7 hours on a 6-hour day
        'RSSGLI09C54A271A;10/12/2025;assenza;6;S;', // wrong check character
        'BNCNCL09L30E388Z;02/03/2026;assenza;6;S;', // after his transfer
        '',
      ].join('\n'),
    );
    appendFileSync(join(school, 'voti.csv'), 'RSSGLI09C54A271T;15/12/2025;MATEMATICA;Scritto;11\n');

    const summary = await importPaths(db, [dir], options);

    expect(summary.rejected).toBe(5);
    expect(summary.inserted).toBe(26);
    expect(summary.errors).toEqual([
      { file: 'ANPS03000E/assenze.csv', line: 4, column: 'Data', message: 'non è un giorno di lezione della classe' },
      {
        file: 'ANPS03000E/assenze.csv',
        line: 5,
        column: 'Ore',
        message: 'ore di assenza (7) oltre le ore di lezione del giorno (6)',
      },
      { file: 'ANPS03000E/assenze.csv', line: 6, column: 'Codice fiscale', message: 'codice fiscale non valido' },
      {
        file: 'ANPS03000E/assenze.csv',
        line: 7,
        column: 'Data',
        message: 'lo studente non era iscritto in questa scuola in quella data',
      },
      { file: 'ANPS03000E/voti.csv', line: 8, column: 'Voto', message: 'voto fuori scala (0–10): "11"' },
    ]);
    expect(
      await db
        .selectFrom('attendance_event')
        .select(({ fn }) => fn.countAll().as('n'))
        .executeTakeFirst(),
    ).toEqual({ n: 2 });
  });

  test('when an absence carries a deroga with the class council decision date, then both are stored', async () => {
    const db = await createTestDb();
    const dir = copyFixture();
    writeFileSync(
      join(dir, 'ANPS03000E', 'assenze.csv'),
      [
        'Codice fiscale;Data;Tipo;Ore;Giustificata;Deroga;Data delibera deroga',
        'RSSGLI09C54A271T;03/10/2025;assenza;6;S;salute;20/10/2025',
        'HXHRBN08S02Z100J;06/10/2025;entrata posticipata;1;N;;20/10/2025', // a date without a deroga
        '',
      ].join('\n'),
    );

    const summary = await importPaths(db, [dir], options);

    expect(summary.errors).toEqual([
      {
        file: 'ANPS03000E/assenze.csv',
        line: 3,
        column: 'Data delibera deroga',
        message: 'data della delibera senza motivo di deroga',
      },
    ]);
    expect(await db.selectFrom('attendance_event').select(['deroga', 'deroga_decided_on']).execute()).toEqual([
      { deroga: 'salute', deroga_decided_on: '2025-10-20' },
    ]);
  });

  test('when it is a dry run, then the counts are computed and nothing is written', async () => {
    const db = await createTestDb();

    const summary = await importPaths(db, [fixture], { ...options, dryRun: true });

    expect(summary).toMatchObject({ inserted: 26, rejected: 0, batchId: null });
    expect(await db.selectFrom('school').selectAll().execute()).toEqual([]);
    expect(await db.selectFrom('import_batch').selectAll().execute()).toEqual([]);
  });

  test('when a later school fails to read, then nothing of the earlier school stays and the failure is recorded', async () => {
    const db = await createTestDb();
    const dir = copyFixture();
    const broken = join(dir, 'ZZBROKEN00');
    cpSync(join(dir, 'ANPS03000E'), broken, { recursive: true });
    writeFileSync(
      join(broken, 'scuola.csv'),
      readFileSync(join(broken, 'scuola.csv'), 'utf8').replaceAll('ANPS03000E', 'ANPS03001F'),
    );
    // A folder where a file should be: reading it throws, which is not a row error.
    const assenze = join(broken, 'assenze.csv');
    cpSync(assenze, `${assenze}.bak`);
    writeFileSync(assenze, '');
    await import('node:fs').then((fs) => {
      fs.rmSync(assenze);
      mkdirSync(assenze);
    });

    await expect(importPaths(db, [dir], options)).rejects.toThrow();

    expect(await db.selectFrom('school').selectAll().execute()).toEqual([]);
    expect(await db.selectFrom('student').selectAll().execute()).toEqual([]);
    expect(await db.selectFrom('import_batch').select(['status']).execute()).toEqual([{ status: 'failed' }]);
  });

  test('when a student moves to another school, then one student has two enrolments', async () => {
    const db = await createTestDb();
    const dir = copyFixture();
    const second = join(dir, 'ANPS01000X');
    cpSync(join(dir, 'ANPS03000E'), second, { recursive: true });
    writeFileSync(
      join(second, 'scuola.csv'),
      readFileSync(join(second, 'scuola.csv'), 'utf8')
        .replaceAll('ANPS03000E', 'ANPS01000X')
        .replace('G. GALILEI;', 'ALTRO LICEO;'),
    );
    writeFileSync(
      join(second, 'studenti.csv'),
      readFileSync(join(second, 'studenti.csv'), 'utf8')
        .split('\n')
        .filter((l) => l.startsWith('Codice') || l.startsWith('BNC'))
        .map((l) => l.replace('15/09/2025;20/02/2026;trasferito', '23/02/2026;;'))
        .join('\n'),
    );
    for (const f of ['assenze.csv', 'voti.csv', 'esiti.csv'])
      writeFileSync(join(second, f), readFileSync(join(second, f), 'utf8').split('\n')[0]!);

    const summary = await importPaths(db, [dir], options);

    expect(summary.rejected).toBe(0);
    expect(
      await db.selectFrom('student').select('last_name').where('last_name', '=', 'Bianchi').execute(),
    ).toHaveLength(1);
    expect(
      await db
        .selectFrom('enrolment')
        .innerJoin('student', 'student.id', 'enrolment.student_id')
        .select(['entered_on', 'left_on'])
        .where('last_name', '=', 'Bianchi')
        .orderBy('entered_on')
        .execute(),
    ).toEqual([
      { entered_on: '2025-09-15', left_on: '2026-02-20' },
      { entered_on: '2026-02-23', left_on: null },
    ]);
  });

  test('when the same school comes as a Windows-1252, comma-separated export with other column names, then it reads the same', async () => {
    const db = await createTestDb();
    await importPaths(db, [fixture], options);

    const again = await importPaths(db, [resolve(repoRoot, 'fixtures/import/excel-windows-1252')], options);

    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 26, rejected: 0 });
    expect(
      await db.selectFrom('student').select('first_name').where('last_name', '=', 'Bianchi').executeTakeFirst(),
    ).toEqual({ first_name: 'Nicolò' });
  });

  test('when the path has no school folder, then one clear error', async () => {
    const db = await createTestDb();
    const empty = mkdtempSync(join(tmpdir(), 'primm-empty-'));

    await expect(importPaths(db, [empty], options)).rejects.toThrow(/Nessuna cartella di scuola/);
  });
});
