import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { useAcknowledgeItem } from '../api/acknowledge-item';

const today = () => new Date().toISOString().slice(0, 10);

/** "Registra la ricezione": the date the office received it and its protocol number. */
export function AcknowledgeForm({ itemId, deliveredOn }: { itemId: number; deliveredOn: string }) {
  const { t } = useTranslation();
  const id = useId();
  const ack = useAcknowledgeItem(itemId);
  const [receivedOn, setReceivedOn] = useState(today());
  const [protocolNumber, setProtocolNumber] = useState('');

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    ack.mutate({ receivedOn, protocolNumber: protocolNumber.trim() });
  }

  return (
    <form onSubmit={submit} className="stacked-form form-card" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('municipalityInbox.ack.title')}</h2>
      {ack.isError && <ErrorAlert error={ack.error} />}
      <div className="field">
        <label htmlFor={`${id}-date`}>{t('municipalityInbox.ack.receivedOn')}</label>
        <input
          id={`${id}-date`}
          type="date"
          required
          min={deliveredOn}
          max={today()}
          value={receivedOn}
          onChange={(e) => setReceivedOn(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-protocol`}>{t('municipalityInbox.ack.protocol')}</label>
        <input
          id={`${id}-protocol`}
          type="text"
          required
          maxLength={50}
          autoComplete="off"
          value={protocolNumber}
          onChange={(e) => setProtocolNumber(e.target.value)}
        />
      </div>
      <div className="field-actions">
        <button type="submit" className="btn btn-primary" disabled={ack.isPending}>
          {t('municipalityInbox.ack.submit')}
        </button>
      </div>
    </form>
  );
}
