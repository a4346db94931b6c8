import { useDeferredValue } from 'react';
import { useTranslation } from 'react-i18next';
import { CollapsibleSection } from '../../../components/collapsible-section';
import { useStudentRisk } from '../api/get-student-risk';
import { AttendanceSection } from './attendance-section';
import { GradesSection } from './grades-section';
import { IndicatorList } from './indicator-list';
import { ReviewHistory } from './review-history';

/**
 * The series behind the level, in sections that open on demand (issue 19): the weekly attendance
 * open (the first chart), the grades, every indicator and the reviews closed. The summary above
 * (StudentRiskSummary) says the level and why; this waits for nothing it shows.
 */
export function StudentRiskSections({ studentId }: { studentId: number }) {
  const { t } = useTranslation();
  const risk = useStudentRisk(studentId);
  // Rendered after the summary, in a pass of its own that React may interrupt: the weekly table and
  // the chart would otherwise hold the summary's first paint (the same answer feeds both).
  const data = useDeferredValue(risk.data, undefined);
  if (!data) return null; // loading, failed or not computed: the summary says which
  const points = data.series.grades.reduce((n, g) => n + g.points.length, 0);

  return (
    <>
      <CollapsibleSection id="attendance" title={t('risk.attendance.title')} defaultOpen>
        <AttendanceSection series={data.series} />
      </CollapsibleSection>
      <CollapsibleSection
        id="grades"
        title={t('risk.grades.title')}
        note={t('studentPage.gradesNote', { subjects: data.series.grades.length, count: points })}
      >
        <GradesSection grades={data.series.grades} />
      </CollapsibleSection>
      <CollapsibleSection
        id="indicators"
        title={t('risk.indicatorsTitle')}
        note={t('studentPage.indicatorsNote', {
          count: data.indicators.filter((i) => i.level !== 'ok').length,
          total: data.indicators.length,
        })}
      >
        <IndicatorList indicators={data.indicators} />
      </CollapsibleSection>
      <CollapsibleSection
        id="reviews"
        title={t('risk.review.historyTitle')}
        note={t('studentPage.reviewsNote', { count: data.reviews.length })}
      >
        <ReviewHistory reviews={data.reviews} />
      </CollapsibleSection>
    </>
  );
}
