import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AggregateResult } from '@primm/shared/contracts/aggregates';
import { useAggregates } from '../api/get-aggregates';
import type { ChartModel } from './chart-model';
import { ChartPanel } from './chart-panel';
import { withPreviousYear } from './compare-chart-data';
import { ACTIONS, ARRIVALS, DESTINATIONS, measuresChart, OUTCOMES } from './interventions-chart-data';
import { countsChart } from './overview-chart-data';
import { csvFileName, type RegionalFilters } from './regional-filters';
import { QueryState } from './query-state';
import { useShapeText } from './use-shape-text';
import { usePreviousLabel, YearOnYearToggle } from './year-on-year-toggle';

/** Actions by type, reorientations by destination and whether they arrived, outcomes of closed cases. */
export function InterventionsOutcomes({ filters }: { filters: RegionalFilters }) {
  const { t } = useTranslation();
  const byAction = useShapeText(t('regional.dimension.action'));
  const byDestination = useShapeText(t('regional.dimension.destination'));
  const byOutcome = useShapeText(t('regional.dimension.outcome'));
  const byProvince = useShapeText(t('regional.dimension.province'));
  const [compare, setCompare] = useState(false);
  const previousLabel = usePreviousLabel();
  const query = useAggregates({
    groupBy: ['province'],
    measures: ['students', 'closedCases', ...ACTIONS, ...DESTINATIONS, ...ARRIVALS, ...OUTCOMES],
    filters,
    compare,
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
        {(result) => {
          const model = (build: (r: AggregateResult) => ChartModel) =>
            compare ? withPreviousYear(result, build, previousLabel) : build(result);
          return (
            <>
              <YearOnYearToggle compare={compare} onChange={setCompare} result={result} />
              <div className="panel-grid">
                <ChartPanel
                  {...panel('actions')}
                  model={model((r) => measuresChart(r.total, ACTIONS, byAction))}
                  threshold={result.threshold}
                />
                <ChartPanel
                  {...panel('destinations')}
                  model={model((r) => measuresChart(r.total, DESTINATIONS, byDestination))}
                  threshold={result.threshold}
                />
                <ChartPanel
                  {...panel('arrivals')}
                  model={model((r) => countsChart(r, ARRIVALS, 'stacked', byProvince))}
                  threshold={result.threshold}
                />
                <ChartPanel
                  {...panel('outcomes')}
                  model={model((r) => measuresChart(r.total, OUTCOMES, byOutcome))}
                  threshold={result.threshold}
                />
              </div>
            </>
          );
        }}
      </QueryState>
    </section>
  );
}
