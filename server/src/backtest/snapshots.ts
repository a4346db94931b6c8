import { randomUUID } from 'node:crypto';
import type { RiskSettings } from '@primm/shared/risk/settings';
import { computeTier } from '@primm/shared/risk/tier';
import { INDICATOR_DOMAIN, type IndicatorKey, type MeasuredIndicator, type RiskLevel } from '@primm/shared/risk/types';
import type { Db } from '../db/open-database';
import type { CohortStudent } from './cohort-report';
import { periodsOf, replaySchoolAt, schoolsOfYear } from './replay-year';
import type { StudentGroups } from './student-groups';

/**
 * What purge keeps of a past year so the backtest still runs on it (issue 18, docs/privacy.md).
 * Per student and period end (each term's last day, within the lessons): the indicators' values
 * and levels, the level, the final outcome's class (bad / suspended / good / transferred) and the
 * three fairness groups. Nothing else: no name, codice fiscale, birth date, school, class, event
 * or grade, and no explanation (one names the arrival date).
 *
 * The key is `subject`, a random UUID drawn here for the student and year and written nowhere
 * else. Not the student's pseudonym: that is an HMAC of the codice fiscale with the region's key,
 * so whoever holds the key and a codice fiscale could find the student's snapshot again, and a
 * student who comes back would be linked to the purged year. A random id only ties the period
 * ends of one student in one year together, which is all the backtest needs.
 */

/** The details the model reads (`featuresOf`): the rest (dates, weekly series, subject lists) is dropped. */
const KEPT_DETAILS: Partial<Record<IndicatorKey, readonly string[]>> = {
  attendance_trend: ['recentShare'],
  school_history: ['suspended'],
};

type SnapshotTuple = [IndicatorKey, number | null, RiskLevel, Record<string, number>?];

export function snapshotIndicators(indicators: MeasuredIndicator[]): SnapshotTuple[] {
  return indicators.map((i) => {
    const kept = KEPT_DETAILS[i.key];
    const details =
      kept && i.details
        ? Object.fromEntries(
            kept.filter((k) => typeof i.details![k] === 'number').map((k) => [k, i.details![k] as number]),
          )
        : {};
    return Object.keys(details).length > 0 ? [i.key, i.value, i.level, details] : [i.key, i.value, i.level];
  });
}

export function parseSnapshotIndicators(text: string): MeasuredIndicator[] {
  return (JSON.parse(text) as SnapshotTuple[]).map(([key, value, level, details]) => ({
    key,
    domain: INDICATOR_DOMAIN[key],
    value,
    level,
    ...(details ? { details } : {}),
  }));
}

/**
 * Writes the snapshots of a school year from its registers (before purge deletes them): every
 * school, every period end. Replaces the year's earlier snapshots, if any.
 */
export async function snapshotYear(
  db: Db,
  year: { id: number; label: string },
  settings: RiskSettings,
): Promise<number> {
  await db.deleteFrom('risk_snapshot').where('school_year', '=', year.label).execute();
  const subjects = new Map<number, string>();
  let written = 0;
  for (const schoolId of await schoolsOfYear(db, year.id)) {
    const periods = await periodsOf(db, schoolId, year);
    if (!periods) continue;
    for (const term of periods.terms) {
      const { lessonsStart, lessonsEnd } = periods.lessons;
      const end = term.endsOn > lessonsEnd ? lessonsEnd : term.endsOn;
      if (end < lessonsStart) continue;
      const students = await replaySchoolAt(db, schoolId, year, settings, end);
      const rows = students.map((s) => {
        let subject = subjects.get(s.studentId);
        if (subject === undefined) subjects.set(s.studentId, (subject = randomUUID()));
        return {
          subject,
          school_year: year.label,
          period: term.seq,
          period_end: end,
          settings_version: settings.version,
          tier: computeTier(s.indicators, settings).tier,
          indicators: JSON.stringify(snapshotIndicators(s.indicators)),
          final: s.final,
          citizenship_group: s.groups.citizenship_group,
          sex: s.groups.sex,
          newly_arrived: s.groups.newly_arrived === 'si' ? 1 : 0,
        };
      });
      for (let i = 0; i < rows.length; i += 200) {
        // A student who moved between two schools with the same period end is kept once.
        await db
          .insertInto('risk_snapshot')
          .values(rows.slice(i, i + 200))
          .onConflict((oc) => oc.columns(['subject', 'period_end']).doNothing())
          .execute();
      }
      written += rows.length;
    }
  }
  return written;
}

/** The school years with snapshots. */
export async function snapshotYears(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('risk_snapshot').select('school_year').distinct().orderBy('school_year').execute();
  return rows.map((r) => r.school_year);
}

/**
 * The snapshots of a year as the backtest's cohort: the first period's (the default cut), or with
 * `cutDate` each subject's latest period end on or before it. When no snapshot is that early the
 * first period's are used: the registers are gone, and the report's `cut_dates` say which days.
 */
export async function readSnapshotCohort(db: Db, schoolYear: string, cutDate?: string): Promise<CohortStudent[]> {
  const rows = await db
    .selectFrom('risk_snapshot')
    .select(['subject', 'period', 'period_end', 'indicators', 'final', 'citizenship_group', 'sex', 'newly_arrived'])
    .where('school_year', '=', schoolYear)
    .orderBy('subject')
    .orderBy('period_end')
    .execute();
  const chosen = new Map<string, (typeof rows)[number]>();
  if (cutDate !== undefined) for (const r of rows) if (r.period_end <= cutDate) chosen.set(r.subject, r);
  if (chosen.size === 0) for (const r of rows) if (r.period === 1) chosen.set(r.subject, r);
  return [...chosen.values()].map((r) => ({
    cutDate: r.period_end,
    indicators: parseSnapshotIndicators(r.indicators),
    final: r.final,
    groups: {
      citizenship_group: r.citizenship_group as StudentGroups['citizenship_group'],
      sex: r.sex as StudentGroups['sex'],
      newly_arrived: r.newly_arrived === 1 ? 'si' : 'no',
    },
  }));
}
