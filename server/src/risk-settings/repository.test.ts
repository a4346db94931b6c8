import { DEFAULT_RISK_SETTINGS } from '@primm/shared/risk/settings';
import { expect, test } from 'vitest';
import { createTestDb } from '../testing/test-db';
import { findLatestRiskSettings } from './repository';

test('findLatestRiskSettings: when a stored version names only some groups (as older versions did), then the rest are the defaults and there is no model', async () => {
  const db = await createTestDb();
  await db
    .insertInto('settings_version')
    .values({
      version: 2,
      note: 'soglie più severe',
      created_at: '2026-01-01T00:00:00.000Z',
      created_by: null,
      data: JSON.stringify({ attendance: { attentionBelowRate: 0.97, highBelowRate: 0.93 }, grades: { passMark: 7 } }),
    })
    .execute();

  const { version, data } = await findLatestRiskSettings(db);

  expect(version).toBe(2);
  expect(data.attendance).toEqual({
    ...DEFAULT_RISK_SETTINGS.attendance,
    attentionBelowRate: 0.97,
    highBelowRate: 0.93,
  });
  expect(data.grades.passMark).toBe(7);
  expect(data.model).toBeNull();
  expect(data.levels).toEqual(DEFAULT_RISK_SETTINGS.levels);
});
