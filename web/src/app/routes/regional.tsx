import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { Role } from '@primm/shared/contracts/auth';
import { PageTitle } from '../../components/page-title';
import { Tabs } from '../../components/tabs';
import { useMe } from '../../features/auth/api/get-me';
import { CitizenshipComparison } from '../../features/aggregates/components/citizenship-comparison';
import { FairnessPanel } from '../../features/aggregates/components/fairness-panel';
import { InterventionsOutcomes } from '../../features/aggregates/components/interventions-outcomes';
import { OwnSchoolsNotice } from '../../features/aggregates/components/own-schools-notice';
import { RegionProvinces } from '../../features/aggregates/components/region-provinces';
import { filterParams, readRegionalFilters } from '../../features/aggregates/components/regional-filters';
import { RegionalFiltersForm } from '../../features/aggregates/components/regional-filters-form';
import { YearGate } from '../../features/aggregates/components/year-gate';
import { Forbidden } from './forbidden';

/** Who the server answers on /api/aggregates (a referent for their own schools) and on /api/fairness. */
export const REGIONAL_ROLES: readonly Role[] = ['analista', 'admin', 'referente'];
const FAIRNESS_ROLES: readonly Role[] = ['analista', 'admin'];

type Tab = 'province' | 'cittadinanza' | 'interventi' | 'equita';

/** This page's address without its year: the latest year with data, the other filters kept. */
function withoutYear(params: URLSearchParams): string {
  const next = new URLSearchParams(params);
  next.delete('year');
  return next.size ? `/analisi?${next.toString()}` : '/analisi';
}

export function Component() {
  const { t } = useTranslation();
  const role = useMe().data?.role;
  const [params, setParams] = useSearchParams();
  if (!role || !REGIONAL_ROLES.includes(role)) return <Forbidden title={t('regional.title')} />;

  const filters = readRegionalFilters(params);
  const tabs: { key: Tab; label: string; panel: ReactNode }[] = [
    { key: 'province', label: t('regional.tabs.provinces'), panel: <RegionProvinces filters={filters} /> },
    {
      key: 'cittadinanza',
      label: t('regional.tabs.citizenship'),
      panel: <CitizenshipComparison filters={filters} withFairness={FAIRNESS_ROLES.includes(role)} />,
    },
    { key: 'interventi', label: t('regional.tabs.interventions'), panel: <InterventionsOutcomes filters={filters} /> },
    ...(FAIRNESS_ROLES.includes(role)
      ? [{ key: 'equita' as const, label: t('regional.tabs.fairness'), panel: <FairnessPanel year={filters.year} /> }]
      : []),
  ];
  const selected = tabs.find((tab) => tab.key === params.get('vista'))?.key ?? 'province';

  return (
    <>
      <PageTitle page={t('regional.title')} />
      <h1>{t('regional.title')}</h1>
      <p className="lead">{t('regional.intro')}</p>
      <OwnSchoolsNotice />
      {/* issue 20: the printable report was reachable only by typing its address */}
      <p>
        <Link to={`/analisi/rapporto${filters.year ? `?${filterParams({ year: filters.year })}` : ''}`}>
          {t('regional.reportLink')}
        </Link>
      </p>
      <RegionalFiltersForm params={params} onChange={setParams} />
      <YearGate year={filters.year} withoutYear={withoutYear(params)}>
        <Tabs<Tab>
          label={t('regional.tabs.label')}
          selected={selected}
          // the tab is in the URL too (`?vista=equita`), with the filters, so a view can be linked
          onSelect={(next) =>
            setParams(
              (current) => {
                const updated = new URLSearchParams(current);
                if (next === 'province') updated.delete('vista');
                else updated.set('vista', next);
                return updated;
              },
              { replace: true },
            )
          }
          tabs={tabs}
        />
      </YearGate>
    </>
  );
}
