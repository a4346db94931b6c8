import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { LoadingStatus } from '../../../components/loading-status';
import { formatDate, formatNumber } from '../../../lib/format';
import { wordExplanation } from '../../../lib/word-message';
import { useStudentRisk } from '../api/get-student-risk';
import { absenceOutlook } from './absence-outlook';
import { ProbabilityValue } from './probability-value';
import { TierValue } from './tier-value';

type Props = {
  studentId: number;
  /** What is under way (flags, cases, the art. 114 clock), from their features, composed by the route. */
  underWay?: ReactNode;
};

/**
 * The top of the student page (issue 19): the level and why, the calibrated probability, the hours
 * of absence left before the ¾ limit at the year's pace and at the last weeks', and what is under
 * way. It needs only the assessment, never the charts' code: it shows as soon as that arrives.
 */
export function StudentRiskSummary({ studentId, underWay }: Props) {
  const { t, i18n } = useTranslation();
  const risk = useStudentRisk(studentId);
  const h = (v: number) => formatNumber(v, i18n.language, 1);
  const d = (iso: string) => formatDate(iso, i18n.language);

  let body: ReactNode;
  if (risk.isPending) body = <LoadingStatus />;
  else if (risk.isError) body = <ErrorAlert error={risk.error} onRetry={() => void risk.refetch()} />;
  else if (!risk.data) body = <p className="empty-state">{t('risk.notComputed')}</p>;
  else {
    const r = risk.data;
    const outlook = absenceOutlook(r);
    const pace = (p: { projectedHours: number; crossingDate: string | null }) =>
      p.crossingDate
        ? t('studentPage.pace.crossing', { date: d(p.crossingDate) })
        : t('studentPage.pace.within', { hours: h(p.projectedHours) });
    body = (
      <>
        <p className="summary-level">
          <TierValue computedTier={r.computedTier} tier={r.tier} />{' '}
          <ProbabilityValue probability={r.probability} long />
          <span className="hint"> {t('studentPage.asOf', { date: d(r.asOf) })}</span>
        </p>
        {r.review && (
          <p className="hint">
            {t('risk.summary.lastReview', {
              action: t(`risk.review.action.${r.review.action}`),
              by: r.review.by,
              reason: r.review.reason,
            })}
          </p>
        )}
        <p>
          <strong>{t('risk.summary.why')}</strong> {wordExplanation(t, r.tierExplanationKey, r.tierExplanationParams)}
        </p>
        {r.reasons.length > 0 && (
          <ul className="summary-reasons">
            {r.reasons.map((reason) => (
              <li key={reason.key}>
                {t(`risk.indicator.${reason.key}`)} ({t(`risk.level.${reason.level}`)}):{' '}
                {wordExplanation(t, reason.explanationKey, reason.explanationParams)}
              </li>
            ))}
          </ul>
        )}
        <p className="summary-absence">
          <strong>{t('studentPage.absenceTitle')}</strong>{' '}
          {outlook.over
            ? t('studentPage.overLimit', { counted: h(outlook.countedHours), limit: h(outlook.limitHours) })
            : t('studentPage.hoursLeft', {
                left: h(outlook.hoursLeft),
                limit: h(outlook.limitHours),
                counted: h(outlook.countedHours),
              })}
          {outlook.yearPace && <> {t('studentPage.pace.year', { outcome: pace(outlook.yearPace) })}</>}
          {outlook.recentPace && (
            <> {t('studentPage.pace.recent', { count: outlook.recentPace.weeks, outcome: pace(outlook.recentPace) })}</>
          )}
        </p>
      </>
    );
  }

  return (
    <section
      aria-labelledby="student-summary-heading"
      className={`student-summary${risk.data ? ` tier-border-${risk.data.tier}` : ''}`}
    >
      <h2 id="student-summary-heading">{t('studentPage.summaryTitle')}</h2>
      {body}
      {underWay && <div className="summary-under-way">{underWay}</div>}
    </section>
  );
}
