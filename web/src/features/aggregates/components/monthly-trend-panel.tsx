import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTrend } from '../api/get-trend';
import { useAggregateYears } from '../api/get-years';
import { ChartPanel } from './chart-panel';
import { csvFileName, type RegionalFilters } from './regional-filters';
import { QueryState } from './query-state';
import { compareTrendChart, previousSchoolYear, trendChart } from './trend-chart-data';

/**
 * Month by month, how many students missed more than 10 % and 25 % of the hours held; when the
 * year before has data, the same months of that year beside them (issue 20, year-on-year).
 */
export function MonthlyTrendPanel({ filters }: { filters: RegionalFilters }) {
  const { t, i18n } = useTranslation();
  const [compare, setCompare] = useState(false);
  const years = useAggregateYears().data;
  const year = filters.year ?? years?.current ?? undefined;
  const previousYear = year && years?.years.includes(previousSchoolYear(year)) ? previousSchoolYear(year) : undefined;
  const query = useTrend(filters);
  const before = useTrend({ ...filters, year: previousYear }, compare && previousYear !== undefined);
  const text = {
    rowHeader: t('regional.dimension.month'),
    series: (key: string) => t(`regional.series.${key}`),
    language: i18n.language,
  };
  const comparing = compare && before.data !== undefined && before.data.year === previousYear;

  return (
    <QueryState query={query}>
      {(trend) => (
        <div>
          {previousYear && (
            <p className="no-print">
              <label className="checkbox">
                <input type="checkbox" checked={compare} onChange={(e) => setCompare(e.target.checked)} />
                {t('regional.trend.compare', { year: previousYear })}
              </label>
            </p>
          )}
          <ChartPanel
            title={t('regional.charts.monthlyTrend.title')}
            fileName={csvFileName(
              t(comparing ? 'regional.charts.monthlyTrend.fileCompared' : 'regional.charts.monthlyTrend.file'),
              filters,
            )}
            model={comparing ? compareTrendChart(trend, before.data!, text) : trendChart(trend, text)}
            threshold={trend.threshold}
          />
          <p className="hint">{t('regional.overview.trendNote')}</p>
          {comparing && <p className="hint">{t('regional.trend.compareNote', { year: previousYear })}</p>}
        </div>
      )}
    </QueryState>
  );
}
