import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ProvinceCode, SchoolLevel } from '@primm/shared/contracts/domain';
import { SchoolListQuery } from '@primm/shared/contracts/schools';
import { EmptyState } from '../../../components/empty-state';
import { ErrorAlert } from '../../../components/error-alert';
import { LoadingStatus } from '../../../components/loading-status';
import { StudentsCountedNote } from '../../../components/students-counted-note';
import { useSchools } from '../api/get-schools';
import { SchoolFilters } from './school-filters';
import { SchoolsTable } from './schools-table';

/** A hand-edited or stale link keeps its valid filters and drops the rest, instead of failing. */
function readFilters(params: URLSearchParams): SchoolListQuery {
  return {
    province: ProvinceCode.safeParse(params.get('province')).data,
    level: SchoolLevel.safeParse(params.get('level')).data,
    q: SchoolListQuery.shape.q.safeParse(params.get('q') || undefined).data,
  };
}

function toParams(filters: SchoolListQuery): Record<string, string> {
  const entries = Object.entries(filters).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== '');
  return Object.fromEntries(entries);
}

/** The filters live in the URL, so a filtered list can be shared by link and survives reloads. */
export function SchoolSearch() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params);
  const schools = useSchools(filters);

  return (
    <>
      <SchoolFilters value={filters} onChange={(next) => setParams(toParams(next))} />
      {schools.isPending && <LoadingStatus />}
      {schools.isError && <ErrorAlert error={schools.error} onRetry={() => void schools.refetch()} />}
      {schools.isSuccess &&
        (schools.data.items.length === 0 ? (
          <EmptyState>{t('schools.empty')}</EmptyState>
        ) : (
          <div aria-busy={schools.isPlaceholderData}>
            <SchoolsTable schools={schools.data.items} />
            <StudentsCountedNote />
          </div>
        ))}
    </>
  );
}
