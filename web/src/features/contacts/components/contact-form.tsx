import { useEffect, useId, useRef, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MunicipalityContact } from '@primm/shared/contracts/contacts';
import { ErrorAlert } from '../../../components/error-alert';
import { fieldIssue } from '../../../lib/api-client';
import { useUpdateMunicipalityContact } from '../api/update-municipality-contact';

type Props = { municipality: MunicipalityContact; onDone: (saved: MunicipalityContact | null) => void };

/** One municipality's PEC and office; empty fields clear them. Focus lands on the PEC field. */
export function ContactForm({ municipality, onDone }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const update = useUpdateMunicipalityContact();
  const pecRef = useRef<HTMLInputElement>(null);
  const issue = fieldIssue(update.error);

  useEffect(() => pecRef.current?.focus(), []);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const value = (name: string) => String(data.get(name) ?? '').trim() || null; // empty clears
    update.mutate(
      { istatCode: municipality.istatCode, pec: value('pec'), office: value('office') },
      { onSuccess: (saved) => onDone(saved) },
    );
  }

  return (
    <form className="form-card" onSubmit={submit} aria-labelledby={`${id}-title`} noValidate>
      <h2 id={`${id}-title`}>{t('contacts.form.title', { name: municipality.name })}</h2>
      <div className="field">
        <label htmlFor={`${id}-pec`}>{t('contacts.pec')}</label>
        <input
          ref={pecRef}
          id={`${id}-pec`}
          name="pec"
          type="email"
          maxLength={254}
          defaultValue={municipality.pec ?? ''}
          aria-invalid={issue?.path === 'pec' || undefined}
          aria-describedby={`${id}-pec-hint`}
        />
        <p id={`${id}-pec-hint`} className="hint">
          {t('contacts.form.pecHint')}
        </p>
      </div>
      <div className="field">
        <label htmlFor={`${id}-office`}>{t('contacts.office')}</label>
        <input id={`${id}-office`} name="office" type="text" maxLength={200} defaultValue={municipality.office ?? ''} />
      </div>
      {update.isError &&
        (issue ? (
          <p role="alert" className="callout callout-danger">
            {issue.message}
          </p>
        ) : (
          <ErrorAlert error={update.error} />
        ))}
      <div className="field-actions">
        <button type="submit" className="btn btn-primary" disabled={update.isPending}>
          {t('contacts.form.save')}
        </button>
        <button type="button" className="btn btn-outline" onClick={() => onDone(null)}>
          {t('contacts.form.cancel')}
        </button>
      </div>
    </form>
  );
}
