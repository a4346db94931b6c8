import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { EmptyState } from '../../../components/empty-state';
import { ErrorAlert } from '../../../components/error-alert';
import { LoadingStatus } from '../../../components/loading-status';
import { formatNumber } from '../../../lib/format';
import { useAudit } from '../api/get-audit';
import { AuditFilters } from './audit-filters';
import { AuditTable } from './audit-table';
import { readAuditFilters, toAuditParams } from './read-audit-filters';

/** Filters live in the URL: an inquiry into one student's accesses can be shared by link. */
export function AuditLog() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filters = readAuditFilters(params);
  const audit = useAudit(filters);
  const entries = audit.data?.pages.flatMap((page) => page.items) ?? [];
  const students = audit.data?.pages[0]?.students;

  return (
    <>
      <AuditFilters value={filters} onChange={(next) => setParams(toAuditParams(next))} />
      {audit.isPending && <LoadingStatus />}
      {audit.isError && <ErrorAlert error={audit.error} onRetry={() => void audit.refetch()} />}
      {students && (
        <p className="callout callout-info">
          {students.length === 0
            ? t('audit.noStudentFound')
            : t('audit.studentsFound', {
                count: students.length,
                names: students.map((s) => `${s.lastName} ${s.firstName} (${s.id})`).join(', '),
              })}
        </p>
      )}
      {audit.isSuccess &&
        (entries.length === 0 ? (
          <EmptyState>{t('audit.empty')}</EmptyState>
        ) : (
          <>
            <AuditTable entries={entries} />
            <p aria-live="polite" className="status">
              {t('audit.shown', { count: entries.length, n: formatNumber(entries.length, i18n.language) })}
            </p>
            {audit.hasNextPage && (
              <button
                type="button"
                className="btn btn-outline"
                // aria-disabled, not disabled: a disabled button drops the keyboard focus while the page loads
                aria-disabled={audit.isFetchingNextPage}
                onClick={() => {
                  if (!audit.isFetchingNextPage) void audit.fetchNextPage();
                }}
              >
                {audit.isFetchingNextPage ? t('common.loading') : t('audit.loadMore')}
              </button>
            )}
          </>
        ))}
    </>
  );
}
