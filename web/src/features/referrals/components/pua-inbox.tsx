import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PuaReferral } from '@primm/shared/contracts/referrals';
import { ErrorAlert } from '../../../components/error-alert';
import { LoadingStatus } from '../../../components/loading-status';
import { PageTitle } from '../../../components/page-title';
import { TableScroll } from '../../../components/table-scroll';
import { formatDate } from '../../../lib/format';
import { usePuaReferrals } from '../api/get-pua-referrals';
import { INBOX_GROUPS, inboxGroupOf, type InboxGroup } from './pua-inbox-groups';
import { ReferralWait } from './referral-wait';

/** The PUA's inbox: the referrals for its municipalities, overdue first, then waiting, in progress, closed. */
export function PuaInbox() {
  const { t } = useTranslation();
  const referrals = usePuaReferrals();
  return (
    <>
      <PageTitle page={t('referrals.inbox.title')} />
      <h1>{t('referrals.inbox.title')}</h1>
      <p className="lead">{t('referrals.inbox.intro')}</p>
      {referrals.isPending ? (
        <LoadingStatus />
      ) : referrals.isError ? (
        <ErrorAlert error={referrals.error} onRetry={() => void referrals.refetch()} />
      ) : (
        INBOX_GROUPS.map((group) => (
          <InboxTable key={group} group={group} items={referrals.data.items.filter((r) => inboxGroupOf(r) === group)} />
        ))
      )}
    </>
  );
}

function InboxTable({ group, items }: { group: InboxGroup; items: PuaReferral[] }) {
  const { t, i18n } = useTranslation();
  const headingId = `inbox-${group}`;
  return (
    <section aria-labelledby={headingId} className="section">
      <h2 id={headingId}>
        {t(`referrals.inbox.group.${group}`)} ({items.length})
      </h2>
      {items.length === 0 ? (
        <p className="empty-state">{t('referrals.inbox.empty')}</p>
      ) : (
        <TableScroll labelledBy={headingId}>
          {/* on a phone each referral is a card: the wait, what matters most, was off screen to the right */}
          <table className="table table-compact table-cards">
            <thead>
              <tr>
                <th scope="col">{t('referrals.inbox.student')}</th>
                <th scope="col">{t('referrals.inbox.school')}</th>
                <th scope="col">{t('referrals.inbox.sentOn')}</th>
                <th scope="col">{t('referrals.inbox.reasons')}</th>
                <th scope="col">{t('referrals.inbox.wait')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((r) => (
                <tr key={r.id} className={r.overdue ? 'row-overdue' : undefined}>
                  <th scope="row">
                    <Link to={`/invii/${r.id}`}>
                      {r.student.lastName} {r.student.firstName}
                    </Link>
                  </th>
                  <td data-label={t('referrals.inbox.school')}>
                    {r.student.schoolName}
                    {r.student.className && ` (${r.student.className})`}
                  </td>
                  <td className="nowrap" data-label={t('referrals.inbox.sentOn')}>
                    {formatDate(r.sentOn, i18n.language)}
                  </td>
                  <td data-label={t('referrals.inbox.reasons')}>
                    {r.reasons.map((x) => t(`referrals.reason.${x}`)).join(', ')}
                  </td>
                  <td data-label={t('referrals.inbox.wait')}>
                    <ReferralWait referral={r} />
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
