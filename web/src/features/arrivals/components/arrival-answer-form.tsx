import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { IncomingArrival } from '@primm/shared/contracts/arrivals';
import { ErrorAlert } from '../../../components/error-alert';
import { useAnswerArrival } from '../api/answer-arrival';

/** The receiving referent's answer: enrolled from a date (the import's, when it already has one), or never came. */
export function ArrivalAnswerForm({ arrival, today }: { arrival: IncomingArrival; today: string }) {
  const { t } = useTranslation();
  const id = useId();
  const answer = useAnswerArrival(arrival.actionId);
  const [enrolledOn, setEnrolledOn] = useState(arrival.importedEnrolmentOn ?? today);
  const name = `${arrival.student.lastName} ${arrival.student.firstName}`;

  function confirm(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    answer.mutate({ answer: 'enrolled', enrolledOn });
  }

  return (
    <form onSubmit={confirm} className="inline-form" aria-label={t('arrivals.incoming.answerFor', { name })}>
      {answer.isError && <ErrorAlert error={answer.error} />}
      <div className="field">
        <label htmlFor={`${id}-enrolled-on`}>{t('arrivals.incoming.enrolledOn')}</label>
        <input
          id={`${id}-enrolled-on`}
          type="date"
          required
          value={enrolledOn}
          onChange={(e) => setEnrolledOn(e.target.value)}
        />
      </div>
      <div className="field-actions">
        <button type="submit" className="btn btn-primary" disabled={answer.isPending}>
          {t('arrivals.incoming.confirm')}
        </button>
        <button
          type="button"
          className="btn btn-outline"
          disabled={answer.isPending}
          onClick={() => answer.mutate({ answer: 'no_show' })}
        >
          {t('arrivals.incoming.noShow')}
        </button>
      </div>
    </form>
  );
}
