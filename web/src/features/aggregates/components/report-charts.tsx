import type { UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { AggregateResult, Cell, Measure } from '@primm/shared/contracts/aggregates';
import type { ChartModel } from './chart-model';
import { ChartPanel } from './chart-panel';
import { GROUP_INDICATORS, groupSharesChart, groupsOfProvince } from './citizenship-chart-data';
import { compareChart, withPreviousYear } from './compare-chart-data';
import { measuresChart } from './interventions-chart-data';
import { useAggregates } from '../api/get-aggregates';
import { BANDS, TIERS } from './overview-chart-data';
import { csvFileName, type RegionalFilters } from './regional-filters';
import { QueryState } from './query-state';
import type { PreviousPlace, ReportScope } from './regional-report';
import { useShapeText } from './use-shape-text';
import { usePreviousLabel } from './year-on-year-toggle';

type Props = {
  /** The place's published counts this year. */
  values: Record<string, Cell>;
  year: string;
  /** The place's previous year at the same date, when the comparison is on and a snapshot has it. */
  previous: PreviousPlace | null | undefined;
  /** The place's citizenship groups (REPORT_GROUP_MEASURES). */
  groups: UseQueryResult<AggregateResult>;
  scope: ReportScope;
  compare: boolean;
  threshold: number;
  filters: RegionalFilters;
};

/** What the report's groups chart counts, in every answer it is drawn from. */
export const REPORT_GROUP_MEASURES = ['students', ...TIERS, ...GROUP_INDICATORS] as const satisfies readonly Measure[];

/**
 * The printable report's charts, each with its table printed beneath it; with the comparison,
 * each beside the previous year at the same date, drawn and tabulated like the tabs' charts.
 */
export function ReportCharts({ values, year, previous, groups, scope, compare, threshold, filters }: Props) {
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
  // A province's groups a year before: its part of the region's snapshot table by province × group.
  const province = 'province' in scope ? scope.province : undefined;
  const cross = useAggregates(
    {
      groupBy: ['province', 'citizenshipGroup'],
      measures: REPORT_GROUP_MEASURES,
      filters: { year: filters.year },
      compare: true,
    },
    compare && province !== undefined,
  );
  const groupsModel = (g: AggregateResult): ChartModel => {
    const build = (r: AggregateResult) => groupSharesChart(r, byGroup);
    if (!compare) return build(g);
    if (!province) return withPreviousYear(g, build, previousLabel);
    const before = cross.data?.previous;
    if (!before) return build(g);
    return compareChart(build(g), build(groupsOfProvince(before, province)), {
      current: g.year,
      previous: previousLabel(before),
    });
  };
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
              <ChartPanel {...panel('reportGroups')} model={groupsModel(g)} threshold={g.threshold} />
              {compare && 'school' in scope && <p className="hint">{t('regional.report.groupsNotCompared')}</p>}
            </>
          )}
        </QueryState>
      </div>
    </>
  );
}
