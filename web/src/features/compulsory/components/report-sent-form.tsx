import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AbsenceClock } from '@primm/shared/contracts/compulsory';
import { ErrorAlert } from '../../../components/error-alert';
import { ApiError } from '../../../lib/api-client';
import { formatDate } from '../../../lib/format';
import { useRecordReport } from '../api/record-report';
import { todayIso } from '../days-left';

type Props = { studentId: number; clock: AbsenceClock; onSaved: (message: string) => void; onConflict: (message: string) => void };

/** "Registra l'invio della segnalazione": from the eighth day after the notice (the server refuses earlier dates). */
export function ReportSentForm({ studentId, clock, onSaved, onConflict }: Props) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const record = useRecordReport(studentId);
  const from = clock.reportDueFrom ?? clock.windowFrom;
  const [date, setDate] = useState(() => {
    const today = todayIso();
    return today < from ? from : today;
  });
  const [dateRefused, setDateRefused] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!date || date < from) {
      setDateRefused(true);
      document.getElementById(`${id}-date`)?.focus();
      return;
    }
    setDateRefused(false);
    try {
      await record.mutateAsync({ reportedOn: date });
      onSaved(t('compulsory.panel.report.saved', { date: formatDate(date, i18n.language) }));
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) onConflict(t('compulsory.panel.conflict.report'));
      else if (error instanceof ApiError && error.status === 400) {
        setDateRefused(true);
        document.getElementById(`${id}-date`)?.focus();
      }
    }
  }

  const otherError = record.isError && !(record.error instanceof ApiError && [400, 409].includes(record.error.status));
  return (
    <form onSubmit={(e) => void submit(e)} className="stacked-form form-card" aria-labelledby={`${id}-heading`} noValidate>
      <h3 id={`${id}-heading`}>{t('compulsory.panel.report.title')}</h3>
      {otherError && <ErrorAlert error={record.error} />}
      <div className="field">
        <label htmlFor={`${id}-date`}>{t('compulsory.panel.report.date')}</label>
        <input
          id={`${id}-date`}
          type="date"
          required
          min={from}
          value={date}
          aria-invalid={dateRefused}
          aria-describedby={`${id}-date-hint${dateRefused ? ` ${id}-date-error` : ''}`}
          onChange={(e) => setDate(e.target.value)}
        />
        <p id={`${id}-date-hint`} className="hint">
          {t('compulsory.panel.report.dateHint', { from: formatDate(from, i18n.language) })}
        </p>
        {dateRefused && (
          <p id={`${id}-date-error`} className="field-error">
            {t('compulsory.panel.dateInvalid')}
          </p>
        )}
      </div>
      <div className="field-actions">
        <button type="submit" className="btn btn-primary" disabled={record.isPending}>
          {t('compulsory.panel.report.submit')}
        </button>
      </div>
    </form>
  );
}
