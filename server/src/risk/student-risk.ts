import type { StudentRisk } from '@primm/shared/contracts/risk';
import type { Db } from '../db/open-database';
import { loadStudentSeries } from '../school-data/student-series';
import { indicatorSummaryOf, type StoredRisk } from './repository';
import { findRiskSettingsVersions } from '../risk-settings/repository';

/**
 * A student's stored assessment with the series behind it. The series are rebuilt for this one
 * student at the stored `asOf`, so the chart shows the same weeks and grades the tier came from.
 */
export async function assembleStudentRisk(db: Db, stored: StoredRisk, schoolYear: string): Promise<StudentRisk> {
  const [series, settings] = await Promise.all([
    loadStudentSeries(db, stored.schoolId, stored.studentId, { asOf: stored.asOf }),
    // the version findStoredRisk worded the result with: kept in its cache, not read again
    findRiskSettingsVersions(db, [stored.settingsVersion]),
  ]);
  const input = series?.input;
  const projection = stored.fullIndicators.find((i) => i.key === 'absence_projection')?.details ?? {};
  // a version that is not stored reads as the defaults (findRiskSettingsVersions)
  const share = settings.get(stored.settingsVersion)!.projection.maxAbsenceShare;
  const annualHours = input?.annualHours ?? 0;
  const bySubject = new Map<string, StudentRisk['series']['grades'][number]['points']>();
  for (const g of series?.data.grades ?? []) {
    const points = bySubject.get(g.subject) ?? [];
    points.push({ date: g.date, value: g.value, raw: g.raw, kind: g.kind });
    bySubject.set(g.subject, points);
  }
  return {
    studentId: stored.studentId,
    classId: stored.classId,
    className: stored.className,
    schoolYear,
    asOf: stored.asOf,
    settingsVersion: stored.settingsVersion,
    computedAt: stored.computedAt,
    computedTier: stored.computedTier,
    tier: stored.tier,
    tierExplanation: stored.tierExplanation,
    tierExplanationKey: stored.tierMessage.key,
    tierExplanationParams: stored.tierMessage.params,
    probability: stored.probability,
    score: stored.score,
    reasons: stored.reasons.map((r) => ({
      key: r.key,
      domain: r.domain,
      level: r.level,
      explanation: r.explanation,
      explanationKey: r.message.key,
      explanationParams: r.message.params,
    })),
    indicators: stored.fullIndicators.map((i) => ({
      ...indicatorSummaryOf(i),
      explanation: i.explanation,
      domain: i.domain,
      ...(i.details !== undefined ? { details: i.details } : {}),
    })),
    review: stored.review,
    reviews: stored.reviews,
    series: {
      weeks: input?.weeks ?? [],
      grades: [...bySubject].sort(([a], [b]) => a.localeCompare(b)).map(([subject, points]) => ({ subject, points })),
      limit: {
        share,
        annualHours,
        hours: annualHours * share,
        countedHours: typeof projection.countedHours === 'number' ? projection.countedHours : 0,
        projectedCrossingDate: typeof projection.crossingDate === 'string' ? projection.crossingDate : null,
      },
    },
  };
}
