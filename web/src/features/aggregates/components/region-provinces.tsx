import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AggregateResult } from '@primm/shared/contracts/aggregates';
import { useAggregates } from '../api/get-aggregates';
import { ChartPanel } from './chart-panel';
import { withPreviousYear } from './compare-chart-data';
import { GroupLinks } from './group-links';
import { MonthlyTrendPanel } from './monthly-trend-panel';
import { BANDS, countsChart, tierShareChart, TIERS } from './overview-chart-data';
import { csvFileName, filterParams, type RegionalFilters } from './regional-filters';
import { QueryState } from './query-state';
import { useShapeText } from './use-shape-text';
import { usePreviousLabel, YearOnYearToggle } from './year-on-year-toggle';

/** The five provinces: students, tier ≥ 2 share, tiers and attendance bands (each province opens its schools); the monthly trend of absences. */
export function RegionProvinces({ filters }: { filters: RegionalFilters }) {
  const { t } = useTranslation();
  const text = useShapeText(t('regional.dimension.province'));
  const [compare, setCompare] = useState(false);
  const previousLabel = usePreviousLabel();
  const query = useAggregates({ groupBy: ['province'], measures: ['students', ...TIERS, ...BANDS], filters, compare });
  const search = filterParams(filters);
  const href = (code: string) => `/analisi/provincia/${code}${search ? `?${search}` : ''}`;
  const panel = (key: string) => ({
    title: t(`regional.charts.${key}.title`),
    fileName: csvFileName(t(`regional.charts.${key}.file`), filters),
  });

  return (
    <section aria-labelledby="provinces-heading" className="section">
      <h2 id="provinces-heading">{t('regional.overview.heading')}</h2>
      <p className="hint">{t('regional.overview.drillHint')}</p>
      <QueryState query={query}>
        {(result) => {
          const students = countsChart(result, ['students'], 'bars', text, href);
          const model = (build: (r: AggregateResult) => ReturnType<typeof countsChart>) =>
            compare ? withPreviousYear(result, build, previousLabel) : build(result);
          return (
            <>
              <YearOnYearToggle compare={compare} onChange={setCompare} result={result} />
              <GroupLinks label={t('regional.overview.openProvince')} rows={students.rows} />
              <div className="panel-grid">
                <ChartPanel
                  {...panel('studentsByProvince')}
                  model={model((r) => countsChart(r, ['students'], 'bars', text, href))}
                  threshold={result.threshold}
                />
                <div>
                  <ChartPanel
                    {...panel('tierShareByProvince')}
                    model={model((r) => tierShareChart(r, text, href))}
                    threshold={result.threshold}
                  />
                  <p className="hint">{t('regional.overview.shareNote')}</p>
                </div>
                <ChartPanel
                  {...panel('tiersByProvince')}
                  model={model((r) => countsChart(r, TIERS, 'stacked', text, href))}
                  threshold={result.threshold}
                />
                <ChartPanel
                  {...panel('attendanceByProvince')}
                  model={model((r) => countsChart(r, BANDS, 'stacked', text, href))}
                  threshold={result.threshold}
                />
              </div>
            </>
          );
        }}
      </QueryState>
      <MonthlyTrendPanel filters={filters} />
    </section>
  );
}
