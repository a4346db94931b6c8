import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AuditOutcome } from '@primm/shared/contracts/audit';
import type { AuditFilters as Filters } from '../api/get-audit';
import { actionLabel, auditActions } from './audit-labels';
import { readAuditFilters } from './read-audit-filters';

type Props = { value: Filters; onChange: (next: Filters) => void };

/** Applied on submit: one request per search, not per key typed. */
export function AuditFilters({ value, onChange }: Props) {
  const { t } = useTranslation();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const entries = [...data.entries()].filter((e): e is [string, string] => typeof e[1] === 'string');
    onChange(readAuditFilters(new URLSearchParams(entries)));
  }

  // keyed by the applied filters so Back/Forward and "clear" refill the fields
  return (
    <form key={JSON.stringify(value)} role="search" className="filters" onSubmit={submit} aria-label={t('audit.filters.legend')}>
      <div className="field">
        <label htmlFor="audit-action">{t('audit.filters.action')}</label>
        <input id="audit-action" name="action" type="text" list="audit-actions" maxLength={100} defaultValue={value.action ?? ''} />
        <datalist id="audit-actions">
          {auditActions.map((action) => (
            <option key={action} value={action}>
              {actionLabel(t, action)}
            </option>
          ))}
        </datalist>
      </div>
      <div className="field">
        <label htmlFor="audit-outcome">{t('audit.filters.outcome')}</label>
        <select id="audit-outcome" name="outcome" defaultValue={value.outcome ?? ''}>
          <option value="">{t('audit.filters.allOutcomes')}</option>
          {AuditOutcome.options.map((outcome) => (
            <option key={outcome} value={outcome}>
              {t(`audit.outcome.${outcome}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="audit-user">{t('audit.filters.userId')}</label>
        <input id="audit-user" name="userId" type="number" min={1} step={1} inputMode="numeric" defaultValue={value.userId ?? ''} />
      </div>
      <div className="field">
        <label htmlFor="audit-student">{t('audit.filters.studentId')}</label>
        <input id="audit-student" name="studentId" type="number" min={1} step={1} inputMode="numeric" defaultValue={value.studentId ?? ''} />
      </div>
      <div className="field">
        <label htmlFor="audit-from">{t('audit.filters.from')}</label>
        <input id="audit-from" name="from" type="date" defaultValue={value.from ?? ''} />
      </div>
      <div className="field">
        <label htmlFor="audit-to">{t('audit.filters.to')}</label>
        <input id="audit-to" name="to" type="date" defaultValue={value.to ?? ''} />
      </div>
      <div className="field-actions">
        <button type="submit" className="btn btn-primary">
          {t('audit.filters.submit')}
        </button>
        <button type="button" className="btn btn-outline" onClick={() => onChange({})}>
          {t('audit.filters.reset')}
        </button>
      </div>
    </form>
  );
}
