import { useTranslation } from 'react-i18next';
import type { IncomingArrival } from '@primm/shared/contracts/arrivals';
import { ErrorAlert } from '../../../components/error-alert';
import { LoadingStatus } from '../../../components/loading-status';
import { formatDate } from '../../../lib/format';
import { useArrivals } from '../api/get-arrivals';
import { ArrivalAnswerForm } from './arrival-answer-form';

/**
 * "In arrivo": young people another school reoriented toward the referent's school (issue #21).
 * Only name, birth date, origin school and date: nothing of their record (docs/privacy.md).
 */
export function IncomingArrivals() {
  const { t, i18n } = useTranslation();
  const arrivals = useArrivals();
  const date = (iso: string) => formatDate(iso, i18n.language);

  if (arrivals.isPending) return <LoadingStatus />;
  if (arrivals.isError) return <ErrorAlert error={arrivals.error} onRetry={() => void arrivals.refetch()} />;
  const { incoming, today } = arrivals.data;

  const statusOf = (a: IncomingArrival) => {
    if (a.status === 'enrolled')
      return a.autoReason
        ? t(`arrivals.auto.${a.autoReason}`, { date: date(a.enrolledOn ?? a.date) })
        : t('arrivals.status.enrolled', { date: date(a.enrolledOn ?? a.date) });
    if (a.status === 'no_show') return t('arrivals.status.no_show');
    return a.overdue
      ? t('arrivals.status.overdue', { date: date(a.dueOn) })
      : t('arrivals.status.pending', { date: date(a.dueOn) });
  };

  return (
    <section aria-labelledby="incoming-arrivals-heading" className="form-card">
      <h2 id="incoming-arrivals-heading">{t('arrivals.incoming.title')}</h2>
      <p className="hint">{t('arrivals.incoming.intro')}</p>
      {incoming.length === 0 ? (
        <p className="empty-state">{t('arrivals.incoming.empty')}</p>
      ) : (
        <ul className="plain-list arrival-list">
          {incoming.map((a) => (
            <li key={a.actionId}>
              <p>
                <strong>
                  {a.student.lastName} {a.student.firstName}
                </strong>{' '}
                {t('arrivals.incoming.facts', {
                  birth: date(a.student.birthDate),
                  origin: `${a.originSchool.name} (${a.originSchool.code})`,
                  date: date(a.date),
                  school: a.receivingSchool.name,
                })}
              </p>
              <p className={a.overdue ? 'callout callout-warning' : 'hint'}>{statusOf(a)}</p>
              {a.status === 'pending' && a.importedEnrolmentOn && (
                <p className="hint">{t('arrivals.incoming.imported', { date: date(a.importedEnrolmentOn) })}</p>
              )}
              {a.status === 'pending' && <ArrivalAnswerForm arrival={a} today={today} />}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
