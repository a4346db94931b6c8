import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CaseSummary, FollowUp } from '@primm/shared/contracts/cases';
import { EmptyState } from '../../../components/empty-state';
import { formatDate } from '../../../lib/format';
import { formatLongDay } from './calendar-format';
import { addDays, mondayOf } from '@primm/shared/dates';
import { dueThisWeek } from './follow-up-calendar-data';

/** The top of a mediator's day: the follow-ups of this week and the overdue ones, each a link to its case. */
export function DueThisWeek({
  cases,
  followUps,
  today,
}: {
  cases: CaseSummary[];
  followUps: FollowUp[];
  today: string;
}) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const items = dueThisWeek(cases, followUps, today);
  const monday = mondayOf(today);

  return (
    <section aria-labelledby={headingId} className="section">
      <h2 id={headingId}>{t('followUps.week.title')}</h2>
      <p className="hint">
        {t('followUps.week.intro', {
          from: formatDate(monday, i18n.language),
          to: formatDate(addDays(monday, 6), i18n.language),
        })}
      </p>
      {items.length === 0 ? (
        <EmptyState>{t('followUps.week.empty')}</EmptyState>
      ) : (
        <ul className="due-list" aria-label={t('followUps.week.listLabel')}>
          {items.map((d) => (
            <li key={`${d.caseId}-${d.date}`} className={d.overdue ? 'due due-overdue' : 'due'}>
              <p className="due-date">
                {formatLongDay(d.date, i18n.language)}
                {d.overdue && <strong className="overdue"> ({t('followUps.week.overdue')})</strong>}
              </p>
              <p className="due-who">
                <Link to={`/casi/${d.caseId}`}>
                  {d.student.lastName} {d.student.firstName}
                  <span className="hint"> – {t('followUps.week.case', { id: d.caseId })}</span>
                </Link>
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
