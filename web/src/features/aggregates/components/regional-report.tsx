import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AggregateResult, Cell, SnapshotInfo } from '@primm/shared/contracts/aggregates';
import type { ProvinceCode } from '@primm/shared/contracts/domain';
import { EmptyState } from '../../../components/empty-state';
import { PageTitle } from '../../../components/page-title';
import { StudentsCountedNote } from '../../../components/students-counted-note';
import { useAggregates } from '../api/get-aggregates';
import { ChartPanel } from './chart-panel';
import { formatValue, type Value } from './chart-model';
import { BANDS, tierShareValues, TIERS } from './overview-chart-data';
import { csvFileName } from './regional-filters';
import { QueryState } from './query-state';
import { REPORT_GROUP_MEASURES, ReportCharts } from './report-charts';
import { reportCommentary, type Place } from './report-commentary';
import { useFormatNumber } from './use-shape-text';
import { usePreviousLabel, YearOnYearToggle } from './year-on-year-toggle';

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

/** The previous year at the same date for the report's place: its values and its snapshot. */
export type PreviousPlace = { year: string; snapshot: SnapshotInfo; values: Record<string, Cell> };

/**
 * A printable page for a province, a school or the region: key figures, an automatic commentary
 * built from published numbers only, and the charts. Aggregates only: no personal data.
 * `extra`: sections the page composes from other features (the region's trend over the years,
 * the participants' views), printed with the rest. `compare`: each chart and key figure beside
 * the previous year at the same date (issue 20), as the page's address says (`compare=previous`),
 * so the printed page is the one on screen.
 */
export function RegionalReport({
  scope,
  year,
  extra,
  compare = false,
  onCompareChange,
}: {
  scope: ReportScope;
  year: string | undefined;
  extra?: ReactNode;
  compare?: boolean;
  onCompareChange?: (compare: boolean) => void;
}) {
  const { t } = useTranslation();
  const format = useFormatNumber();
  const previousLabel = usePreviousLabel();
  const groupBy =
    'province' in scope ? (['province'] as const) : 'school' in scope ? (['school'] as const) : ([] as const);
  const region = groupBy.length === 0;
  const filters = { ...scope, year };
  const main = useAggregates({ groupBy: [...groupBy], measures: MEASURES, filters, compare: compare && region });
  // Snapshots keep the region's tables unfiltered only: a province's or a school's previous year
  // is its row of the whole region's table by province or by school, as the tabs publish it.
  const parent = useAggregates(
    { groupBy: [...groupBy], measures: MEASURES, filters: { year }, compare: true },
    compare && !region,
  );
  const groups = useAggregates({
    groupBy: ['citizenshipGroup'],
    measures: REPORT_GROUP_MEASURES,
    filters,
    compare: compare && region,
  });

  return (
    <QueryState query={main}>
      {(result) => {
        const found = placeOf(result);
        if (!found) return <EmptyState>{t('regional.report.unknownSchool')}</EmptyState>;
        const { place, values } = found;
        const title = t(`regional.report.title_${place.kind}`, { name: place.kind === 'region' ? '' : place.name });
        const sentences = reportCommentary({ place, year: result.year, threshold: result.threshold, values }, format);
        const previous = compare ? previousOf(region ? result : parent.data, scope) : undefined;
        const figure = (label: string, pick: (v: Record<string, Cell>) => Value, unit: 'count' | 'share') => ({
          label,
          value: formatValue(pick(values), unit, format),
          previous:
            previous &&
            t('regional.report.previousFigure', {
              label: previousLabel(previous),
              value: formatValue(pick(previous.values), unit, format),
            }),
        });
        const count = (m: string) => (v: Record<string, Cell>) => v[m] ?? null;
        const figures = [
          figure(t('regional.series.students'), count('students'), 'count'),
          figure(t('regional.report.tier2plusShare'), (v) => tierShareValues(v).tier2plusShare, 'share'),
          figure(t('regional.report.overLimit'), count('overLimit'), 'count'),
          figure(t('regional.report.failing2plus'), count('failing2plus'), 'count'),
          figure(t('regional.report.openCases'), count('openCases'), 'count'),
          figure(t('regional.report.closedCases'), count('closedCases'), 'count'),
        ];
        return (
          <article className="regional-report">
            <PageTitle page={title} />
            <header className="report-header">
              <h1>{title}</h1>
              <p className="lead">{t('regional.report.subtitle', { year: result.year })}</p>
              <button type="button" className="btn btn-primary no-print" onClick={() => window.print()}>
                {t('regional.report.print')}
              </button>
              {onCompareChange && (
                <YearOnYearToggle compare={compare} onChange={onCompareChange} result={{ previous }} />
              )}
            </header>
            <section aria-labelledby="report-figures" className="report-section">
              <h2 id="report-figures">{t('regional.report.keyFigures')}</h2>
              <dl className="key-figures">
                {figures.map((f) => (
                  <div key={f.label}>
                    <dt>{f.label}</dt>
                    <dd>
                      {f.value}
                      {f.previous && <span className="figure-previous">{f.previous}</span>}
                    </dd>
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
            <ReportCharts
              values={values}
              year={result.year}
              previous={previous}
              groups={groups}
              scope={scope}
              compare={compare}
              threshold={result.threshold}
              filters={filters}
            />
            {extra}
          </article>
        );
      }}
    </QueryState>
  );
}

/**
 * The place's previous year from an answer with `compare=previous`: the region's total, or the
 * province's or school's row (none that year: no values, shown `—`); null when the server has no
 * snapshot; undefined while it loads.
 */
function previousOf(answer: AggregateResult | undefined, scope: ReportScope): PreviousPlace | null | undefined {
  if (!answer) return undefined;
  const table = answer.previous;
  if (!table) return table === null ? null : undefined;
  const [dimension, code] =
    'province' in scope ? ['province', scope.province] : 'school' in scope ? ['school', scope.school] : [];
  const values = dimension ? (table.rows.find((r) => r.group[dimension] === code)?.values ?? {}) : table.total;
  return { year: table.year, snapshot: table.snapshot, values };
}
