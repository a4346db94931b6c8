import type { UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { AggregateResult, Cell, Measure } from '@primm/shared/contracts/aggregates';
import type { ChartModel } from './chart-model';
import { ChartPanel } from './chart-panel';
import { groupSharesChart } from './citizenship-chart-data';
import { compareChart, withPreviousYear } from './compare-chart-data';
import { measuresChart } from './interventions-chart-data';
import { BANDS, TIERS } from './overview-chart-data';
import { csvFileName, type RegionalFilters } from './regional-filters';
import { QueryState } from './query-state';
import type { PreviousPlace } from './regional-report';
import { useShapeText } from './use-shape-text';
import { usePreviousLabel } from './year-on-year-toggle';

type Props = {
  /** The place's published counts this year. */
  values: Record<string, Cell>;
  year: string;
  /** The place's previous year at the same date, when the comparison is on and a snapshot has it. */
  previous: PreviousPlace | null | undefined;
  groups: UseQueryResult<AggregateResult>;
  /** Whether the groups' answer can carry the previous year (the region's only: see the sentence otherwise). */
  groupsCompared: boolean;
  compare: boolean;
  threshold: number;
  filters: RegionalFilters;
};

/**
 * The printable report's charts, each with its table printed beneath it; with the comparison,
 * each beside the previous year at the same date, drawn and tabulated like the tabs' charts.
 */
export function ReportCharts({ values, year, previous, groups, groupsCompared, compare, threshold, filters }: Props) {
  const { t } = useTranslation();
  const previousLabel = usePreviousLabel();
  const byTier = useShapeText(t('regional.dimension.tier'));
  const byBand = useShapeText(t('regional.dimension.band'));
  const byGroup = useShapeText(t('regional.dimension.citizenshipGroup'));
  const panel = (key: string) => ({
    title: t(`regional.charts.${key}.title`),
    fileName: csvFileName(t(`regional.charts.${key}.file`), filters),
    level: 2 as const,
    printTable: true,
  });
  const measures = (list: readonly Measure[], text: typeof byTier): ChartModel => {
    const now = measuresChart(values, list, text);
    if (!previous) return now;
    return compareChart(now, measuresChart(previous.values, list, text), {
      current: year,
      previous: previousLabel(previous),
    });
  };

  return (
    <>
      <div className="report-section">
        <ChartPanel {...panel('reportTiers')} model={measures(TIERS, byTier)} threshold={threshold} />
        <ChartPanel {...panel('reportAttendance')} model={measures(BANDS, byBand)} threshold={threshold} />
      </div>
      <div className="report-section">
        <QueryState query={groups}>
          {(g) => (
            <>
              <ChartPanel
                {...panel('reportGroups')}
                model={
                  compare
                    ? withPreviousYear(g, (r) => groupSharesChart(r, byGroup), previousLabel)
                    : groupSharesChart(g, byGroup)
                }
                threshold={g.threshold}
              />
              {compare && !groupsCompared && <p className="hint">{t('regional.report.groupsNotCompared')}</p>}
            </>
          )}
        </QueryState>
      </div>
    </>
  );
}
