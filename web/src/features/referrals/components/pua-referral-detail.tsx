import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert';
import { LoadingStatus } from '../../../components/loading-status';
import { PageTitle } from '../../../components/page-title';
import { formatDate } from '../../../lib/format';
import { usePuaReferral } from '../api/get-pua-referrals';
import { AnswerReferralForm } from './answer-referral-form';
import { ReferralSteps } from './referral-steps';
import { ReferralUpdateForm } from './referral-update-form';

/**
 * One referral as the PUA reads it: the student's name, birth date, school and class, the
 * contacts, the reasons and the consent; nothing else of the record (docs/privacy.md "PUA").
 */
export function PuaReferralDetail({ id }: { id: number }) {
  const { t, i18n } = useTranslation();
  const referral = usePuaReferral(id);
  const title = t('referrals.detail.title', { id });
  if (referral.isPending) return <LoadingStatus />;
  if (referral.isError)
    return (
      <>
        <PageTitle page={title} />
        <h1>{title}</h1>
        <ErrorAlert error={referral.error} onRetry={() => void referral.refetch()} />
      </>
    );
  const r = referral.data;
  const student = `${r.student.lastName} ${r.student.firstName}`;
  return (
    <>
      <PageTitle page={`${title} – ${student}`} />
      <p className="back-link">
        <Link to="/invii">{t('referrals.detail.back')}</Link>
      </p>
      <h1>
        {title}: {student}
      </h1>
      <dl className="facts">
        <div>
          <dt>{t('referrals.detail.birthDate')}</dt>
          <dd>{formatDate(r.student.birthDate, i18n.language)}</dd>
        </div>
        <div>
          <dt>{t('referrals.detail.school')}</dt>
          <dd>{r.student.schoolName}</dd>
        </div>
        <div>
          <dt>{t('referrals.detail.class')}</dt>
          <dd>{r.student.className ?? t('common.none')}</dd>
        </div>
        <div>
          <dt>{t('referrals.detail.municipality')}</dt>
          <dd>{r.municipality.name}</dd>
        </div>
        <div>
          <dt>{t('referrals.detail.contacts')}</dt>
          <dd>
            {t('referrals.detail.familyContact', { contact: r.familyContact })}
            <br />
            {t('referrals.detail.sender', { name: r.sentBy.name, email: r.sentBy.email })}
          </dd>
        </div>
      </dl>
      <p>
        <strong>{t('referrals.detail.text')}:</strong> <span className="pre-line">{r.text}</span>
      </p>
      <section aria-labelledby="referral-updates" className="section">
        <h2 id="referral-updates">{t('referrals.detail.updates')}</h2>
        <ReferralSteps referral={r} />
      </section>
      {r.status === 'sent' && <AnswerReferralForm id={r.id} />}
      {r.status === 'accepted' && <ReferralUpdateForm id={r.id} />}
    </>
  );
}
