import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FlagReasonCode } from '@primm/shared/contracts/flags';
import { ErrorAlert } from '../../../components/error-alert';
import { useCreateFlag } from '../api/create-flag';

/** Flag a student as borderline: a predefined reason and the teacher's own words. */
export function FlagStudentForm({ studentId }: { studentId: number }) {
  const { t } = useTranslation();
  const create = useCreateFlag(studentId);
  const [reasonCode, setReasonCode] = useState<FlagReasonCode>('assenze');
  const [reason, setReason] = useState('');

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    create.mutate({ reasonCode, reason: reason.trim() }, { onSuccess: () => setReason('') });
  }

  return (
    <form onSubmit={submit} className="stacked-form form-card" aria-labelledby="flag-form-heading">
      <h3 id="flag-form-heading">{t('flags.form.title')}</h3>
      {create.isSuccess && (
        <p role="status" className="callout callout-success">
          {t('flags.form.saved')}
        </p>
      )}
      {create.isError && <ErrorAlert error={create.error} />}
      <div className="field">
        <label htmlFor="flag-reason-code">{t('flags.form.reasonCode')}</label>
        <select id="flag-reason-code" value={reasonCode} onChange={(e) => setReasonCode(FlagReasonCode.parse(e.target.value))}>
          {FlagReasonCode.options.map((code) => (
            <option key={code} value={code}>
              {t(`flags.reason.${code}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="flag-reason">{t('flags.form.reason')}</label>
        <textarea id="flag-reason" rows={3} required minLength={3} maxLength={1000} value={reason} onChange={(e) => setReason(e.target.value)} />
      </div>
      <div className="field-actions">
        <button type="submit" className="btn btn-primary" disabled={create.isPending}>
          {t('flags.form.submit')}
        </button>
      </div>
    </form>
  );
}
