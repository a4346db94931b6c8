import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { RiskReviewAction, RiskTier, type StudentRisk } from '@primm/shared/contracts/risk';
import { Confirmation } from '../../../components/confirmation';
import { ErrorAlert } from '../../../components/error-alert';
import { FormDisclosure } from '../../../components/form-disclosure';
import { useStudentRisk } from '../api/get-student-risk';
import { useReviewRisk } from '../api/review-risk';

/** The contract's rule (RiskReviewInput), checked here first so the user hears it at once. */
const MIN_REASON = 5;

/**
 * A human decides (DESIGN.md): confirm, dismiss or override the computed level, always with a
 * reason; behind the "Rivedi il livello…" button among the page's actions, once the level is known.
 */
export function ReviewForm({ studentId }: { studentId: number }) {
  const risk = useStudentRisk(studentId);
  if (!risk.data) return null;
  return <ReviewDisclosure risk={risk.data} />;
}

function ReviewDisclosure({ risk }: { risk: StudentRisk }) {
  const { t } = useTranslation();
  const review = useReviewRisk(risk.studentId, risk.classId);
  const [open, setOpen] = useState(false);
  const [action, setAction] = useState<RiskReviewAction>('confirm');
  const [tier, setTier] = useState<RiskTier>(risk.computedTier === 3 ? 2 : 3);
  const [reason, setReason] = useState('');
  const [tooShort, setTooShort] = useState(false);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (reason.trim().length < MIN_REASON) {
      setTooShort(true);
      document.getElementById('review-reason')?.focus();
      return;
    }
    setTooShort(false);
    review.mutate(
      { action, reason: reason.trim(), ...(action === 'override' ? { tier } : {}) },
      {
        onSuccess: () => {
          setReason('');
          setOpen(false);
        },
      },
    );
  }

  function openChange(next: boolean) {
    if (next) {
      review.reset();
      setTooShort(false);
    }
    setOpen(next);
  }

  return (
    <FormDisclosure
      label={t('risk.review.open')}
      open={open}
      onOpenChange={openChange}
      confirmation={review.isSuccess && <Confirmation key={review.submittedAt}>{t('risk.review.saved')}</Confirmation>}
    >
      {(close) => (
        <form onSubmit={submit} className="stacked-form form-card" aria-label={t('risk.review.title')} noValidate>
          {review.isError && <ErrorAlert error={review.error} />}
          <fieldset className="radio-group">
            <legend>{t('risk.review.decision')}</legend>
            {RiskReviewAction.options.map((a) => (
              <label key={a} className="radio">
                <input
                  type="radio"
                  name="review-action"
                  value={a}
                  checked={action === a}
                  onChange={() => setAction(a)}
                />{' '}
                {t(`risk.review.action.${a}`)}
              </label>
            ))}
          </fieldset>
          {action === 'override' && (
            <div className="field">
              <label htmlFor="review-tier">{t('risk.review.newTier', { computed: risk.computedTier })}</label>
              <select id="review-tier" value={tier} onChange={(e) => setTier(RiskTier.parse(Number(e.target.value)))}>
                {([1, 2, 3] as const)
                  .filter((x) => x !== risk.computedTier)
                  .map((x) => (
                    <option key={x} value={x}>
                      {t('risk.tierN', { tier: x })}
                    </option>
                  ))}
              </select>
            </div>
          )}
          <div className="field">
            <label htmlFor="review-reason">{t('risk.review.reason')}</label>
            <textarea
              id="review-reason"
              rows={3}
              maxLength={2000}
              value={reason}
              aria-invalid={tooShort}
              aria-describedby={tooShort ? 'review-reason-error' : 'review-reason-hint'}
              onChange={(e) => setReason(e.target.value)}
            />
            {tooShort ? (
              <p id="review-reason-error" className="field-error">
                {t('risk.review.reasonTooShort', { min: MIN_REASON })}
              </p>
            ) : (
              <p id="review-reason-hint" className="hint">
                {t('risk.review.reasonHint', { min: MIN_REASON })}
              </p>
            )}
          </div>
          <div className="field-actions">
            <button type="submit" className="btn btn-primary" disabled={review.isPending}>
              {t('risk.review.submit')}
            </button>
            <button type="button" className="btn btn-outline" onClick={close}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}
    </FormDisclosure>
  );
}
