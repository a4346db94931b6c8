import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { formatDateTime } from '../../../lib/format';
import { useStudentDeliveries } from '../api/get-deliveries';
import { DeliveryStatusText } from './delivery-status-text';

/**
 * Beside the art. 114 panel: what the school sent the student's municipality and whether the
 * office acknowledged it. Nothing sent, nothing shown.
 */
export function StudentDeliveries({ studentId }: { studentId: number }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const query = useStudentDeliveries(studentId);
  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  const deliveries = query.data?.deliveries ?? [];
  if (deliveries.length === 0) return null;
  return (
    <section aria-labelledby={id} className="section card">
      <h2 id={id}>{t('municipalityInbox.student.title')}</h2>
      <ul className="delivery-list">
        {deliveries.map((d) => (
          <li key={d.id}>
            <p>
              {t(`municipalityInbox.kind.${d.kind}`)} —{' '}
              {t('municipalityInbox.student.sentTo', {
                municipality: d.municipality.name,
                at: formatDateTime(d.deliveredAt, i18n.language),
              })}
            </p>
            <DeliveryStatusText {...d} pec={d.municipality.pec} />
          </li>
        ))}
      </ul>
    </section>
  );
}
