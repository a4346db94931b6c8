import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { RiskSort } from '@primm/shared/contracts/risk';
import { EmptyState } from '../../../components/empty-state';
import { ErrorAlert } from '../../../components/error-alert';
import { LoadingStatus } from '../../../components/loading-status';
import { useClassRisk } from '../api/get-class-risk';
import { ExportRiskCsv } from './export-risk-csv';
import { defaultOrder, readRiskFilters, toRiskParams } from './read-risk-filters';
import { RiskFilters } from './risk-filters';
import { RiskTable } from './risk-table';

type Props = {
  classId: number;
  className: string;
  /** What each level means (the risk-legend feature's note), composed by the route. */
  legend?: ReactNode;
  /** A student's name was clicked: the route starts loading their page's data (render as you fetch). */
  onOpenStudent?: (studentId: number) => void;
};

/**
 * Filters and sorting live in the URL (`?tier=&indicator=&sort=&order=`); the server sorts. The
 * filters and the export share one line, so that the first rows show without scrolling at
 * 1366×768 (issue 19); the legend follows the list.
 */
export function ClassRiskList({ classId, className, legend, onOpenStudent }: Props) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filters = readRiskFilters(params);
  const sort = filters.sort ?? 'tier';
  const order = filters.order ?? defaultOrder(sort);
  const risk = useClassRisk(classId, { ...filters, sort, order });

  // other parameters (the tab) stay as they are
  function update(next: typeof filters) {
    const kept = [...params].filter(([k]) => !['tier', 'indicator', 'sort', 'order'].includes(k));
    setParams([...kept, ...Object.entries(toRiskParams(next))], { replace: true });
  }

  function onSort(column: RiskSort) {
    const nextOrder = column === sort ? (order === 'asc' ? 'desc' : 'asc') : defaultOrder(column);
    update({ ...filters, sort: column, order: nextOrder });
  }

  return (
    <>
      <div className="list-toolbar">
        <RiskFilters value={filters} onChange={update} />
        {risk.isSuccess && risk.data.items.length > 0 && <ExportRiskCsv rows={risk.data.items} className={className} />}
      </div>
      {risk.isPending && <LoadingStatus />}
      {risk.isError && <ErrorAlert error={risk.error} onRetry={() => void risk.refetch()} />}
      {risk.isSuccess &&
        (risk.data.items.length === 0 ? (
          <EmptyState>{t(filters.tier || filters.indicator ? 'risk.emptyFiltered' : 'risk.empty')}</EmptyState>
        ) : (
          <div aria-busy={risk.isPlaceholderData}>
            <RiskTable rows={risk.data.items} sorting={{ sort, order }} onSort={onSort} onOpenStudent={onOpenStudent} />
          </div>
        ))}
      {legend}
    </>
  );
}
