import { useTranslation } from 'react-i18next';
import { ApiError, type ApiErrorCode } from '../lib/api-client';

function codeOf(error: unknown): ApiErrorCode {
  return error instanceof ApiError ? error.code : 'internal';
}

/** Shows the translated error code (never the server's message, which is for logs) and a retry. */
export function ErrorAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <div role="alert" className="callout callout-danger">
      <p className="callout-title">{t('errors.title')}</p>
      <p>{t(`errors.${codeOf(error)}`)}</p>
      {onRetry && (
        <button type="button" className="btn btn-outline" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}
