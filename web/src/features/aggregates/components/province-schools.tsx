import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AggregateResult } from '@primm/shared/contracts/aggregates';
import type { ProvinceCode } from '@primm/shared/contracts/domain';
import { useAggregates } from '../api/get-aggregates';
import { ChartPanel } from './chart-panel';
import { withPreviousYear } from './compare-chart-data';
import { GroupLinks } from './group-links';
import { BANDS, countsChart, tierShareChart, TIERS } from './overview-chart-data';
import { csvFileName, type RegionalFilters } from './regional-filters';
import { QueryState } from './query-state';
import { useShapeText } from './use-shape-text';
import { usePreviousLabel, YearOnYearToggle } from './year-on-year-toggle';

/** Drill-down: the schools of one province (public names), each linking to its printable report. */
export function ProvinceSchools({ province, filters }: { province: ProvinceCode; filters: RegionalFilters }) {
  const { t } = useTranslation();
  const text = useShapeText(t('regional.dimension.school'));
  const [compare, setCompare] = useState(false);
  const previousLabel = usePreviousLabel();
  const query = useAggregates({
    groupBy: ['school'],
    measures: ['students', ...TIERS, ...BANDS],
    filters: { ...filters, province },
    compare,
  });
  const href = (school: string) =>
    `/analisi/rapporto?${new URLSearchParams({ school, ...(filters.year ? { year: filters.year } : {}) }).toString()}`;
  const panel = (key: string) => ({
    title: t(`regional.charts.${key}.title`),
    fileName: csvFileName(t(`regional.charts.${key}.file`), { ...filters, province }),
  });

  return (
    <QueryState query={query}>
      {(result) => {
        const students = countsChart(result, ['students'], 'bars', text, href);
        const model = (build: (r: AggregateResult) => ReturnType<typeof countsChart>) =>
          compare ? withPreviousYear(result, build, previousLabel) : build(result);
        return (
          <>
            <p className="hint">{t('regional.province.schoolsHint')}</p>
            <YearOnYearToggle compare={compare} onChange={setCompare} result={result} />
            <GroupLinks label={t('regional.province.openSchool')} rows={students.rows} />
            <div className="panel-grid">
              <ChartPanel
                {...panel('studentsBySchool')}
                model={model((r) => countsChart(r, ['students'], 'bars', text, href))}
                threshold={result.threshold}
                level={2}
              />
              <ChartPanel
                {...panel('tierShareBySchool')}
                model={model((r) => tierShareChart(r, text, href))}
                threshold={result.threshold}
                level={2}
              />
            </div>
          </>
        );
      }}
    </QueryState>
  );
}
