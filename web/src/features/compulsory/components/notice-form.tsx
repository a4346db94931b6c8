import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AbsenceClock } from '@primm/shared/contracts/compulsory';
import { ErrorAlert } from '../../../components/error-alert';
import { ApiError } from '../../../lib/api-client';
import { formatDate } from '../../../lib/format';
import { useRecordNotice } from '../api/record-notice';
import { todayIso } from '../days-left';

type Props = {
  studentId: number;
  clock: AbsenceClock;
  /** The panel announces the outcome: this form disappears once the clock moves on. */
  onSaved: (message: string) => void;
  onConflict: (message: string) => void;
};

/** "Registra la comunicazione alla famiglia": the date (today by default, not before the trigger) and a note. */
export function NoticeForm({ studentId, clock, onSaved, onConflict }: Props) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const record = useRecordNotice(studentId);
  const today = todayIso();
  const from = clock.triggeredOn ?? clock.windowFrom;
  const [date, setDate] = useState(today);
  const [note, setNote] = useState('');
  const [dateRefused, setDateRefused] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!date || date < from || date > today) {
      setDateRefused(true);
      document.getElementById(`${id}-date`)?.focus();
      return;
    }
    setDateRefused(false);
    try {
      await record.mutateAsync({ notifiedOn: date, ...(note.trim() ? { note: note.trim() } : {}) });
      onSaved(t('compulsory.panel.notice.saved', { date: formatDate(date, i18n.language) }));
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) onConflict(t('compulsory.panel.conflict.notice'));
      else if (error instanceof ApiError && error.status === 400) {
        setDateRefused(true);
        document.getElementById(`${id}-date`)?.focus();
      }
    }
  }

  const otherError = record.isError && !(record.error instanceof ApiError && [400, 409].includes(record.error.status));
  return (
    <form onSubmit={(e) => void submit(e)} className="stacked-form form-card" aria-labelledby={`${id}-heading`} noValidate>
      <h3 id={`${id}-heading`}>{t('compulsory.panel.notice.title')}</h3>
      {otherError && <ErrorAlert error={record.error} />}
      <div className="field">
        <label htmlFor={`${id}-date`}>{t('compulsory.panel.notice.date')}</label>
        <input
          id={`${id}-date`}
          type="date"
          required
          min={from}
          max={today}
          value={date}
          aria-invalid={dateRefused}
          aria-describedby={`${id}-date-hint${dateRefused ? ` ${id}-date-error` : ''}`}
          onChange={(e) => setDate(e.target.value)}
        />
        <p id={`${id}-date-hint`} className="hint">
          {t('compulsory.panel.notice.dateHint', { from: formatDate(from, i18n.language) })}
        </p>
        {dateRefused && (
          <p id={`${id}-date-error`} className="field-error">
            {t('compulsory.panel.dateInvalid')}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor={`${id}-note`}>{t('compulsory.panel.notice.note')}</label>
        <textarea id={`${id}-note`} rows={2} maxLength={1000} aria-describedby={`${id}-note-hint`} value={note} onChange={(e) => setNote(e.target.value)} />
        <p id={`${id}-note-hint`} className="hint">
          {t('compulsory.panel.notice.noteHint')}
        </p>
      </div>
      <div className="field-actions">
        <button type="submit" className="btn btn-primary" disabled={record.isPending}>
          {t('compulsory.panel.notice.submit')}
        </button>
      </div>
    </form>
  );
}
