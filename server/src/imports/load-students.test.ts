import { appendFileSync, cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test } from 'vitest';
import { checkCharacter } from '@primm/shared/codice-fiscale';
import { repoRoot } from '../config';
import { createTestDb } from '../testing/test-db';
import { importPaths } from './import-paths';

const fixture = resolve(repoRoot, 'fixtures/import/generator-format');
const options = { pseudonymKey: 'test-key', source: 'cli' as const, recompute: false };
const STUDENTS = 600;

/** A valid codice fiscale per number: the letters of the first name count in base 24 (B to Y). */
function codiceFiscale(i: number): string {
  const letters = [Math.floor(i / 576) % 24, Math.floor(i / 24) % 24, i % 24]
    .map((n) => String.fromCharCode(66 + n))
    .join('');
  const body = `VRD${letters}09A41A271`;
  return `${body}${checkCharacter(body)}`;
}

/**
 * The fixture school with 600 more students (more than one batch of the writer on SQLite, staged
 * by COPY on PostgreSQL), the first of them leaving on line 1 and coming back on the last line.
 */
function schoolWithManyStudents(): string {
  const dir = mkdtempSync(join(tmpdir(), 'primm-students-'));
  cpSync(fixture, dir, { recursive: true });
  const lines = [
    `${codiceFiscale(0)};Verdi;Studente 0;F;01/01/2009;ANCONA;Italia;S;;;042002;3A;15/09/2025;31/10/2025;ritirato`,
  ];
  for (let i = 1; i < STUDENTS; i++)
    lines.push(`${codiceFiscale(i)};Verdi;Studente ${i};F;01/01/2009;ANCONA;Italia;S;;;042002;3A;15/09/2025;;`);
  lines.push(`${codiceFiscale(0)};Verdi;Studente 0;F;01/01/2009;ANCONA;Italia;S;;;042002;3A;10/11/2025;;`);
  appendFileSync(join(dir, 'ANPS03000E', 'studenti.csv'), `${lines.join('\n')}\n`);
  return dir;
}

test('loadStudents: when hundreds of new students come in several batches, one of them on the first and the last line, then each is written once with their enrolments, and a re-import changes nothing', async () => {
  const db = await createTestDb();
  const dir = schoolWithManyStudents();
  expect(new Set(Array.from({ length: STUDENTS }, (_, i) => codiceFiscale(i))).size).toBe(STUDENTS);

  const summary = await importPaths(db, [dir], options);

  expect(summary.rejected).toBe(0);
  const students = await db
    .selectFrom('student')
    .select(['id', 'first_name'])
    .where('last_name', '=', 'Verdi')
    .execute();
  expect(students).toHaveLength(STUDENTS);
  const first = students.find((s) => s.first_name === 'Studente 0')!;
  const stays = await db
    .selectFrom('enrolment')
    .select(['entered_on', 'left_on', 'exit_reason'])
    .where('student_id', '=', first.id)
    .orderBy('entered_on')
    .execute();
  expect(stays).toEqual([
    { entered_on: '2025-09-15', left_on: '2025-10-31', exit_reason: 'ritirato' },
    { entered_on: '2025-11-10', left_on: null, exit_reason: null },
  ]);
  const studentFile = summary.fileSummaries.find((f) => f.file.endsWith('studenti.csv'))!;
  expect(studentFile).toMatchObject({ inserted: STUDENTS + 3 + 1, updated: 0, rejected: 0 });

  const again = await importPaths(db, [dir], options);

  expect(again).toMatchObject({ inserted: 0, updated: 0, rejected: 0 });
});
