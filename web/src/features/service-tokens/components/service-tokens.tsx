import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/empty-state';
import { ErrorAlert } from '../../../components/error-alert';
import { LoadingStatus } from '../../../components/loading-status';
import { TableScroll } from '../../../components/table-scroll';
import { ApiError } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/format';
import { useCreateServiceToken } from '../api/create-service-token';
import { useServiceTokens } from '../api/get-service-tokens';
import { useRevokeServiceToken } from '../api/revoke-service-token';
import { CreatedToken } from './created-token';

/** `ANIS00800L, anps03000e` → both codes, upper case: the admin may paste them from anywhere. */
const codesOf = (text: string) => [
  ...new Set(
    text
      .split(/[\s,;]+/)
      .filter(Boolean)
      .map((c) => c.toUpperCase()),
  ),
];

/**
 * Service tokens (issue 24), the admin's: machines (a register's server, a school's nightly
 * script) that push imports of some schools. Create (the token shown once), list with the last
 * use, revoke.
 */
export function ServiceTokens() {
  const { t, i18n } = useTranslation();
  const tokens = useServiceTokens();
  const create = useCreateServiceToken();
  const revoke = useRevokeServiceToken();
  const [form, setForm] = useState({ name: '', schools: '' });
  const [confirming, setConfirming] = useState<number | null>(null);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    create.mutate(
      { name: form.name, schools: codesOf(form.schools) },
      { onSuccess: () => setForm({ name: '', schools: '' }) },
    );
  }

  return (
    <section aria-labelledby="service-tokens-heading" className="form-card">
      <h2 id="service-tokens-heading">{t('serviceTokens.title')}</h2>
      <p>{t('serviceTokens.intro')}</p>
      {create.isSuccess && <CreatedToken created={create.data} onDone={() => create.reset()} />}
      {create.isError && (
        <div role="alert" className="callout callout-danger">
          <p>
            {create.error instanceof ApiError && create.error.code === 'validation_failed'
              ? create.error.message
              : t(`errors.${create.error instanceof ApiError ? create.error.code : 'internal'}`)}
          </p>
        </div>
      )}
      {revoke.isError && <ErrorAlert error={revoke.error} />}
      {tokens.isPending ? (
        <LoadingStatus />
      ) : tokens.isError ? (
        <ErrorAlert error={tokens.error} onRetry={() => void tokens.refetch()} />
      ) : tokens.data.items.length === 0 ? (
        <EmptyState>{t('serviceTokens.empty')}</EmptyState>
      ) : (
        <TableScroll labelledBy="service-tokens-caption">
          <table className="table">
            <caption id="service-tokens-caption">
              {t('serviceTokens.caption', { count: tokens.data.items.length })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('serviceTokens.name')}</th>
                <th scope="col">{t('serviceTokens.schools')}</th>
                <th scope="col">{t('serviceTokens.createdAt')}</th>
                <th scope="col">{t('serviceTokens.lastUsedAt')}</th>
                <th scope="col">{t('serviceTokens.state')}</th>
              </tr>
            </thead>
            <tbody>
              {tokens.data.items.map((token) => (
                <tr key={token.id}>
                  <th scope="row">{token.name}</th>
                  <td>{token.schools.map((s) => s.code).join(', ')}</td>
                  <td>
                    {formatDateTime(token.createdAt, i18n.language)}
                    {token.createdBy && <> · {token.createdBy}</>}
                  </td>
                  <td>
                    {token.lastUsedAt ? formatDateTime(token.lastUsedAt, i18n.language) : t('serviceTokens.neverUsed')}
                  </td>
                  <td>
                    {token.revokedAt ? (
                      t('serviceTokens.revokedAt', { date: formatDateTime(token.revokedAt, i18n.language) })
                    ) : confirming === token.id ? (
                      // Revoking cannot be undone: the machine stops at its next push, so a second click confirms.
                      <span className="field-actions">
                        <button
                          type="button"
                          className="btn btn-danger btn-small"
                          disabled={revoke.isPending}
                          onClick={() => revoke.mutate(token.id, { onSettled: () => setConfirming(null) })}
                        >
                          {t('serviceTokens.confirmRevoke', { name: token.name })}
                        </button>
                        <button type="button" className="btn btn-outline btn-small" onClick={() => setConfirming(null)}>
                          {t('serviceTokens.cancel')}
                        </button>
                      </span>
                    ) : (
                      <button
                        type="button"
                        className="btn btn-outline btn-small"
                        onClick={() => setConfirming(token.id)}
                      >
                        {t('serviceTokens.revoke', { name: token.name })}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <form onSubmit={submit} className="stacked-form">
        <h3>{t('serviceTokens.form.title')}</h3>
        <div className="field">
          <label htmlFor="service-token-name">{t('serviceTokens.name')}</label>
          <input
            id="service-token-name"
            type="text"
            autoComplete="off"
            required
            minLength={3}
            maxLength={120}
            value={form.name}
            onChange={(e) => setForm({ ...form, name: e.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor="service-token-schools">{t('serviceTokens.form.schools')}</label>
          <input
            id="service-token-schools"
            type="text"
            autoComplete="off"
            required
            value={form.schools}
            aria-describedby="service-token-schools-hint"
            onChange={(e) => setForm({ ...form, schools: e.target.value })}
          />
          <p id="service-token-schools-hint" className="hint">
            {t('serviceTokens.form.schoolsHint')}
          </p>
        </div>
        <div className="field-actions">
          <button type="submit" className="btn btn-primary" disabled={create.isPending}>
            {t('serviceTokens.form.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
