import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { ProvinceCode } from '@primm/shared/contracts/domain';
import { PageTitle } from '../../components/page-title';
import { useMe } from '../../features/auth/api/get-me';
import { ProvinceSchools } from '../../features/aggregates/components/province-schools';
import { filterParams, readRegionalFilters } from '../../features/aggregates/components/regional-filters';
import { OwnSchoolsNotice } from '../../features/aggregates/components/own-schools-notice';
import { RegionalFiltersForm } from '../../features/aggregates/components/regional-filters-form';
import { YearGate } from '../../features/aggregates/components/year-gate';
import { Forbidden } from './forbidden';
import { NotFound } from './not-found';
import { REGIONAL_ROLES } from './regional';

export function Component() {
  const { t } = useTranslation();
  const role = useMe().data?.role;
  const province = ProvinceCode.safeParse(useParams().code?.toUpperCase());
  const [params, setParams] = useSearchParams();
  if (!role || !REGIONAL_ROLES.includes(role)) return <Forbidden title={t('regional.title')} />;
  if (!province.success) return <NotFound />;

  const filters = readRegionalFilters(params);
  const name = t(`domain.province.${province.data}`);
  const back = filterParams(filters);
  const withoutYear = filterParams({ ...filters, year: undefined });
  return (
    <>
      <PageTitle page={t('regional.province.title', { name })} />
      <p className="back-link">
        <Link to={`/analisi${back ? `?${back}` : ''}`}>{t('regional.province.back')}</Link>
      </p>
      <h1>{t('regional.province.title', { name })}</h1>
      <p className="lead">{t('regional.province.intro')}</p>
      <OwnSchoolsNotice />
      <p>
        <Link to={`/analisi/rapporto?${filterParams({ province: province.data, year: filters.year })}`}>
          {t('regional.province.report')}
        </Link>
      </p>
      <RegionalFiltersForm params={params} onChange={setParams} />
      <YearGate
        year={filters.year}
        withoutYear={`/analisi/provincia/${province.data}${withoutYear ? `?${withoutYear}` : ''}`}
      >
        <ProvinceSchools key={province.data} province={province.data} filters={filters} />
      </YearGate>
    </>
  );
}
