import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ReferralReason } from '@primm/shared/contracts/referrals';
import { Confirmation } from '../../../components/confirmation';
import { ErrorAlert } from '../../../components/error-alert';
import { useCreateReferral } from '../api/create-referral';

type Reason = ReferralReason;
const today = () => new Date().toISOString().slice(0, 10);
const empty = () => ({
  reasons: [] as Reason[],
  text: '',
  familyContact: '',
  givenBy: '',
  givenOn: today(),
  services: [] as Reason[],
});

function ReasonBoxes({
  legend,
  name,
  value,
  onChange,
  describedBy,
}: {
  legend: string;
  name: string;
  value: Reason[];
  onChange: (v: Reason[]) => void;
  describedBy?: string;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="radio-group" aria-describedby={describedBy}>
      <legend>{legend}</legend>
      {ReferralReason.options.map((r) => (
        <label key={r} className="checkbox">
          <input
            type="checkbox"
            name={name}
            checked={value.includes(r)}
            onChange={(e) => onChange(e.target.checked ? [...value, r] : value.filter((x) => x !== r))}
          />{' '}
          {t(`referrals.reason.${r}`)}
        </label>
      ))}
    </fieldset>
  );
}

/** "Invia al PUA": reasons, a short text, the family's contact and consent (required, issue 21). */
export function SendReferralForm({ caseId }: { caseId: number }) {
  const { t } = useTranslation();
  const id = useId();
  const create = useCreateReferral(caseId);
  const [form, setForm] = useState(empty);
  const [problem, setProblem] = useState<string | null>(null);
  const set = (patch: Partial<ReturnType<typeof empty>>) => setForm((f) => ({ ...f, ...patch }));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (form.reasons.length === 0) return setProblem(t('referrals.send.reasonsRequired'));
    if (!form.reasons.every((r) => form.services.includes(r))) return setProblem(t('referrals.send.consentMissing'));
    setProblem(null);
    create.mutate(
      {
        reasons: form.reasons,
        text: form.text.trim(),
        familyContact: form.familyContact.trim(),
        consent: { givenBy: form.givenBy.trim(), givenOn: form.givenOn, services: form.services },
      },
      { onSuccess: () => setForm(empty()) },
    );
  }

  return (
    <form onSubmit={submit} className="stacked-form form-card" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t('referrals.send.title')}</h3>
      <p className="hint">{t('referrals.send.intro')}</p>
      {create.isSuccess && <Confirmation key={create.submittedAt}>{t('referrals.send.saved')}</Confirmation>}
      {create.isError && <ErrorAlert error={create.error} />}
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
      <ReasonBoxes
        legend={t('referrals.send.reasons')}
        name={`${id}-reasons`}
        value={form.reasons}
        onChange={(reasons) => set({ reasons })}
      />
      <div className="field">
        <label htmlFor={`${id}-text`}>{t('referrals.send.text')}</label>
        <textarea
          id={`${id}-text`}
          rows={3}
          required
          minLength={3}
          maxLength={1000}
          value={form.text}
          onChange={(e) => set({ text: e.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-contact`}>{t('referrals.send.familyContact')}</label>
        <input
          id={`${id}-contact`}
          type="text"
          required
          minLength={3}
          maxLength={300}
          value={form.familyContact}
          onChange={(e) => set({ familyContact: e.target.value })}
        />
      </div>
      <fieldset>
        <legend>{t('referrals.send.consent')}</legend>
        <p id={`${id}-consent-hint`} className="hint">
          {t('referrals.send.consentHint')}
        </p>
        <div className="field">
          <label htmlFor={`${id}-given-by`}>{t('referrals.send.consentGivenBy')}</label>
          <input
            id={`${id}-given-by`}
            type="text"
            required
            minLength={3}
            maxLength={200}
            value={form.givenBy}
            onChange={(e) => set({ givenBy: e.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-given-on`}>{t('referrals.send.consentGivenOn')}</label>
          <input
            id={`${id}-given-on`}
            type="date"
            required
            max={today()}
            value={form.givenOn}
            onChange={(e) => set({ givenOn: e.target.value })}
          />
        </div>
        <ReasonBoxes
          legend={t('referrals.send.consentServices')}
          name={`${id}-services`}
          value={form.services}
          onChange={(services) => set({ services })}
          describedBy={`${id}-consent-hint`}
        />
      </fieldset>
      <div className="field-actions">
        <button type="submit" className="btn btn-primary" disabled={create.isPending}>
          {t('referrals.send.submit')}
        </button>
      </div>
    </form>
  );
}
