import { useTranslation } from 'react-i18next';
import { useAggregates } from '../api/get-aggregates';
import { ChartPanel } from './chart-panel';
import { ACTIONS, ARRIVALS, DESTINATIONS, measuresChart, OUTCOMES } from './interventions-chart-data';
import { countsChart } from './overview-chart-data';
import { csvFileName, type RegionalFilters } from './regional-filters';
import { QueryState } from './query-state';
import { useShapeText } from './use-shape-text';

/** Actions by type, reorientations by destination and whether they arrived, outcomes of closed cases. */
export function InterventionsOutcomes({ filters }: { filters: RegionalFilters }) {
  const { t } = useTranslation();
  const byAction = useShapeText(t('regional.dimension.action'));
  const byDestination = useShapeText(t('regional.dimension.destination'));
  const byOutcome = useShapeText(t('regional.dimension.outcome'));
  const byProvince = useShapeText(t('regional.dimension.province'));
  const query = useAggregates({
    groupBy: ['province'],
    measures: ['students', 'closedCases', ...ACTIONS, ...DESTINATIONS, ...ARRIVALS, ...OUTCOMES],
    filters,
  });
  const panel = (key: string) => ({
    title: t(`regional.charts.${key}.title`),
    fileName: csvFileName(t(`regional.charts.${key}.file`), filters),
  });

  return (
    <section aria-labelledby="interventions-heading" className="section">
      <h2 id="interventions-heading">{t('regional.interventions.heading')}</h2>
      <p className="hint">{t('regional.interventions.intro')}</p>
      <QueryState query={query}>
        {(result) => (
          <div className="panel-grid">
            <ChartPanel
              {...panel('actions')}
              model={measuresChart(result.total, ACTIONS, byAction)}
              threshold={result.threshold}
            />
            <ChartPanel
              {...panel('destinations')}
              model={measuresChart(result.total, DESTINATIONS, byDestination)}
              threshold={result.threshold}
            />
            <ChartPanel
              {...panel('arrivals')}
              model={countsChart(result, ARRIVALS, 'stacked', byProvince)}
              threshold={result.threshold}
            />
            <ChartPanel
              {...panel('outcomes')}
              model={measuresChart(result.total, OUTCOMES, byOutcome)}
              threshold={result.threshold}
            />
          </div>
        )}
      </QueryState>
    </section>
  );
}
