import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { useAnswerReferral } from '../api/answer-referral';

/** The PUA's first answer: accept, or decline with a reason (issue 21). */
export function AnswerReferralForm({ id }: { id: number }) {
  const { t } = useTranslation();
  const formId = useId();
  const answer = useAnswerReferral(id);
  const [reason, setReason] = useState('');

  function decline(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    answer.mutate({ decision: 'decline', reason: reason.trim() });
  }

  return (
    <section aria-labelledby={`${formId}-heading`} className="form-card">
      <h2 id={`${formId}-heading`}>{t('referrals.detail.answer')}</h2>
      {answer.isError && <ErrorAlert error={answer.error} />}
      <p>
        <button
          type="button"
          className="btn btn-primary"
          disabled={answer.isPending}
          onClick={() => answer.mutate({ decision: 'accept' })}
        >
          {t('referrals.detail.accept')}
        </button>
      </p>
      <form onSubmit={decline} className="stacked-form">
        <div className="field">
          <label htmlFor={`${formId}-reason`}>{t('referrals.detail.declineReason')}</label>
          <textarea
            id={`${formId}-reason`}
            rows={2}
            required
            minLength={3}
            maxLength={1000}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
        </div>
        <div className="field-actions">
          <button type="submit" className="btn btn-outline" disabled={answer.isPending}>
            {t('referrals.detail.declineSubmit')}
          </button>
        </div>
      </form>
    </section>
  );
}
