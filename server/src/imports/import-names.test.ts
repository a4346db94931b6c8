import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { repoRoot } from '../config';
import { createTestDb } from '../testing/test-db';
import { importPaths } from './import-paths';

const fixture = resolve(repoRoot, 'fixtures/import/generator-format/ANPS03000E');
const options = { pseudonymKey: 'test-key', source: 'cli' as const };

/** A private copy of the fixture school with one file's text replaced. */
function schoolWith(file: string, from: string, to: string): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'primm-names-')), 'ANPS03000E');
  cpSync(fixture, dir, { recursive: true });
  const path = join(dir, file);
  const text = readFileSync(path, 'utf8');
  if (!text.includes(from)) throw new Error(`${file} has no ${from}`);
  writeFileSync(path, text.replace(from, to));
  return dir;
}

describe('import: names', () => {
  test.each([
    ['a right-to-left override', 'Rossi;Giulia', 'Rossi\u202eatsiv;Giulia', 2, 'Cognome', /U\+202E/],
    ['a NUL', 'Rossi;Giulia', 'Rossi;Giu\u0000lia', 2, 'Nome', /U\+0000/],
    ['an ESC sequence', 'Rossi;Giulia', '\u001b[2JRossi;Giulia', 2, 'Cognome', /U\+001B/],
    ['a line break (quoted)', 'Rossi;Giulia', '"Rossi\nMario";Giulia', 3, 'Cognome', /a capo/], // the record ends on line 3
    [
      'a 101-character surname',
      'Rossi;Giulia',
      `${'R'.repeat(101)};Giulia`,
      2,
      'Cognome',
      /più lungo di 100 caratteri/,
    ],
  ])(
    'studenti.csv: when a name has %s, then the row is rejected and the student is not written',
    async (_, from, to, line, column, message) => {
      const db = await createTestDb();

      const summary = await importPaths(db, [schoolWith('studenti.csv', from, to)], options);

      expect(summary.errors).toContainEqual({
        file: 'ANPS03000E/studenti.csv',
        line,
        column,
        message: expect.stringMatching(message),
      });
      expect(await db.selectFrom('student').select('first_name').orderBy('first_name').execute()).toEqual([
        { first_name: 'Arben' },
        { first_name: 'Nicolò' },
      ]);
    },
  );

  test('scuola.csv: when the school name has a bidi isolate, then the school is rejected and nothing of the folder is written', async () => {
    const db = await createTestDb();

    const summary = await importPaths(
      db,
      [schoolWith('scuola.csv', 'ANPS03000E;G. GALILEI', 'ANPS03000E;G. GALILEI\u2066')],
      options,
    );

    expect(summary.errors).toContainEqual({
      file: 'ANPS03000E/scuola.csv',
      line: 2,
      column: 'Denominazione',
      message: expect.stringMatching(/U\+2066/),
    });
    expect(await db.selectFrom('school').selectAll().execute()).toEqual([]);
    expect(await db.selectFrom('student').selectAll().execute()).toEqual([]);
  });

  test('ministry registry: when a school name has a right-to-left override, then that school is rejected, the others created', async () => {
    const db = await createTestDb();
    const dir = mkdtempSync(join(tmpdir(), 'primm-names-registry-'));
    const extract = resolve(repoRoot, 'fixtures/import/mim-registry/SCUANAGRAFESTAT-ESTRATTO.csv');
    writeFileSync(
      join(dir, 'SCUANAGRAFESTAT-ESTRATTO.csv'),
      readFileSync(extract, 'utf8').replace('G. GALILEI,VIA', 'G. GALILEI\u202e,VIA'),
    );

    const summary = await importPaths(db, [dir], options);

    expect(summary.errors).toEqual([
      {
        file: 'SCUANAGRAFESTAT-ESTRATTO.csv',
        line: 2,
        column: 'DENOMINAZIONESCUOLA',
        message: expect.stringMatching(/U\+202E/),
      },
    ]);
    expect(await db.selectFrom('school').select('code').where('code', '=', 'ANPS03000E').execute()).toEqual([]);
    expect(summary.inserted).toBe(3);
  });
});
