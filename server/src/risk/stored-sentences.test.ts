import { assessStudent } from '@primm/shared/risk/assess-student';
import { expect, test } from 'vitest';
import { createTestDb } from '../testing/test-db';
import { buildSchoolInputs } from '../school-data/build-inputs';
import { renderItalian } from '@primm/shared/risk/render-italian';
import { listClassRisk } from './risk-lists';
import { recomputeAll } from '../recompute/recompute';
import { storedRiskOfClass } from '../testing/stored-risk-of-class';
import { findLatestRiskSettings, insertRiskSettingsVersion } from '../risk-settings/repository';
import { importFixtureSchool } from '../testing/fixture-school';
import { parseIndicators } from './stored-indicators';

test("the recompute stores indicators without their sentences (but age_grade_delay's) and no reasons or tier explanation; the lists and the detail read the words assessStudent composes", async () => {
  const db = await createTestDb();
  const { schoolId, classId } = await importFixtureSchool(db);
  const settings = (await findLatestRiskSettings(db)).data;
  const built = (await buildSchoolInputs(db, schoolId))!.inputs;
  const expected = new Map(built.map((b) => [b.studentId, assessStudent(b.input, settings)]));

  const stored = await db.selectFrom('risk_result').selectAll().execute();
  const detail = await storedRiskOfClass(db, classId);
  const list = await listClassRisk(db, classId);

  for (const row of stored) {
    const kept = parseIndicators(row.indicators)
      .filter((i) => i.explanation !== undefined || i.message !== undefined)
      .map((i) => i.key);
    expect(kept).toEqual(['age_grade_delay']);
    expect(Object.keys(row)).not.toContain('reasons');
    expect(Object.keys(row)).not.toContain('tier_explanation');
  }
  expect(detail.length).toBe(2);
  for (const r of detail) {
    const a = expected.get(r.studentId)!;
    expect(r.fullIndicators).toEqual(a.indicators);
    expect(r.reasons).toEqual(a.reasons);
    expect(r.reasons.length).toBeGreaterThan(0);
    expect(r.tierExplanation).toBe(a.tierExplanation);
    expect(r.tierMessage).toEqual(a.tierMessage);
    // the list carries the messages only (the web words them); worded, they are assessStudent's sentences
    const listed = list.find((l) => l.studentId === r.studentId)!.indicators;
    expect(listed.map((i) => ({ key: i.explanationKey, params: i.explanationParams }))).toEqual(
      a.indicators.map((i) => i.message),
    );
    expect(listed.map((i) => renderItalian({ key: i.explanationKey, params: i.explanationParams }))).toEqual(
      a.indicators.map((i) => i.explanation),
    );
    expect(listed.every((i) => !('explanation' in i))).toBe(true);
  }
});

test('a result is worded with the settings version that computed it, not the latest one', async () => {
  const db = await createTestDb();
  const { classId, hoxha } = await importFixtureSchool(db);
  const { version: _v, ...defaults } = (await findLatestRiskSettings(db)).data;
  const admin = (
    await db
      .insertInto('app_user')
      .values({ email: 'a@b.it', display_name: 'Admin', role: 'admin', password_hash: null, created_at: '2025-01-01' })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  await insertRiskSettingsVersion(db, { ...defaults, grades: { ...defaults.grades, passMark: 5.5 } }, admin);
  await recomputeAll(db); // version 2 computes every result
  const sentence = async () =>
    (await storedRiskOfClass(db, classId))
      .find((r) => r.studentId === hoxha)!
      .fullIndicators.find((i) => i.key === 'failing_subjects')!.explanation;
  const withV2 = await sentence();

  await insertRiskSettingsVersion(db, { ...defaults, grades: { ...defaults.grades, passMark: 7 } }, admin); // saved, not recomputed

  expect(withV2).toContain('sotto il 5,5');
  expect(await sentence()).toBe(withV2);
});
