import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AggregateResult } from '@primm/shared/contracts/aggregates';
import { useAggregates } from '../api/get-aggregates';
import { useFairness } from '../api/get-fairness';
import type { ChartModel } from './chart-model';
import { ChartPanel } from './chart-panel';
import { withPreviousYear } from './compare-chart-data';
import {
  crossShareChart,
  GROUP_INDICATORS,
  groupSharesChart,
  italianOrNot,
  mostGroupsHidden,
} from './citizenship-chart-data';
import { BANDS, countsChart, TIERS } from './overview-chart-data';
import { csvFileName, type RegionalFilters } from './regional-filters';
import { QueryState } from './query-state';
import { useShapeText } from './use-shape-text';
import { usePreviousLabel, YearOnYearToggle } from './year-on-year-toggle';

type Props = {
  filters: RegionalFilters;
  /** The role may read the fairness report (analyst, admin), whose tier ≥ 2 shares this tab repeats. */
  withFairness?: boolean;
};

/**
 * Citizenship groups side by side: indicators as shares, tiers and attendance bands, and per
 * province. When most groups cannot be shown, Italian or not, which usually can (issue 20).
 */
export function CitizenshipComparison({ filters, withFairness = false }: Props) {
  const { t } = useTranslation();
  const byGroup = useShapeText(t('regional.dimension.citizenshipGroup'));
  const byProvince = useShapeText(t('regional.dimension.province'));
  const [compare, setCompare] = useState(false);
  const previousLabel = usePreviousLabel();
  const groups = useAggregates({
    groupBy: ['citizenshipGroup'],
    measures: ['students', ...TIERS, ...BANDS, ...GROUP_INDICATORS],
    filters,
    compare,
  });
  const cross = useAggregates({
    groupBy: ['province', 'citizenshipGroup'],
    measures: ['students', ...TIERS],
    filters,
    compare,
  });
  // The fairness report covers the region's whole year: its shares fit only a view with no other filter.
  const unfiltered = Object.entries(filters).every(([key, value]) => key === 'year' || value === undefined);
  const fairness = useFairness(filters.year, withFairness && unfiltered);
  const tierShares = new Map(
    (fairness.data?.groups ?? [])
      .filter((g) => g.dimension === 'citizenshipGroup' && g.shareTier2plus !== null)
      .map((g) => [g.group, g.shareTier2plus!]),
  );
  const panel = (key: string) => ({
    title: t(`regional.charts.${key}.title`),
    fileName: csvFileName(t(`regional.charts.${key}.file`), filters),
  });

  return (
    <section aria-labelledby="citizenship-heading" className="section">
      <h2 id="citizenship-heading">{t('regional.citizenship.heading')}</h2>
      <p className="hint">{t('regional.citizenship.intro')}</p>
      <QueryState query={groups}>
        {(result) => {
          const shares = groupSharesChart(result, byGroup, tierShares);
          // The coarser grouping as soon as either year shown would leave most groups blank.
          const currentHidden = mostGroupsHidden(shares);
          const previousHidden =
            compare && !!result.previous && mostGroupsHidden(groupSharesChart(result.previous, byGroup));
          const coarse = currentHidden || previousHidden ? italianOrNot(result) : undefined;
          // The fairness shares are this year's only: the comparison draws the table's own shares.
          const model = (build: (r: AggregateResult) => ChartModel, from = result) =>
            compare ? withPreviousYear(from, build, previousLabel) : build(from);
          return (
            <>
              <YearOnYearToggle compare={compare} onChange={setCompare} result={result} />
              {coarse && coarse.rows.length > 0 && (
                <div className="callout callout-info">
                  <p className="callout-title">{t('regional.citizenship.coarseTitle')}</p>
                  <p>
                    {currentHidden
                      ? t('regional.citizenship.coarse', { threshold: result.threshold })
                      : t('regional.citizenship.coarsePrevious', { threshold: result.threshold })}
                  </p>
                  {compare && result.previous && (
                    <p>{t('regional.citizenship.coarseCompared', { threshold: result.threshold })}</p>
                  )}
                </div>
              )}
              <div className="panel-grid">
                {coarse && coarse.rows.length > 0 && (
                  <ChartPanel
                    {...panel('indicatorsItalianOrNot')}
                    model={model((r) => groupSharesChart(r, byGroup), coarse)}
                    threshold={result.threshold}
                  />
                )}
                <div>
                  <ChartPanel
                    {...panel('indicatorsByGroup')}
                    model={compare ? model((r) => groupSharesChart(r, byGroup)) : shares}
                    threshold={result.threshold}
                  />
                  {tierShares.size > 0 && <p className="hint">{t('regional.citizenship.fromFairness')}</p>}
                </div>
                <ChartPanel
                  {...panel('tiersByGroup')}
                  model={model((r) => countsChart(r, TIERS, 'stacked', byGroup))}
                  threshold={result.threshold}
                />
                <ChartPanel
                  {...panel('attendanceByGroup')}
                  model={model((r) => countsChart(r, BANDS, 'stacked', byGroup))}
                  threshold={result.threshold}
                />
              </div>
            </>
          );
        }}
      </QueryState>
      <h3>{t('regional.citizenship.crossHeading')}</h3>
      <QueryState query={cross}>
        {(result) => (
          <ChartPanel
            {...panel('tierShareByProvinceAndGroup')}
            model={
              compare
                ? withPreviousYear(result, (r) => crossShareChart(r, byProvince), previousLabel)
                : crossShareChart(result, byProvince)
            }
            threshold={result.threshold}
            level={3}
          />
        )}
      </QueryState>
    </section>
  );
}
