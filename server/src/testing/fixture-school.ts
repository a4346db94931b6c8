import { resolve } from 'node:path';
import type { Db } from '../db/open-database';
import { importPaths } from '../imports/import-paths';

export const FIXTURE_DIR = resolve(import.meta.dirname, '../../../fixtures/import/generator-format');

/**
 * Test helper: imports the hand-checkable fixture school (ANPS03000E, class 3A: Rossi, Hoxha,
 * and Bianchi who left on 20/02/2026), which also computes its risk results, and returns the ids.
 */
export async function importFixtureSchool(db: Db) {
  await importPaths(db, [FIXTURE_DIR], { pseudonymKey: 'test-key', source: 'cli' });
  const school = await db.selectFrom('school').select('id').where('code', '=', 'ANPS03000E').executeTakeFirstOrThrow();
  const cls = await db
    .selectFrom('class')
    .select('id')
    .where('school_id', '=', school.id)
    .where('name', '=', '3A')
    .executeTakeFirstOrThrow();
  const idOf = async (lastName: string) =>
    (await db.selectFrom('student').select('id').where('last_name', '=', lastName).executeTakeFirstOrThrow()).id;
  return {
    schoolId: school.id,
    classId: cls.id,
    rossi: await idOf('Rossi'),
    hoxha: await idOf('Hoxha'),
    bianchi: await idOf('Bianchi'),
  };
}
