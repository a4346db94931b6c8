import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../lib/format';
import { useStudentCompulsory } from '../api/get-student-compulsory';

/**
 * The summary's line on the art. 114 clock (D.Lgs 297/1994 as rewritten by DL 123/2023): where the
 * procedure stands, in short; the panel below has the details and the acts. For a student no
 * longer under the obligation, that it does not apply.
 */
export function CompulsoryUnderWay({ studentId }: { studentId: number }) {
  const { t, i18n } = useTranslation();
  const compulsory = useStudentCompulsory(studentId);
  if (!compulsory.data) return null;
  const clock = compulsory.data.clock;
  if (!clock) {
    return (
      <p>
        <strong>{t('compulsory.underWay.label')}</strong>{' '}
        {t('compulsory.underWay.noClock', { status: t(`compulsory.panel.status.${compulsory.data.legalStatus}`) })}
      </p>
    );
  }
  const d = (iso: string | null) => (iso ? formatDate(iso, i18n.language) : '');
  return (
    <p>
      <strong>{t('compulsory.underWay.label')}</strong>{' '}
      {t(`compulsory.underWay.${clock.state}`, {
        days: clock.daysInWindow,
        triggeredOn: d(clock.triggeredOn),
        notifiedOn: d(clock.notifiedOn),
        countdownEndsOn: d(clock.countdownEndsOn),
        reportDueFrom: d(clock.reportDueFrom),
        reportedOn: d(clock.reportedOn),
        returnedOn: d(clock.returnedOn),
      })}{' '}
      <a href="#compulsory-heading">{t('compulsory.underWay.details')}</a>
    </p>
  );
}
