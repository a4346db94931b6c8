import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/empty-state';
import { ErrorAlert } from '../../../components/error-alert';
import { LoadingStatus } from '../../../components/loading-status';
import { useImportHistory } from '../api/get-import-history';
import { ImportHistoryTable } from './import-history-table';

/** The server lists every batch to the admin and a referent's own batches to them. */
export function ImportHistory() {
  const { t } = useTranslation();
  const headingId = useId();
  const history = useImportHistory();

  return (
    <section aria-labelledby={headingId} className="import-history">
      <h2 id={headingId}>{t('imports.history.title')}</h2>
      {history.isPending && <LoadingStatus />}
      {history.isError && <ErrorAlert error={history.error} onRetry={() => void history.refetch()} />}
      {history.isSuccess &&
        (history.data.items.length === 0 ? (
          <EmptyState>{t('imports.history.empty')}</EmptyState>
        ) : (
          <ImportHistoryTable batches={history.data.items} />
        ))}
    </section>
  );
}
