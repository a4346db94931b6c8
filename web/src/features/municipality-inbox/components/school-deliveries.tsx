import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert';
import { LoadingStatus } from '../../../components/loading-status';
import { TableScroll } from '../../../components/table-scroll';
import { formatDateTime } from '../../../lib/format';
import { useSchoolDeliveries } from '../api/get-deliveries';
import { DeliveryStatusText } from './delivery-status-text';

/** On the deadlines page: each report and list the school sent this year, and its acknowledgement. */
export function SchoolDeliveries({ schoolCode }: { schoolCode: string }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const query = useSchoolDeliveries(schoolCode);
  const deliveries = query.data?.deliveries ?? [];
  const overdue = deliveries.filter((d) => d.status === 'overdue').length;
  return (
    <section aria-labelledby={id} className="section">
      <h2 id={id}>
        {t('municipalityInbox.school.title')}{' '}
        {overdue > 0 && <span className="badge">{t('municipalityInbox.school.overdueCount', { count: overdue })}</span>}
      </h2>
      <p className="hint">{t('municipalityInbox.school.hint', { days: query.data?.ackWorkingDays ?? 15 })}</p>
      {query.isPending && <LoadingStatus />}
      {query.isError && <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />}
      {query.isSuccess && deliveries.length === 0 && (
        <p className="empty-state">{t('municipalityInbox.school.none')}</p>
      )}
      {deliveries.length > 0 && (
        <TableScroll labelledBy={`${id}-caption`}>
          <table className="table">
            <caption id={`${id}-caption`} className="visually-hidden">
              {t('municipalityInbox.school.title')}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('municipalityInbox.school.what')}</th>
                <th scope="col">{t('municipalityInbox.school.municipality')}</th>
                <th scope="col">{t('municipalityInbox.school.sentAt')}</th>
                <th scope="col">{t('municipalityInbox.school.status')}</th>
              </tr>
            </thead>
            <tbody>
              {deliveries.map((d) => (
                <tr key={d.id}>
                  <th scope="row">
                    {d.student ? (
                      <Link to={`/studenti/${d.student.id}`}>
                        {t('municipalityInbox.school.reportOf', {
                          name: `${d.student.lastName} ${d.student.firstName}`,
                          className: d.student.className,
                        })}
                      </Link>
                    ) : (
                      t('municipalityInbox.school.listOf', { count: d.students })
                    )}
                  </th>
                  <td>{d.municipality.name}</td>
                  <td>{formatDateTime(d.deliveredAt, i18n.language)}</td>
                  <td>
                    <DeliveryStatusText {...d} pec={d.municipality.pec} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}
