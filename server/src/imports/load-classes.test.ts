import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test } from 'vitest';
import { repoRoot } from '../config';
import { createTestDb } from '../testing/test-db';
import { importPaths } from './import-paths';

const fixture = resolve(repoRoot, 'fixtures/import/generator-format');
const options = { pseudonymKey: 'test-key', source: 'cli' as const, recompute: false };
const HEADER = 'Anno scolastico;Classe;Anno di corso;Indirizzo;Orario;Ore settimanali;Monte ore annuo';

/**
 * The fixture school with 300 more classes, and its students' class 3A listed twice (the later
 * line, the last of the file, wins): the classes are written as one batch and their ids read
 * after, so each student must still be enrolled in 3A.
 */
function schoolWithManyClasses(): string {
  const dir = mkdtempSync(join(tmpdir(), 'primm-classes-'));
  cpSync(fixture, dir, { recursive: true });
  const lines = [HEADER, '2025/26;3A;3;liceo;6-6-6-6-6-0;30;900'];
  for (let i = 0; i < 300; i++)
    lines.push(`2025/26;${(i % 5) + 1}X${i};${(i % 5) + 1};tecnico;6-6-6-6-6-0;30;${900 + i}`);
  lines.push('2025/26;3A;3;liceo;6-6-6-6-6-0;30;990');
  writeFileSync(join(dir, 'ANPS03000E', 'classi.csv'), `${lines.join('\n')}\n`);
  return dir;
}

test('loadClasses: when a file of hundreds of classes lists one twice, then each is written once with its later line, students are enrolled in their class, and a re-import leaves the table as it was', async () => {
  const db = await createTestDb();
  const dir = schoolWithManyClasses();

  const summary = await importPaths(db, [dir], options);

  expect(summary.rejected).toBe(0);
  const classes = await db
    .selectFrom('class')
    .select(['id', 'name', 'grade_level', 'annual_hours'])
    .orderBy('id')
    .execute();
  expect(classes).toHaveLength(301);
  const byName = new Map(classes.map((c) => [c.name, c]));
  expect(byName.get('3A')).toMatchObject({ grade_level: 3, annual_hours: 990 });
  expect(byName.get('4X18')).toMatchObject({ grade_level: 4, annual_hours: 918 });
  const enrolled = await db
    .selectFrom('enrolment')
    .innerJoin('class', 'class.id', 'enrolment.class_id')
    .select('class.name')
    .execute();
  expect(enrolled.map((e) => e.name)).toEqual(['3A', '3A', '3A']);
  const classSummary = summary.fileSummaries.find((f) => f.file.endsWith('classi.csv'))!;
  // The earlier 3A line is left aside, and says why.
  expect(classSummary).toMatchObject({
    inserted: 301,
    updated: 0,
    unchanged: 0,
    skipped: [{ reason: 'classe ripetuta nel file: vale la riga più in basso', rows: 1 }],
  });

  const again = await importPaths(db, [dir], options);

  // Nothing changed, and nothing is said to have changed (the earlier 3A line once made two updates).
  expect(again).toMatchObject({ inserted: 0, updated: 0, rejected: 0 });
  expect(
    await db.selectFrom('class').select(['id', 'name', 'grade_level', 'annual_hours']).orderBy('id').execute(),
  ).toEqual(classes);
});
