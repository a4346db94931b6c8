import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FlagReasonCode } from '@primm/shared/contracts/flags';
import { Confirmation } from '../../../components/confirmation';
import { ErrorAlert } from '../../../components/error-alert';
import { FormDisclosure } from '../../../components/form-disclosure';
import { useCreateFlag } from '../api/create-flag';

/** Flag a student as borderline: a predefined reason and the teacher's own words, behind the "Segnala…" button. */
export function FlagStudentForm({ studentId }: { studentId: number }) {
  const { t } = useTranslation();
  const create = useCreateFlag(studentId);
  const [open, setOpen] = useState(false);
  const [reasonCode, setReasonCode] = useState<FlagReasonCode>('assenze');
  const [reason, setReason] = useState('');

  function openChange(next: boolean) {
    if (next) create.reset();
    setOpen(next);
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    create.mutate(
      { reasonCode, reason: reason.trim() },
      {
        onSuccess: () => {
          setReason('');
          setOpen(false);
        },
      },
    );
  }

  return (
    <FormDisclosure
      label={t('flags.form.open')}
      open={open}
      onOpenChange={openChange}
      confirmation={create.isSuccess && <Confirmation key={create.submittedAt}>{t('flags.form.saved')}</Confirmation>}
    >
      {(close) => (
        <form onSubmit={submit} className="stacked-form form-card" aria-label={t('flags.form.title')}>
          {create.isError && <ErrorAlert error={create.error} />}
          <div className="field">
            <label htmlFor="flag-reason-code">{t('flags.form.reasonCode')}</label>
            <select
              id="flag-reason-code"
              value={reasonCode}
              onChange={(e) => setReasonCode(FlagReasonCode.parse(e.target.value))}
            >
              {FlagReasonCode.options.map((code) => (
                <option key={code} value={code}>
                  {t(`flags.reason.${code}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="flag-reason">{t('flags.form.reason')}</label>
            <textarea
              id="flag-reason"
              rows={3}
              required
              minLength={3}
              maxLength={1000}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
          </div>
          <div className="field-actions">
            <button type="submit" className="btn btn-primary" disabled={create.isPending}>
              {t('flags.form.submit')}
            </button>
            <button type="button" className="btn btn-outline" onClick={close}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}
    </FormDisclosure>
  );
}
