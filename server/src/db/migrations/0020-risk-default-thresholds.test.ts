import { DEFAULT_RISK_SETTINGS } from '@primm/shared/risk/settings';
import { Migrator } from 'kysely';
import { expect, test } from 'vitest';
import { migrationProvider } from './index';
import { openSqlite } from '../open-database';
import { findLatestRiskSettings } from '../../risk-settings/repository';
import { NOTE } from './0020-risk-default-thresholds';

/** Version 1 as the server stored it before issue 18 (JSON.stringify of the defaults of then, keys in their order). */
const STORED_BEFORE_ISSUE_18 = '{"attendance":{"satisfactoryRate":0.95,"attentionBelowRate":0.9,"highBelowRate":0.8},"projection":{"maxAbsenceShare":0.25,"attentionAboveShare":0.2,"minHoursHeld":60},"trend":{"recentWeeks":4,"minWeeks":6,"attentionDeltaPoints":5,"attentionMinRecentShare":0.1,"highDeltaPoints":10,"highMinRecentShare":0.2},"lateEntries":{"attentionPerWeek":0.5,"highPerWeek":1,"minWeeks":2,"weekdayPatternMinEvents":3},"grades":{"passMark":6,"coreSubjects":["ITALIANO","MATEMATICA","LINGUA E LETTERATURA ITALIANA"],"highFailingCount":2,"averageAttentionBelow":6.5,"averageHighBelow":6,"zAttentionBelow":-1,"minClassSize":5,"slopeAttentionBelow":-0.3,"slopeHighBelow":-0.6,"slopeMinGrades":6,"slopeMinSpanDays":30},"conduct":{"highAtOrBelow":6,"attentionAtOrBelow":7},"history":{"repeatedAttention":1,"repeatedHigh":2,"suspendedAttention":1,"suspendedHigh":3},"tier":{"tier3MinHighDomains":2,"tier2MinHighDomains":1,"tier2MinAttentionDomains":2}}';

async function migrateWith(rows: { version: number; data: string; created_by: number | null }[]) {
  const db = openSqlite(':memory:');
  const migrator = new Migrator({ db, provider: migrationProvider });
  await migrator.migrateTo('0019-risk-backtest');
  if (rows.some((r) => r.created_by !== null)) {
    await db.insertInto('app_user').values({ id: 1, email: 'admin@scuola.test', display_name: 'Admin', role: 'admin', password_hash: null, created_at: '2025-01-01T00:00:00.000Z' }).execute();
  }
  for (const r of rows) await db.insertInto('settings_version').values({ ...r, note: null, created_at: '2025-10-01T00:00:00.000Z' }).execute();
  await migrator.migrateTo('0020-risk-default-thresholds');
  return db;
}

test('migration 0020: when the latest settings are the defaults of before issue 18, never saved by an admin, then a new version with the defaults of issue 18 follows them', async () => {
  const db = await migrateWith([{ version: 1, data: STORED_BEFORE_ISSUE_18, created_by: null }]);

  const latest = await findLatestRiskSettings(db);

  expect(latest.version).toBe(2);
  // The values that flooded, now as issue 18 set them.
  expect([latest.data.attendance.highBelowRate, latest.data.trend.highMinRecentShare, latest.data.grades.highFailingCount, latest.data.tier.tier2MinAttentionDomains]).toEqual([0.75, 0.5, 4, 0]);
  expect(latest.data.levels).toEqual({ basis: 'rules', level2From: 0.3, level3From: 0.6 });
  expect(await db.selectFrom('settings_version').select(['version', 'note', 'created_by']).orderBy('version').execute())
    .toEqual([{ version: 1, note: null, created_by: null }, { version: 2, note: NOTE, created_by: null }]);
  await db.destroy();
});

test.each([
  ['an admin saved the old values as they were', [{ version: 1, data: STORED_BEFORE_ISSUE_18, created_by: 1 }]],
  ['an admin changed one threshold', [{ version: 1, data: STORED_BEFORE_ISSUE_18, created_by: null }, { version: 2, data: STORED_BEFORE_ISSUE_18.replace('"highBelowRate":0.8', '"highBelowRate":0.7'), created_by: 1 }]],
  ['the database was made after issue 18', [{ version: 1, data: JSON.stringify((({ version: _v, ...d }) => d)(DEFAULT_RISK_SETTINGS)), created_by: null }]],
  ['no settings were stored yet', []],
])('migration 0020: when %s, then no version is added', async (_name, rows) => {
  const db = await migrateWith(rows);

  expect((await db.selectFrom('settings_version').select('version').execute()).length).toBe(rows.length);
  await db.destroy();
});
