import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { LoadingStatus } from '../../../components/loading-status';
import { formatDate } from '../../../lib/format';
import { useCaseReferrals } from '../api/get-case-referrals';
import { ReferralWait } from './referral-wait';
import { SendReferralForm } from './send-referral-form';

/**
 * On a case: its referrals to the PUA at a glance (the mediator sees the days waiting for a first
 * answer, and which are overdue), and the form to send one when the case is open and theirs.
 * The steps of each referral show in the timeline, under the action of its sending.
 */
export function CaseReferralsPanel({ caseId, canSend }: { caseId: number; canSend: boolean }) {
  const { t, i18n } = useTranslation();
  const referrals = useCaseReferrals(caseId);
  return (
    <section aria-labelledby="referrals-heading" className="section">
      <h2 id="referrals-heading">{t('referrals.panel.title')}</h2>
      {referrals.isPending ? (
        <LoadingStatus />
      ) : referrals.isError ? (
        <ErrorAlert error={referrals.error} onRetry={() => void referrals.refetch()} />
      ) : referrals.data.items.length === 0 ? (
        <p className="empty-state">{t('referrals.panel.empty')}</p>
      ) : (
        <ul className="plain-list">
          {referrals.data.items.map((r) => (
            <li key={r.id} className={r.overdue ? 'callout callout-danger' : undefined}>
              {t('referrals.panel.sentOn', {
                date: formatDate(r.sentOn, i18n.language),
                municipality: r.municipality.name,
              })}
              : <strong>{t(`referrals.status.${r.status}`)}</strong> – <ReferralWait referral={r} />
            </li>
          ))}
        </ul>
      )}
      {canSend && <SendReferralForm caseId={caseId} />}
    </section>
  );
}
