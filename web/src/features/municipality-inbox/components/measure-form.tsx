import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { useRecordMeasure } from '../api/record-measure';

const today = () => new Date().toISOString().slice(0, 10);

/** "Aggiungi un provvedimento": what the office did and when; several can follow one report. */
export function MeasureForm({ itemId }: { itemId: number }) {
  const { t } = useTranslation();
  const id = useId();
  const record = useRecordMeasure(itemId);
  const [takenOn, setTakenOn] = useState(today());
  const [description, setDescription] = useState('');

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    record.mutate({ takenOn, description: description.trim() }, { onSuccess: () => setDescription('') });
  }

  return (
    <form onSubmit={submit} className="stacked-form form-card" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t('municipalityInbox.measures.add')}</h3>
      {record.isError && <ErrorAlert error={record.error} />}
      <div className="field">
        <label htmlFor={`${id}-date`}>{t('municipalityInbox.measures.takenOn')}</label>
        <input
          id={`${id}-date`}
          type="date"
          required
          max={today()}
          value={takenOn}
          onChange={(e) => setTakenOn(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-text`}>{t('municipalityInbox.measures.description')}</label>
        <textarea
          id={`${id}-text`}
          rows={3}
          required
          minLength={3}
          maxLength={2000}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
        />
      </div>
      <div className="field-actions">
        <button type="submit" className="btn btn-primary" disabled={record.isPending}>
          {t('municipalityInbox.measures.submit')}
        </button>
      </div>
    </form>
  );
}
