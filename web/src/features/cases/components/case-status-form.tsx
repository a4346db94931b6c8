import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '@primm/shared/contracts/cases';
import { Confirmation } from '../../../components/confirmation';
import { ErrorAlert } from '../../../components/error-alert';
import { useUpdateCase } from '../api/update-case';

type OpenStatus = 'open' | 'monitoring';

/** Open ↔ monitoring; closing is its own form because it asks for the outcome. */
export function CaseStatusForm({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const update = useUpdateCase(detail.id);
  const [status, setStatus] = useState<OpenStatus>(detail.status === 'monitoring' ? 'monitoring' : 'open');

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    update.mutate({ status });
  }

  return (
    <form onSubmit={submit} className="filters" aria-label={t('cases.statusForm.label')}>
      {update.isError && <ErrorAlert error={update.error} />}
      <div className="field">
        <label htmlFor="case-status">{t('cases.statusForm.status')}</label>
        <select
          id="case-status"
          value={status}
          onChange={(e) => setStatus(e.target.value === 'monitoring' ? 'monitoring' : 'open')}
        >
          <option value="open">{t('cases.status.open')}</option>
          <option value="monitoring">{t('cases.status.monitoring')}</option>
        </select>
      </div>
      <div className="field-actions">
        <button type="submit" className="btn btn-primary" disabled={update.isPending || status === detail.status}>
          {t('cases.statusForm.submit')}
        </button>
      </div>
      {update.isSuccess && <Confirmation key={update.submittedAt}>{t('cases.statusForm.saved')}</Confirmation>}
    </form>
  );
}
