import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/empty-state';
import { ErrorAlert } from '../../../components/error-alert';
import { LoadingStatus } from '../../../components/loading-status';
import { useStudentRisk } from '../api/get-student-risk';
import { AttendanceSection } from './attendance-section';
import { GradesSection } from './grades-section';
import { IndicatorList } from './indicator-list';
import { ReviewForm } from './review-form';
import { ReviewHistory } from './review-history';
import { RiskSummary } from './risk-summary';
import { StudentPath } from './student-path';

/** The student's assessment: tier and why, the indicators, the series behind them, the path, the human review. */
export function StudentRiskDetail({ studentId }: { studentId: number }) {
  const { t } = useTranslation();
  const risk = useStudentRisk(studentId);

  if (risk.isPending) return <LoadingStatus />;
  if (risk.isError) return <ErrorAlert error={risk.error} onRetry={() => void risk.refetch()} />;
  if (!risk.data) return <EmptyState>{t('risk.notComputed')}</EmptyState>;
  const data = risk.data;

  return (
    <>
      <RiskSummary risk={data} />
      <IndicatorList indicators={data.indicators} headingId="indicators-heading" title={t('risk.indicatorsTitle')} />
      <AttendanceSection series={data.series} />
      <GradesSection grades={data.series.grades} />
      <StudentPath indicators={data.indicators} />
      <section aria-labelledby="review-section-heading" className="section">
        <h2 id="review-section-heading">{t('risk.review.sectionTitle')}</h2>
        <div className="two-columns">
          <ReviewForm risk={data} />
          <ReviewHistory reviews={data.reviews} />
        </div>
      </section>
    </>
  );
}
