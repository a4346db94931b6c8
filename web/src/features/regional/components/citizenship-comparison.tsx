import { useTranslation } from 'react-i18next';
import { useAggregates } from '../api/get-aggregates';
import { ChartPanel } from './chart-panel';
import { crossShareChart, GROUP_INDICATORS, groupSharesChart } from './citizenship-chart-data';
import { BANDS, countsChart, TIERS } from './overview-chart-data';
import { csvFileName, type RegionalFilters } from './regional-filters';
import { QueryState } from './query-state';
import { useShapeText } from './use-shape-text';

/** Citizenship groups side by side: indicators as shares, tiers and attendance bands, and per province. */
export function CitizenshipComparison({ filters }: { filters: RegionalFilters }) {
  const { t } = useTranslation();
  const byGroup = useShapeText(t('regional.dimension.citizenshipGroup'));
  const byProvince = useShapeText(t('regional.dimension.province'));
  const groups = useAggregates({ groupBy: ['citizenshipGroup'], measures: ['students', ...TIERS, ...BANDS, ...GROUP_INDICATORS], filters });
  const cross = useAggregates({ groupBy: ['province', 'citizenshipGroup'], measures: ['students', ...TIERS], filters });
  const panel = (key: string) => ({ title: t(`regional.charts.${key}.title`), fileName: csvFileName(t(`regional.charts.${key}.file`), filters) });

  return (
    <section aria-labelledby="citizenship-heading" className="section">
      <h2 id="citizenship-heading">{t('regional.citizenship.heading')}</h2>
      <p className="hint">{t('regional.citizenship.intro')}</p>
      <QueryState query={groups}>
        {(result) => (
          <div className="panel-grid">
            <ChartPanel {...panel('indicatorsByGroup')} model={groupSharesChart(result, byGroup)} threshold={result.threshold} />
            <ChartPanel {...panel('tiersByGroup')} model={countsChart(result, TIERS, 'stacked', byGroup)} threshold={result.threshold} />
            <ChartPanel {...panel('attendanceByGroup')} model={countsChart(result, BANDS, 'stacked', byGroup)} threshold={result.threshold} />
          </div>
        )}
      </QueryState>
      <h3>{t('regional.citizenship.crossHeading')}</h3>
      <QueryState query={cross}>
        {(result) => <ChartPanel {...panel('tierShareByProvinceAndGroup')} model={crossShareChart(result, byProvince)} threshold={result.threshold} level={3} />}
      </QueryState>
    </section>
  );
}
