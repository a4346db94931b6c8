import { useTranslation } from 'react-i18next';
import { useTrend } from '../api/get-trend';
import { ChartPanel } from './chart-panel';
import { csvFileName, type RegionalFilters } from './regional-filters';
import { QueryState } from './query-state';
import { trendChart } from './trend-chart-data';

/** Month by month, how many students missed more than 10 % and 25 % of the hours held. */
export function MonthlyTrendPanel({ filters }: { filters: RegionalFilters }) {
  const { t, i18n } = useTranslation();
  const query = useTrend(filters);
  const text = { rowHeader: t('regional.dimension.month'), series: (key: string) => t(`regional.series.${key}`), language: i18n.language };

  return (
    <QueryState query={query}>
      {(trend) => (
        <div>
          <ChartPanel
            title={t('regional.charts.monthlyTrend.title')}
            fileName={csvFileName(t('regional.charts.monthlyTrend.file'), filters)}
            model={trendChart(trend, text)}
            threshold={trend.threshold}
          />
          <p className="hint">{t('regional.overview.trendNote')}</p>
        </div>
      )}
    </QueryState>
  );
}
