import type { RiskSettingsInput, RiskSettingsVersion } from '@primm/shared/contracts/risk';
import { DEFAULT_RISK_SETTINGS, RiskSettings } from '@primm/shared/risk/settings';
import type { Selectable } from 'kysely';
import type { SettingsVersionTable } from '../db/database';
import { lockForSettingsVersion } from '../db/advisory-locks';
import type { Db } from '../db/open-database';

type Row = Selectable<SettingsVersionTable> & { created_by_name?: string | null };

/**
 * Stored versions may omit fields or whole groups (defaults apply, docs/risk-model.md); the
 * version number is the row's, whatever the document says.
 */
function toSettings(row: Pick<Row, 'version' | 'data'>): RiskSettings {
  const data = JSON.parse(row.data) as Record<string, unknown>;
  // Only the groups whose default is an object: `model` defaults to null and an empty object is no model.
  const groups = Object.fromEntries(
    Object.entries(DEFAULT_RISK_SETTINGS)
      .filter(([k, v]) => k !== 'version' && v !== null && typeof v === 'object' && !Array.isArray(v))
      .map(([k]) => [k, {}]),
  );
  return RiskSettings.parse({ ...groups, ...data, version: row.version });
}

function toVersion(row: Row): RiskSettingsVersion {
  return {
    version: row.version,
    createdAt: row.created_at,
    createdBy: row.created_by_name ?? null,
    data: toSettings(row),
  };
}

function selectVersions(db: Db) {
  return db
    .selectFrom('settings_version')
    .leftJoin('app_user', 'app_user.id', 'settings_version.created_by')
    .selectAll('settings_version')
    .select('app_user.display_name as created_by_name');
}

/**
 * The latest thresholds; on a database without any, version 1 = DEFAULT_RISK_SETTINGS is stored
 * first (idempotent: the unique version makes a concurrent second insert a no-op).
 */
export async function findLatestRiskSettings(db: Db): Promise<RiskSettingsVersion> {
  const latest = await selectVersions(db).orderBy('settings_version.version', 'desc').limit(1).executeTakeFirst();
  if (latest) return toVersion(latest);
  const { version, ...data } = DEFAULT_RISK_SETTINGS;
  await db
    .insertInto('settings_version')
    .values({
      version,
      data: JSON.stringify(data),
      note: 'valori predefiniti',
      created_at: new Date().toISOString(),
      created_by: null,
    })
    .onConflict((oc) => oc.column('version').doNothing())
    .execute();
  return toVersion(await selectVersions(db).where('settings_version.version', '=', version).executeTakeFirstOrThrow());
}

export async function findRiskSettingsVersion(db: Db, version: number): Promise<RiskSettings | undefined> {
  const row = await db
    .selectFrom('settings_version')
    .select(['version', 'data'])
    .where('version', '=', version)
    .executeTakeFirst();
  return row ? toSettings(row) : undefined;
}

const versionCache = new WeakMap<Db, Map<number, RiskSettings>>();

/**
 * The settings of each version, to word stored results (their sentences are composed when read,
 * with the version that computed them). A saved version never changes, so they are cached per
 * database; a version not found reads as the defaults.
 */
export async function findRiskSettingsVersions(db: Db, versions: Iterable<number>): Promise<Map<number, RiskSettings>> {
  let cache = versionCache.get(db);
  if (!cache) versionCache.set(db, (cache = new Map()));
  const out = new Map<number, RiskSettings>();
  for (const version of new Set(versions)) {
    let settings = cache.get(version);
    if (!settings) {
      settings = (await findRiskSettingsVersion(db, version)) ?? { ...DEFAULT_RISK_SETTINGS, version };
      cache.set(version, settings);
    }
    out.set(version, settings);
  }
  return out;
}

/**
 * A new version n + 1; the previous ones stay, since results name the version that made them.
 * `keep` names the parts the caller did not send, taken from the latest version: the thresholds
 * page does not edit the fitted model or the level cut points, and saving it must not drop them.
 */
export async function insertRiskSettingsVersion(
  db: Db,
  input: RiskSettingsInput,
  userId: number,
  keep: readonly ('model' | 'levels')[] = [],
): Promise<RiskSettingsVersion> {
  await lockForSettingsVersion(db);
  const latest = await findLatestRiskSettings(db);
  const version = latest.version + 1;
  const data = { ...input };
  if (keep.includes('model')) data.model = latest.data.model;
  if (keep.includes('levels')) data.levels = latest.data.levels;
  await db
    .insertInto('settings_version')
    .values({
      version,
      data: JSON.stringify(data),
      note: null,
      created_at: new Date().toISOString(),
      created_by: userId,
    })
    .execute();
  return toVersion(await selectVersions(db).where('settings_version.version', '=', version).executeTakeFirstOrThrow());
}
