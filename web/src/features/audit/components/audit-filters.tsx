import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AuditOutcome } from '@primm/shared/contracts/audit';
import type { AuditFilters as Filters } from '../api/get-audit';
import { actionLabel, auditActions } from './audit-labels';
import { readAuditFilters } from './read-audit-filters';

type Props = { value: Filters; onChange: (next: Filters) => void };

/** Applied on submit: one request per search, not per key typed. Actions by label, users by e-mail, students by name. */
export function AuditFilters({ value, onChange }: Props) {
  const { t, i18n } = useTranslation();
  const actions = [...auditActions].sort((a, b) => actionLabel(t, a).localeCompare(actionLabel(t, b), i18n.language));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const entries = [...data.entries()].filter((e): e is [string, string] => typeof e[1] === 'string');
    // ids from an older link stay applied until the filters are changed
    const kept = {
      ...(value.userId ? { userId: value.userId } : {}),
      ...(value.studentId ? { studentId: value.studentId } : {}),
    };
    onChange({ ...kept, ...readAuditFilters(new URLSearchParams(entries)) });
  }

  // keyed by the applied filters so Back/Forward and "clear" refill the fields
  return (
    <form
      key={JSON.stringify(value)}
      role="search"
      className="filters"
      onSubmit={submit}
      aria-label={t('audit.filters.legend')}
    >
      <div className="field">
        <label htmlFor="audit-action">{t('audit.filters.action')}</label>
        <select id="audit-action" name="action" defaultValue={value.action ?? ''}>
          <option value="">{t('audit.filters.allActions')}</option>
          {value.action && !auditActions.includes(value.action) && <option value={value.action}>{value.action}</option>}
          {actions.map((action) => (
            <option key={action} value={action}>
              {actionLabel(t, action)}
            </option>
          ))}
        </select>
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
        <label htmlFor="audit-email">{t('audit.filters.email')}</label>
        <input
          id="audit-email"
          name="email"
          type="search"
          maxLength={254}
          autoComplete="off"
          defaultValue={value.email ?? ''}
        />
      </div>
      <div className="field">
        <label htmlFor="audit-student">{t('audit.filters.student')}</label>
        <input
          id="audit-student"
          name="student"
          type="search"
          maxLength={100}
          autoComplete="off"
          defaultValue={value.student ?? ''}
        />
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
