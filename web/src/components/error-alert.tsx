import { useTranslation } from 'react-i18next';
import { ApiError, type ApiErrorCode } from '../lib/api-client';

function codeOf(error: unknown): ApiErrorCode {
  return error instanceof ApiError ? error.code : 'internal';
}

/**
 * Errors that may go away on their own: no answer, a server fault, storage briefly unavailable.
 * A refusal, a missing record or a refused input answers the same the next time: no "Riprova"
 * for those (issue 19: the refused page offered it twice, to no effect).
 */
const TRANSIENT: ReadonlySet<ApiErrorCode> = new Set(['network', 'internal', 'unavailable']);

/** Shows the translated error code (never the server's message, which is for logs) and, when it can help, a retry. */
export function ErrorAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const code = codeOf(error);
  return (
    <div role="alert" className="callout callout-danger">
      <p className="callout-title">{t('errors.title')}</p>
      <p>{t(`errors.${code}`)}</p>
      {onRetry && TRANSIENT.has(code) && (
        <button type="button" className="btn btn-outline" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}
