import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AggregateResult, Cell } from '@primm/shared/contracts/aggregates';
import type { ProvinceCode } from '@primm/shared/contracts/domain';
import { EmptyState } from '../../../components/empty-state';
import { PageTitle } from '../../../components/page-title';
import { StudentsCountedNote } from '../../../components/students-counted-note';
import { useAggregates } from '../api/get-aggregates';
import { ChartPanel } from './chart-panel';
import { formatValue } from './chart-model';
import { GROUP_INDICATORS, groupSharesChart } from './citizenship-chart-data';
import { measuresChart } from './interventions-chart-data';
import { BANDS, tierShareValues, TIERS } from './overview-chart-data';
import { csvFileName } from './regional-filters';
import { QueryState } from './query-state';
import { reportCommentary, type Place } from './report-commentary';
import { useFormatNumber, useShapeText } from './use-shape-text';

export type ReportScope = { province: ProvinceCode } | { school: string } | Record<string, never>;

const MEASURES = [
  'students',
  ...TIERS,
  ...BANDS,
  'overLimit',
  'failing2plus',
  'ageGradeDelay',
  'openCases',
  'closedCases',
] as const;

function placeOf(result: AggregateResult): { place: Place; values: Record<string, Cell> } | undefined {
  const dimension = result.groupBy[0];
  if (!dimension) return { place: { kind: 'region' }, values: result.total };
  const row = result.rows[0];
  if (!row) return undefined;
  return {
    place: { kind: dimension === 'province' ? 'province' : 'school', name: row.labels[dimension] ?? '' },
    values: row.values,
  };
}

/**
 * A printable page for a province, a school or the region: key figures, an automatic commentary
 * built from published numbers only, and the charts. Aggregates only: no personal data.
 * `extra`: sections the page composes from other features (the region's trend over the years,
 * the participants' views), printed with the rest.
 */
export function RegionalReport({
  scope,
  year,
  extra,
}: {
  scope: ReportScope;
  year: string | undefined;
  extra?: ReactNode;
}) {
  const { t } = useTranslation();
  const format = useFormatNumber();
  const groupBy =
    'province' in scope ? (['province'] as const) : 'school' in scope ? (['school'] as const) : ([] as const);
  const filters = { ...scope, year };
  const main = useAggregates({ groupBy: [...groupBy], measures: MEASURES, filters });
  const groups = useAggregates({
    groupBy: ['citizenshipGroup'],
    measures: ['students', ...TIERS, ...GROUP_INDICATORS],
    filters,
  });
  const byTier = useShapeText(t('regional.dimension.tier'));
  const byBand = useShapeText(t('regional.dimension.band'));
  const byGroup = useShapeText(t('regional.dimension.citizenshipGroup'));
  const panel = (key: string) => ({
    title: t(`regional.charts.${key}.title`),
    fileName: csvFileName(t(`regional.charts.${key}.file`), filters),
    level: 2 as const,
  });

  return (
    <QueryState query={main}>
      {(result) => {
        const found = placeOf(result);
        if (!found) return <EmptyState>{t('regional.report.unknownSchool')}</EmptyState>;
        const { place, values } = found;
        const title = t(`regional.report.title_${place.kind}`, { name: place.kind === 'region' ? '' : place.name });
        const figures: [string, string][] = [
          [t('regional.series.students'), formatValue(values.students ?? null, 'count', format)],
          [t('regional.report.tier2plusShare'), formatValue(tierShareValues(values).tier2plusShare, 'share', format)],
          [t('regional.report.overLimit'), formatValue(values.overLimit ?? null, 'count', format)],
          [t('regional.report.failing2plus'), formatValue(values.failing2plus ?? null, 'count', format)],
          [t('regional.report.openCases'), formatValue(values.openCases ?? null, 'count', format)],
          [t('regional.report.closedCases'), formatValue(values.closedCases ?? null, 'count', format)],
        ];
        const sentences = reportCommentary({ place, year: result.year, threshold: result.threshold, values }, format);
        return (
          <article className="regional-report">
            <PageTitle page={title} />
            <header className="report-header">
              <h1>{title}</h1>
              <p className="lead">{t('regional.report.subtitle', { year: result.year })}</p>
              <button type="button" className="btn btn-primary no-print" onClick={() => window.print()}>
                {t('regional.report.print')}
              </button>
            </header>
            <section aria-labelledby="report-figures" className="report-section">
              <h2 id="report-figures">{t('regional.report.keyFigures')}</h2>
              <dl className="key-figures">
                {figures.map(([label, value]) => (
                  <div key={label}>
                    <dt>{label}</dt>
                    <dd>{value}</dd>
                  </div>
                ))}
              </dl>
              <StudentsCountedNote />
              <h2 id="report-commentary">{t('regional.report.commentary')}</h2>
              <div aria-labelledby="report-commentary" role="region" className="commentary">
                {sentences.map((s) => (
                  <p key={s.key}>{t(`regional.commentary.${s.key}`, { ...s.values, context: s.context })}</p>
                ))}
              </div>
            </section>
            <div className="report-section">
              <ChartPanel
                {...panel('reportTiers')}
                model={measuresChart(values, TIERS, byTier)}
                threshold={result.threshold}
              />
              <ChartPanel
                {...panel('reportAttendance')}
                model={measuresChart(values, BANDS, byBand)}
                threshold={result.threshold}
              />
            </div>
            <div className="report-section">
              <QueryState query={groups}>
                {(g) => (
                  <ChartPanel {...panel('reportGroups')} model={groupSharesChart(g, byGroup)} threshold={g.threshold} />
                )}
              </QueryState>
            </div>
            {extra}
          </article>
        );
      }}
    </QueryState>
  );
}
