import type { Kysely } from 'kysely';

/**
 * A database made before issue 18 keeps, as its latest risk settings, the version 1 the server
 * stored on first read with the defaults of then: attention in two areas made level 2, attendance
 * below 80 % and one failing core subject were high, 20 % of the last weeks missed was a high
 * trend. On the demo region that put 37.7 % of students at level 2 or 3. When that version is
 * still the latest and nobody saved it (`created_by` null, the values exactly those defaults), a
 * new version with the defaults of issue 18 is stored after it; any version an admin saved stays
 * the latest. The next recompute applies it (docs/deployment.md).
 *
 * Both sets are copied here as they were: a migration is frozen and must not follow the code's
 * defaults when they change again.
 */
const OLD_DEFAULTS = {
  attendance: { satisfactoryRate: 0.95, attentionBelowRate: 0.9, highBelowRate: 0.8 },
  projection: { maxAbsenceShare: 0.25, attentionAboveShare: 0.2, minHoursHeld: 60 },
  trend: { recentWeeks: 4, minWeeks: 6, attentionDeltaPoints: 5, attentionMinRecentShare: 0.1, highDeltaPoints: 10, highMinRecentShare: 0.2 },
  lateEntries: { attentionPerWeek: 0.5, highPerWeek: 1, minWeeks: 2, weekdayPatternMinEvents: 3 },
  grades: {
    passMark: 6, coreSubjects: ['ITALIANO', 'MATEMATICA', 'LINGUA E LETTERATURA ITALIANA'], highFailingCount: 2, averageAttentionBelow: 6.5, averageHighBelow: 6,
    zAttentionBelow: -1, minClassSize: 5, slopeAttentionBelow: -0.3, slopeHighBelow: -0.6, slopeMinGrades: 6, slopeMinSpanDays: 30,
  },
  conduct: { highAtOrBelow: 6, attentionAtOrBelow: 7 },
  history: { repeatedAttention: 1, repeatedHigh: 2, suspendedAttention: 1, suspendedHigh: 3 },
  tier: { tier3MinHighDomains: 2, tier2MinHighDomains: 1, tier2MinAttentionDomains: 2 },
};

const ISSUE_18_DEFAULTS = {
  attendance: { satisfactoryRate: 0.95, attentionBelowRate: 0.9, highBelowRate: 0.75 },
  projection: { maxAbsenceShare: 0.25, attentionAboveShare: 0.2, minHoursHeld: 60 },
  trend: { recentWeeks: 4, minWeeks: 6, attentionDeltaPoints: 5, attentionMinRecentShare: 0.1, highDeltaPoints: 10, highMinRecentShare: 0.5 },
  lateEntries: { attentionPerWeek: 0.5, highPerWeek: 1, minWeeks: 2, weekdayPatternMinEvents: 3 },
  grades: {
    passMark: 6, coreSubjects: ['ITALIANO', 'MATEMATICA', 'LINGUA E LETTERATURA ITALIANA'], highFailingCount: 4, highCoreFailingCount: 2, averageAttentionBelow: 6.5,
    averageHighBelow: 6, zAttentionBelow: -1, minClassSize: 5, slopeAttentionBelow: -0.3, slopeHighBelow: -0.6, slopeMinGrades: 6, slopeMinSpanDays: 30,
  },
  conduct: { highAtOrBelow: 6, attentionAtOrBelow: 7 },
  history: { repeatedAttention: 1, repeatedHigh: 2, suspendedAttention: 1, suspendedHigh: 3 },
  disengagement: { windowWeeks: 2, minShare: 0.8, minConsecutiveDays: 5 },
  tier: { tier3MinHighDomains: 2, tier2MinHighDomains: 1, tier2MinAttentionDomains: 0 },
  levels: { basis: 'rules', level2From: 0.3, level3From: 0.6 },
  model: null,
};

export const NOTE = 'nuove soglie predefinite (issue 18): le precedenti segnalavano troppi studenti';

/** Equal as JSON values, whatever the order of the keys. */
function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) || Array.isArray(b)) return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((v, i) => sameValue(v, b[i]));
  if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object') {
    const ka = Object.keys(a).sort();
    const kb = Object.keys(b).sort();
    return sameValue(ka, kb) && ka.every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
  }
  return a === b;
}

export async function up(db: Kysely<any>): Promise<void> {
  const latest = await db.selectFrom('settings_version').select(['version', 'data', 'created_by']).orderBy('version', 'desc').limit(1).executeTakeFirst();
  if (!latest || latest.created_by !== null || !sameValue(JSON.parse(latest.data as string), OLD_DEFAULTS)) return;
  await db
    .insertInto('settings_version')
    .values({ version: (latest.version as number) + 1, data: JSON.stringify(ISSUE_18_DEFAULTS), note: NOTE, created_at: new Date().toISOString(), created_by: null })
    .execute();
}

/** The version stays: results computed with it name it. */
export async function down(): Promise<void> {}
