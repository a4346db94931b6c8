import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../../lib/format';
import { useArrivals } from '../api/get-arrivals';

/**
 * On the caseload: reorientations whose receiving school has not answered in 15 days (issue #21).
 * Silent while nothing is overdue or the list cannot be read: the caseload below stays the page.
 */
export function PendingArrivalsAlert() {
  const { t, i18n } = useTranslation();
  const arrivals = useArrivals();
  const overdue = arrivals.data?.outgoing.filter((a) => a.overdue) ?? [];
  if (overdue.length === 0) return null;

  return (
    <section aria-labelledby="overdue-arrivals-heading" className="callout callout-warning">
      <h2 id="overdue-arrivals-heading" className="callout-title">
        {t('arrivals.outgoing.title', { count: overdue.length })}
      </h2>
      <ul>
        {overdue.map((a) => (
          <li key={a.actionId}>
            <Link to={`/casi/${a.caseId}`}>
              {a.student.lastName} {a.student.firstName}
            </Link>{' '}
            {t('arrivals.outgoing.item', {
              school: `${a.receivingSchool.name} (${a.receivingSchool.code})`,
              date: formatDate(a.date, i18n.language),
              due: formatDate(a.dueOn, i18n.language),
            })}
          </li>
        ))}
      </ul>
    </section>
  );
}
