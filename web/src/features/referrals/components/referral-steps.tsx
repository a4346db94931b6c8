import { useTranslation } from 'react-i18next';
import type { Referral } from '@primm/shared/contracts/referrals';
import { formatDate } from '../../../lib/format';
import { useCaseReferrals } from '../api/get-case-referrals';
import { ReferralWait } from './referral-wait';

/**
 * A referral's steps, under the case action of its sending (the case timeline) and on the PUA's
 * page: what was sent with which consent, the answer, the services and updates.
 */
export function ReferralSteps({ referral: r }: { referral: Referral }) {
  const { t, i18n } = useTranslation();
  const date = (iso: string) => formatDate(iso.slice(0, 10), i18n.language);
  const reasons = (list: Referral['reasons']) => list.map((x) => t(`referrals.reason.${x}`)).join(', ');
  return (
    <div className="referral-steps">
      <p>
        <strong>{t(`referrals.status.${r.status}`)}</strong> – <ReferralWait referral={r} />
      </p>
      <dl className="inline-facts">
        <dt>{t('referrals.steps.reasons')}</dt>
        <dd>{reasons(r.reasons)}</dd>
        <dt>{t('referrals.steps.consent')}</dt>
        <dd>
          {t('referrals.steps.consentText', {
            by: r.consent.givenBy,
            date: date(r.consent.givenOn),
            services: reasons(r.consent.services),
          })}
        </dd>
      </dl>
      <ol className="plain-list">
        {r.answeredBy && r.firstAnswerAt && (
          <li>
            {t(r.status === 'declined' ? 'referrals.steps.declined' : 'referrals.steps.accepted', {
              name: r.answeredBy.name,
              date: date(r.firstAnswerAt),
            })}
            {r.declineReason && (
              <>
                {' '}
                – {t('referrals.steps.declineReason')}: {r.declineReason}
              </>
            )}
          </li>
        )}
        {r.updates.map((u) => (
          <li key={u.id}>
            {t('referrals.steps.update', { date: date(u.createdAt), name: u.createdBy.name })}
            <dl className="inline-facts">
              {u.services && (
                <>
                  <dt>{t('referrals.steps.services')}</dt>
                  <dd>{u.services}</dd>
                </>
              )}
              {u.responsible && (
                <>
                  <dt>{t('referrals.steps.responsible')}</dt>
                  <dd>{u.responsible}</dd>
                </>
              )}
              {u.note && (
                <>
                  <dt>{t('referrals.steps.note')}</dt>
                  <dd className="pre-line">{u.note}</dd>
                </>
              )}
            </dl>
            {u.closed && <p>{t('referrals.steps.closed')}</p>}
          </li>
        ))}
      </ol>
    </div>
  );
}

/** The steps of the referral sent with a case action, for the case timeline (the panel's query, shared by key). */
export function ReferralStepsOfAction({ caseId, actionId }: { caseId: number; actionId: number }) {
  const referral = useCaseReferrals(caseId).data?.items.find((r) => r.caseActionId === actionId);
  return referral ? <ReferralSteps referral={referral} /> : null;
}
