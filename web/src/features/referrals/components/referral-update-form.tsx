import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Confirmation } from '../../../components/confirmation';
import { ErrorAlert } from '../../../components/error-alert';
import { useCreateReferralUpdate } from '../api/answer-referral';

const empty = () => ({ services: '', responsible: '', note: '', close: false });

/** The PUA records the services activated and who is responsible, a note, or closes the referral. */
export function ReferralUpdateForm({ id }: { id: number }) {
  const { t } = useTranslation();
  const formId = useId();
  const create = useCreateReferralUpdate(id);
  const [form, setForm] = useState(empty);
  const set = (patch: Partial<ReturnType<typeof empty>>) => setForm((f) => ({ ...f, ...patch }));
  const optional = (v: string) => (v.trim() ? v.trim() : undefined);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    create.mutate(
      {
        services: optional(form.services),
        responsible: optional(form.responsible),
        note: optional(form.note),
        ...(form.close ? { close: true } : {}),
      },
      { onSuccess: () => setForm(empty()) },
    );
  }

  return (
    <form onSubmit={submit} className="stacked-form form-card" aria-labelledby={`${formId}-heading`}>
      <h2 id={`${formId}-heading`}>{t('referrals.detail.newUpdate')}</h2>
      {create.isSuccess && <Confirmation key={create.submittedAt}>{t('referrals.detail.updateSaved')}</Confirmation>}
      {create.isError && <ErrorAlert error={create.error} />}
      <div className="field">
        <label htmlFor={`${formId}-services`}>{t('referrals.steps.services')}</label>
        <input
          id={`${formId}-services`}
          type="text"
          maxLength={500}
          value={form.services}
          onChange={(e) => set({ services: e.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor={`${formId}-responsible`}>{t('referrals.steps.responsible')}</label>
        <input
          id={`${formId}-responsible`}
          type="text"
          maxLength={200}
          required={form.services.trim() !== ''}
          value={form.responsible}
          onChange={(e) => set({ responsible: e.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor={`${formId}-note`}>{t('referrals.steps.note')}</label>
        <textarea
          id={`${formId}-note`}
          rows={3}
          maxLength={2000}
          value={form.note}
          onChange={(e) => set({ note: e.target.value })}
        />
      </div>
      <label className="checkbox">
        <input type="checkbox" checked={form.close} onChange={(e) => set({ close: e.target.checked })} />{' '}
        {t('referrals.detail.close')}
      </label>
      <div className="field-actions">
        <button type="submit" className="btn btn-primary" disabled={create.isPending}>
          {t('referrals.detail.saveUpdate')}
        </button>
      </div>
    </form>
  );
}
