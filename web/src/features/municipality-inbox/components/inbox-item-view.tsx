import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { InboxItem } from '@primm/shared/contracts/municipality-inbox';
import { ErrorAlert } from '../../../components/error-alert';
import { LoadingStatus } from '../../../components/loading-status';
import { PageTitle } from '../../../components/page-title';
import { TableScroll } from '../../../components/table-scroll';
import { formatDate, formatDateTime } from '../../../lib/format';
import { useInboxItem } from '../api/get-inbox-item';
import { AcknowledgeForm } from './acknowledge-form';
import { DeliveryStatusText } from './delivery-status-text';
import { MeasureForm } from './measure-form';

/** One report or list as the school sent it, its acknowledgement and the measures taken. */
export function InboxItemView({ itemId }: { itemId: number }) {
  const { t, i18n } = useTranslation();
  const query = useInboxItem(itemId);
  if (query.isPending) return <LoadingStatus />;
  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  const item = query.data;
  const title = item.student
    ? t('municipalityInbox.reportOf', { name: `${item.student.lastName} ${item.student.firstName}` })
    : t('municipalityInbox.listOf', { count: item.students, year: item.schoolYear });
  return (
    <>
      <PageTitle page={title} />
      <h1>{title}</h1>
      <p className="lead">
        {t('municipalityInbox.item.from', {
          school: item.school.name,
          code: item.school.code,
          at: formatDateTime(item.deliveredAt, i18n.language),
        })}
      </p>
      <p>
        <DeliveryStatusText {...item} />
      </p>
      {item.report && <ReportFacts report={item.report} />}
      {item.list && <ListRows rows={item.list.rows} />}
      {!item.acknowledgement ? (
        <AcknowledgeForm itemId={item.id} deliveredOn={item.deliveredAt.slice(0, 10)} />
      ) : (
        <Measures item={item} />
      )}
    </>
  );
}

function ReportFacts({ report }: { report: NonNullable<InboxItem['report']> }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const d = (iso: string) => formatDate(iso, i18n.language);
  const facts: [string, string][] = [
    [t('municipalityInbox.report.student'), `${report.student.lastName} ${report.student.firstName}`],
    [t('municipalityInbox.report.birthDate'), d(report.student.birthDate)],
    [t('municipalityInbox.report.class'), `${report.student.className} — ${report.school.name}`],
    [t('municipalityInbox.report.schoolYear'), report.schoolYear],
    [
      t('municipalityInbox.report.days'),
      t('municipalityInbox.report.daysValue', {
        n: report.countedDays.length,
        from: d(report.windowFrom),
        to: d(report.triggeredOn),
      }),
    ],
    [t('municipalityInbox.report.notifiedOn'), d(report.notifiedOn)],
    [t('municipalityInbox.report.countdownEndsOn'), d(report.countdownEndsOn)],
    [t('municipalityInbox.report.reportedOn'), report.reportedOn ? d(report.reportedOn) : '—'],
  ];
  return (
    <section aria-labelledby={id} className="section card">
      <h2 id={id}>{t('municipalityInbox.report.title')}</h2>
      <dl className="facts">
        {facts.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      <p className="hint">{t('municipalityInbox.report.legalBasis', { basis: report.legalBasis })}</p>
    </section>
  );
}

function ListRows({ rows }: { rows: NonNullable<InboxItem['list']>['rows'] }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  return (
    <section aria-labelledby={id} className="section">
      <h2 id={id}>{t('municipalityInbox.list.title')}</h2>
      <p className="hint">{t('municipalityInbox.list.taxCode')}</p>
      <TableScroll labelledBy={id}>
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('municipalityInbox.list.name')}</th>
              <th scope="col">{t('municipalityInbox.list.birthDate')}</th>
              <th scope="col">{t('municipalityInbox.list.class')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={i}>
                <th scope="row">
                  {r.lastName} {r.firstName}
                </th>
                <td>{formatDate(r.birthDate, i18n.language)}</td>
                <td>{r.className}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}

function Measures({ item }: { item: InboxItem }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  return (
    <section aria-labelledby={id} className="section">
      <h2 id={id}>{t('municipalityInbox.measures.title')}</h2>
      {item.measures.length === 0 ? (
        <p className="empty-state">{t('municipalityInbox.measures.none')}</p>
      ) : (
        <ul className="delivery-list">
          {item.measures.map((m) => (
            <li key={m.id}>
              <strong>{formatDate(m.takenOn, i18n.language)}</strong> — {m.description}
            </li>
          ))}
        </ul>
      )}
      <MeasureForm itemId={item.id} />
    </section>
  );
}
