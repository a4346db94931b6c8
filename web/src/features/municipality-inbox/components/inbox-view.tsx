import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { InboxItemSummary } from '@primm/shared/contracts/municipality-inbox';
import { ErrorAlert } from '../../../components/error-alert';
import { LoadingStatus } from '../../../components/loading-status';
import { TableScroll } from '../../../components/table-scroll';
import { formatDate, formatDateTime } from '../../../lib/format';
import { useInbox } from '../api/get-inbox';

/** The office's inbox in three groups: overdue first, then to acknowledge, then acknowledged. */
export function InboxView() {
  const { t } = useTranslation();
  const inbox = useInbox();
  if (inbox.isPending) return <LoadingStatus />;
  if (inbox.isError) return <ErrorAlert error={inbox.error} onRetry={() => void inbox.refetch()} />;
  const of = (status: InboxItemSummary['status']) => inbox.data.items.filter((i) => i.status === status);
  return (
    <>
      <p className="lead">{t('municipalityInbox.intro', { days: inbox.data.ackWorkingDays })}</p>
      <InboxGroup title={t('municipalityInbox.groups.overdue')} items={of('overdue')} />
      <InboxGroup title={t('municipalityInbox.groups.toAck')} items={of('delivered')} />
      <InboxGroup title={t('municipalityInbox.groups.acknowledged')} items={of('acknowledged')} />
    </>
  );
}

function InboxGroup({ title, items }: { title: string; items: InboxItemSummary[] }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  return (
    <section aria-labelledby={id} className="section">
      <h2 id={id}>
        {title} {items.length > 0 && <span className="badge">{items.length}</span>}
      </h2>
      {items.length === 0 ? (
        <p className="empty-state">{t('municipalityInbox.groups.empty')}</p>
      ) : (
        <TableScroll labelledBy={`${id}-caption`}>
          {/* on a phone each item is a card: its state (the deadline) was off screen to the right */}
          <table className="table table-cards">
            <caption id={`${id}-caption`} className="visually-hidden">
              {title}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('municipalityInbox.columns.what')}</th>
                <th scope="col">{t('municipalityInbox.columns.school')}</th>
                <th scope="col">{t('municipalityInbox.columns.deliveredAt')}</th>
                <th scope="col">{t('municipalityInbox.columns.state')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.id}>
                  <th scope="row">
                    <Link to={`/casella/${item.id}`}>
                      {item.student
                        ? t('municipalityInbox.reportOf', {
                            name: `${item.student.lastName} ${item.student.firstName}`,
                          })
                        : t('municipalityInbox.listOf', { count: item.students, year: item.schoolYear })}
                    </Link>
                  </th>
                  <td data-label={t('municipalityInbox.columns.school')}>{item.school.name}</td>
                  <td data-label={t('municipalityInbox.columns.deliveredAt')}>
                    {formatDateTime(item.deliveredAt, i18n.language)}
                  </td>
                  <td data-label={t('municipalityInbox.columns.state')}>
                    {item.acknowledgement
                      ? t('municipalityInbox.ackShort', {
                          date: formatDate(item.acknowledgement.receivedOn, i18n.language),
                          protocol: item.acknowledgement.protocolNumber,
                        })
                      : t('municipalityInbox.dueShort', { date: formatDate(item.dueBy, i18n.language) })}
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
