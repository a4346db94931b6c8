import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { ApiError } from '../../../lib/api-client';
import { formatDate } from '../../../lib/format';

type Props = {
  /** Texts under `compulsory.panel.<act>`: title, date, dateHint, submit, saved; `conflict.<act>`. */
  act: 'notice' | 'report';
  from: string;
  max?: string;
  initialDate: string;
  withNote: boolean;
  pending: boolean;
  error: Error | null;
  save: (date: string, note: string | undefined) => Promise<unknown>;
  onSaved: (message: string) => void;
  onConflict: (message: string) => void;
};

/**
 * A school act recorded with its date (the family notice, the report to the mayor): the date is
 * checked against its window before sending; the server's 409 (nothing to record any more) goes to
 * the panel, its 400 marks the date; any other error shows here.
 */
export function DatedActForm({
  act,
  from,
  max,
  initialDate,
  withNote,
  pending,
  error,
  save,
  onSaved,
  onConflict,
}: Props) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [date, setDate] = useState(initialDate);
  const [note, setNote] = useState('');
  const [dateRefused, setDateRefused] = useState(false);

  const refuseDate = () => {
    setDateRefused(true);
    document.getElementById(`${id}-date`)?.focus();
  };

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!date || date < from || (max !== undefined && date > max)) return refuseDate();
    setDateRefused(false);
    try {
      await save(date, withNote && note.trim() ? note.trim() : undefined);
      onSaved(t(`compulsory.panel.${act}.saved`, { date: formatDate(date, i18n.language) }));
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) onConflict(t(`compulsory.panel.conflict.${act}`));
      else if (err instanceof ApiError && err.status === 400) refuseDate();
    }
  }

  const otherError = error !== null && !(error instanceof ApiError && [400, 409].includes(error.status));
  return (
    <form
      onSubmit={(e) => void submit(e)}
      className="stacked-form form-card"
      aria-labelledby={`${id}-heading`}
      noValidate
    >
      <h3 id={`${id}-heading`}>{t(`compulsory.panel.${act}.title`)}</h3>
      {otherError && <ErrorAlert error={error} />}
      <div className="field">
        <label htmlFor={`${id}-date`}>{t(`compulsory.panel.${act}.date`)}</label>
        <input
          id={`${id}-date`}
          type="date"
          required
          min={from}
          max={max}
          value={date}
          aria-invalid={dateRefused}
          aria-describedby={`${id}-date-hint${dateRefused ? ` ${id}-date-error` : ''}`}
          onChange={(e) => setDate(e.target.value)}
        />
        <p id={`${id}-date-hint`} className="hint">
          {t(`compulsory.panel.${act}.dateHint`, { from: formatDate(from, i18n.language) })}
        </p>
        {dateRefused && (
          <p id={`${id}-date-error`} className="field-error">
            {t('compulsory.panel.dateInvalid')}
          </p>
        )}
      </div>
      {withNote && (
        <div className="field">
          <label htmlFor={`${id}-note`}>{t(`compulsory.panel.${act}.note`)}</label>
          <textarea
            id={`${id}-note`}
            rows={2}
            maxLength={1000}
            aria-describedby={`${id}-note-hint`}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
          <p id={`${id}-note-hint`} className="hint">
            {t(`compulsory.panel.${act}.noteHint`)}
          </p>
        </div>
      )}
      <div className="field-actions">
        <button type="submit" className="btn btn-primary" disabled={pending}>
          {t(`compulsory.panel.${act}.submit`)}
        </button>
      </div>
    </form>
  );
}
