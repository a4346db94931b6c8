import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MunicipalityContact } from '@primm/shared/contracts/contacts';
import { ErrorAlert } from '../../../components/error-alert';
import { LoadingStatus } from '../../../components/loading-status';
import { TableScroll } from '../../../components/table-scroll';
import { formatDateTime } from '../../../lib/format';
import { useMunicipalityContacts } from '../api/get-municipality-contacts';
import { ContactForm } from './contact-form';

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

/**
 * The municipalities of the region with their PEC: the report to the mayor is addressed with it.
 * A search narrows the 228 rows; "Modifica" opens the form above the table.
 */
export function MunicipalityContacts() {
  const { t, i18n } = useTranslation();
  const contacts = useMunicipalityContacts();
  const [query, setQuery] = useState('');
  const [editing, setEditing] = useState<MunicipalityContact | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const captionId = useId();
  const searchId = useId();
  const lastEdit = useRef<HTMLButtonElement | null>(null);

  if (contacts.isPending) return <LoadingStatus />;
  if (contacts.isError) return <ErrorAlert error={contacts.error} onRetry={() => void contacts.refetch()} />;
  const shown = contacts.data.items.filter((m) => fold(m.name).includes(fold(query.trim())));
  const withPec = contacts.data.items.filter((m) => m.pec).length;

  return (
    <>
      <div role="status">
        {saved && <p className="callout callout-success">{t('contacts.saved', { name: saved })}</p>}
      </div>
      {editing && (
        <ContactForm
          key={editing.istatCode}
          municipality={editing}
          onDone={(result) => {
            setEditing(null);
            setSaved(result ? result.name : null);
            lastEdit.current?.focus();
          }}
        />
      )}
      <div className="filters">
        <div className="field">
          <label htmlFor={searchId}>{t('contacts.search')}</label>
          <input id={searchId} type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
        </div>
      </div>
      <p className="hint">{t('contacts.summary', { count: contacts.data.items.length, withPec })}</p>
      <TableScroll labelledBy={captionId}>
        <table className="table table-compact">
          <caption id={captionId}>{t('contacts.caption', { count: shown.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('contacts.municipality')}</th>
              <th scope="col">{t('contacts.province')}</th>
              <th scope="col">{t('contacts.pec')}</th>
              <th scope="col">{t('contacts.office')}</th>
              <th scope="col">{t('contacts.updatedAt')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('contacts.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((m) => (
              <tr key={m.istatCode}>
                <th scope="row">{m.name}</th>
                <td>{m.province}</td>
                <td className="code">{m.pec ?? t('common.none')}</td>
                <td>{m.office ?? t('common.none')}</td>
                <td>{m.updatedAt ? formatDateTime(m.updatedAt, i18n.language) : t('common.none')}</td>
                <td>
                  <button
                    type="button"
                    className="btn btn-outline btn-small"
                    aria-label={t('contacts.editOne', { name: m.name })}
                    onClick={(e) => {
                      lastEdit.current = e.currentTarget;
                      setSaved(null);
                      setEditing(m);
                    }}
                  >
                    {t('contacts.edit')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}
