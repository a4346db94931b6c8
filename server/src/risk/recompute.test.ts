import { expect, test } from 'vitest';
import { aClass } from '../testing/factories';
import { createTestDb } from '../testing/test-db';
import { recomputeAll, recomputeSchool } from './recompute';
import { insertRiskSettingsVersion, findLatestRiskSettings } from './settings-repository';
import { importFixtureSchool } from './test-school';

const results = (db: Awaited<ReturnType<typeof createTestDb>>) =>
  db.selectFrom('risk_result').select(['student_id', 'tier', 'settings_version', 'as_of', 'input_hash', 'computed_at']).orderBy('student_id').execute();

test('import: when the fixture school is imported, then its enrolled students have results, version 1, as of the latest event', async () => {
  const db = await createTestDb();

  const { rossi, hoxha } = await importFixtureSchool(db);

  // Bianchi left on 20/02/2026: not enrolled now, no result. 30/01/2026: Hoxha's conduct grade, the latest event.
  expect(await results(db)).toMatchObject([
    { student_id: rossi, tier: 1, settings_version: 1, as_of: '2026-01-30' },
    { student_id: hoxha, tier: 2, settings_version: 1, as_of: '2026-01-30' },
  ]);
  expect(await db.selectFrom('settings_version').select('version').execute()).toEqual([{ version: 1 }]);
});

test('recomputeAll: when nothing changed since the last computation, then nothing is written and computed_at stays', async () => {
  const db = await createTestDb();
  await importFixtureSchool(db);
  const before = await results(db);

  const summary = await recomputeAll(db);

  expect(summary).toMatchObject({ students: 2, written: 0, unchanged: 2 });
  expect(await results(db)).toEqual(before);
});

test('recomputeSchool: when an absence is added, then only that student is rewritten', async () => {
  const db = await createTestDb();
  const { schoolId, classId, rossi } = await importFixtureSchool(db);
  await db.insertInto('attendance_event').values({ student_id: rossi, class_id: classId, date: '2026-01-29', kind: 'assenza', hours: 6, justified: 0, deroga: null, deroga_decided_on: null, import_batch_id: null }).execute();

  const summary = await recomputeSchool(db, schoolId);

  expect(summary).toMatchObject({ students: 2, written: 1, unchanged: 1 });
  const row = await db.selectFrom('risk_result').select('indicators').where('student_id', '=', rossi).executeTakeFirstOrThrow();
  expect(JSON.parse(row.indicators)[0]).toMatchObject({ key: 'attendance_rate', details: { hoursAbsent: 12, hoursHeld: 528 } });
});

test('recomputeSchool: when a student leaves the class, then their result is removed', async () => {
  const db = await createTestDb();
  const { schoolId, hoxha } = await importFixtureSchool(db);
  await db.updateTable('enrolment').set({ left_on: '2026-01-20', exit_reason: 'ritirato' }).where('student_id', '=', hoxha).execute();

  const summary = await recomputeSchool(db, schoolId);

  // Removed: Hoxha; rewritten: Rossi, whose class average comparison no longer includes Hoxha.
  expect(summary).toMatchObject({ students: 1, written: 2, unchanged: 0 });
  expect((await results(db)).map((r) => r.student_id)).not.toContain(hoxha);
});

test('recomputeAll: when a settings version 2 exists, then every result is rewritten with version 2', async () => {
  const db = await createTestDb();
  await importFixtureSchool(db);
  const { data } = await findLatestRiskSettings(db);
  const { version: _v, ...rest } = data;
  await insertRiskSettingsVersion(db, { ...rest, grades: { ...rest.grades, passMark: 5 } }, (await db.insertInto('app_user').values({ email: 'a@b.it', display_name: 'Admin', role: 'admin', password_hash: null, created_at: '2025-01-01' }).returning('id').executeTakeFirstOrThrow()).id);

  const summary = await recomputeAll(db);

  expect(summary).toMatchObject({ students: 2, written: 2, unchanged: 0 });
  expect((await results(db)).map((r) => r.settings_version)).toEqual([2, 2]);
});

test('recomputeSchool: when the current year has no calendar for the school, then nothing is computed', async () => {
  const db = await createTestDb();
  const { schoolId } = await importFixtureSchool(db);
  await aClass(db, schoolId, { name: '5Z', year: '2026/27' }); // a newer year without a calendar becomes "current"

  const summary = await recomputeSchool(db, schoolId);

  expect(summary).toMatchObject({ students: 0, written: 0 });
});
