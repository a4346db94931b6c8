import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert';

/**
 * Catches what the views do not: a route chunk that fails to load after a deploy, or a bug.
 * Reloading fetches the new chunks.
 */
export function RouteError() {
  const { t } = useTranslation();
  return (
    <>
      <h1>{t('errors.title')}</h1>
      <ErrorAlert error={undefined} onRetry={() => window.location.reload()} />
    </>
  );
}
