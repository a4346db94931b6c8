import { useTranslation } from 'react-i18next';

/** Announced politely by screen readers; shown while a query has no data yet. */
export function LoadingStatus({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <p role="status" className="status">
      <span className="spinner" aria-hidden="true" />
      {label ?? t('common.loading')}
    </p>
  );
}
