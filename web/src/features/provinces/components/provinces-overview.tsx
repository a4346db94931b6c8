import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/empty-state';
import { ErrorAlert } from '../../../components/error-alert';
import { LoadingStatus } from '../../../components/loading-status';
import { StudentsCountedNote } from '../../../components/students-counted-note';
import { useProvinces } from '../api/get-provinces';
import { ProvincesTable } from './provinces-table';

// Keeps recharts out of the initial bundle (budget: 250 KB gzip for the first page's JS).
const StudentsByProvinceChart = lazy(() => import('./students-by-province-chart'));

export function ProvincesOverview() {
  const { t } = useTranslation();
  const provinces = useProvinces();

  if (provinces.isPending) return <LoadingStatus />;
  if (provinces.isError) return <ErrorAlert error={provinces.error} onRetry={() => void provinces.refetch()} />;
  const items = provinces.data.items;
  if (items.length === 0) return <EmptyState>{t('regions.empty')}</EmptyState>;

  return (
    <div className="overview-grid">
      <div>
        <ProvincesTable provinces={items} />
        <StudentsCountedNote />
      </div>
      <Suspense fallback={<LoadingStatus />}>
        <StudentsByProvinceChart provinces={items} />
      </Suspense>
    </div>
  );
}
