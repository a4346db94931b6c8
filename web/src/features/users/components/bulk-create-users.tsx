import { useId, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { toCsv } from '@primm/shared/csv/to-csv';
import { ErrorAlert } from '../../../components/error-alert';
import { TableScroll } from '../../../components/table-scroll';
import { useCreateBulkUsers, usePreviewBulkUsers } from '../api/bulk-users';

const TEMPLATE = 'Email;Nome;Ruolo;Scuole;Classi\r\nanna.verdi@scuola.it;Anna Verdi;docente;ANIS00800L;3A, 4B\r\n';

function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  URL.revokeObjectURL(url);
}

/**
 * Several accounts from a CSV: read it (a file or pasted text), preview every row with what is
 * wrong, then create them all at once. The one-time passwords are shown once, and can be saved
 * as a CSV to hand out; nothing keeps them afterwards.
 */
export function BulkCreateUsers() {
  const { t } = useTranslation();
  const [csv, setCsv] = useState('');
  const preview = usePreviewBulkUsers();
  const create = useCreateBulkUsers();
  const textId = useId();
  const fileId = useId();
  const previewCaption = useId();
  const resultCaption = useId();

  async function readFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.currentTarget.files?.[0];
    if (!file) return;
    setCsv(await file.text());
    preview.reset();
  }

  if (create.isSuccess) {
    const created = create.data.created;
    return (
      <section aria-labelledby="bulk-users-heading" className="form-card">
        <h2 id="bulk-users-heading">{t('users.bulk.title')}</h2>
        <div role="status" className="callout callout-success one-time-password">
          <p className="callout-title">{t('users.bulk.created', { count: created.length })}</p>
          <p>
            <strong>{t('users.bulk.passwordsOnce')}</strong>
          </p>
        </div>
        <TableScroll labelledBy={resultCaption}>
          <table className="table table-compact">
            <caption id={resultCaption}>{t('users.bulk.passwordsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('users.email')}</th>
                <th scope="col">{t('users.role')}</th>
                <th scope="col">{t('users.created.password')}</th>
              </tr>
            </thead>
            <tbody>
              {created.map((c) => (
                <tr key={c.user.id}>
                  <th scope="row" className="code">
                    {c.user.email}
                  </th>
                  <td>{t(`roles.${c.user.role}`)}</td>
                  <td>
                    <code className="code otp">{c.oneTimePassword}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
        <div className="field-actions">
          <button
            type="button"
            className="btn btn-primary"
            onClick={() =>
              download(
                'password-monouso.csv',
                toCsv(
                  ['Email', 'Nome', 'Ruolo', 'Password monouso'],
                  created.map((c) => [c.user.email, c.user.displayName, c.user.role, c.oneTimePassword]),
                ),
              )
            }
          >
            {t('users.bulk.downloadPasswords')}
          </button>
          <button
            type="button"
            className="btn btn-outline"
            onClick={() => {
              create.reset();
              preview.reset();
              setCsv('');
            }}
          >
            {t('users.created.done')}
          </button>
        </div>
      </section>
    );
  }

  const rows = preview.data?.rows ?? [];
  return (
    <section aria-labelledby="bulk-users-heading" className="form-card">
      <h2 id="bulk-users-heading">{t('users.bulk.title')}</h2>
      <p>{t('users.bulk.intro')}</p>
      <p>
        <button type="button" className="btn-link" onClick={() => download('utenti.csv', `\uFEFF${TEMPLATE}`)}>
          {t('users.bulk.template')}
        </button>
      </p>
      <div className="field">
        <label htmlFor={fileId}>{t('users.bulk.file')}</label>
        <input id={fileId} type="file" accept=".csv,.txt,text/csv" onChange={(e) => void readFile(e)} />
      </div>
      <div className="field">
        <label htmlFor={textId}>{t('users.bulk.text')}</label>
        <textarea
          id={textId}
          rows={5}
          className="code"
          value={csv}
          onChange={(e) => {
            setCsv(e.target.value);
            preview.reset();
          }}
        />
      </div>
      <div className="field-actions">
        <button
          type="button"
          className="btn btn-outline"
          disabled={csv.trim() === '' || preview.isPending}
          onClick={() => preview.mutate(csv)}
        >
          {t('users.bulk.preview')}
        </button>
      </div>
      {preview.isError && <ErrorAlert error={preview.error} />}
      {preview.isSuccess && (
        <>
          <p role="status">
            {t('users.bulk.summary', { count: rows.length, valid: preview.data.valid, invalid: preview.data.invalid })}
          </p>
          <TableScroll labelledBy={previewCaption}>
            <table className="table table-compact">
              <caption id={previewCaption}>{t('users.bulk.previewCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col" className="num">
                    {t('users.bulk.line')}
                  </th>
                  <th scope="col">{t('users.email')}</th>
                  <th scope="col">{t('users.displayName')}</th>
                  <th scope="col">{t('users.role')}</th>
                  <th scope="col">{t('users.schools')}</th>
                  <th scope="col">{t('users.classes')}</th>
                  <th scope="col">{t('users.bulk.problems')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.line} className={r.errors.length > 0 ? 'row-error' : undefined}>
                    <th scope="row" className="num">
                      {r.line}
                    </th>
                    <td className="code">{r.email}</td>
                    <td>{r.displayName}</td>
                    <td>{r.role ? t(`roles.${r.role}`) : t('common.none')}</td>
                    <td className="code">{r.schools.join(', ') || t('common.none')}</td>
                    <td>{r.classes.join(', ') || t('common.none')}</td>
                    <td>{r.errors.length > 0 ? r.errors.join('; ') : t('users.bulk.ok')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          {create.isError && <ErrorAlert error={create.error} />}
          <div className="field-actions">
            <button
              type="button"
              className="btn btn-primary"
              disabled={preview.data.invalid > 0 || create.isPending}
              onClick={() => create.mutate(csv)}
            >
              {t('users.bulk.create', { count: preview.data.valid })}
            </button>
          </div>
          {preview.data.invalid > 0 && <p className="hint">{t('users.bulk.fixFirst')}</p>}
        </>
      )}
    </section>
  );
}
