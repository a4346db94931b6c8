import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test } from 'vitest';
import { repoRoot } from '../config';
import { aClass, aSchool, aStudent } from '../testing/factories';
import { createTestDb } from '../testing/test-db';
import { importPaths } from './import-paths';

const fixture = resolve(repoRoot, 'fixtures/import/generator-format/ANPS03000E');
const options = { pseudonymKey: 'test-key', source: 'cli' as const, recompute: false };

const absence = (studentId: number, classId: number, kind: 'assenza' | 'uscita_anticipata', hours: number) => ({
  student_id: studentId,
  class_id: classId,
  date: '2025-10-03',
  kind,
  hours,
  justified: 0,
  deroga: null,
  deroga_decided_on: null,
  import_batch_id: null,
});

test('attendance_event key: when a second row has the same student, date and kind, then the database refuses it and keeps the first', async () => {
  const db = await createTestDb();
  const school = await aSchool(db);
  const cls = await aClass(db, school.id);
  const student = await aStudent(db);
  await db
    .insertInto('attendance_event')
    .values(absence(student.id, cls.id, 'assenza', 6))
    .execute();

  await expect(
    db
      .insertInto('attendance_event')
      .values(absence(student.id, cls.id, 'assenza', 2))
      .execute(),
  ).rejects.toThrow(/unique|duplicate/i);
  await db
    .insertInto('attendance_event')
    .values(absence(student.id, cls.id, 'uscita_anticipata', 1))
    .execute();

  expect(await db.selectFrom('attendance_event').select(['kind', 'hours']).orderBy('kind').execute()).toEqual([
    { kind: 'assenza', hours: 6 },
    { kind: 'uscita_anticipata', hours: 1 },
  ]);
  await db.destroy();
});

test("importPaths: when the import fails after a school's attendance was written, then no attendance row, student or enrolment stays", async () => {
  const db = await createTestDb();
  const dir = mkdtempSync(join(tmpdir(), 'primm-halfway-'));
  cpSync(fixture, join(dir, 'ANPS03000E'), { recursive: true });
  // The same school alone writes its attendance: what the failed import must take back.
  const alone = await createTestDb();
  await importPaths(alone, [dir], options);
  expect((await alone.selectFrom('attendance_event').select('date').execute()).length).toBeGreaterThan(0);
  await alone.destroy();
  // A second school, read after the first, whose attendance file cannot be read (a folder): not a
  // row error, so the whole import fails.
  const broken = join(dir, 'ZZBROKEN0A');
  cpSync(fixture, broken, { recursive: true });
  rmSync(join(broken, 'assenze.csv'));
  mkdirSync(join(broken, 'assenze.csv'));

  await expect(importPaths(db, [dir], options)).rejects.toThrow();

  expect(await db.selectFrom('attendance_event').select('date').execute()).toEqual([]);
  expect(await db.selectFrom('enrolment').select('id').execute()).toEqual([]);
  expect(await db.selectFrom('student').select('id').execute()).toEqual([]);
  expect(await db.selectFrom('import_batch').select('status').execute()).toEqual([{ status: 'failed' }]);
  rmSync(dir, { recursive: true, force: true });
  await db.destroy();
});
