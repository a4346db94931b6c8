import { lazy, Suspense, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/empty-state';
import { LoadingStatus } from '../../../components/loading-status';
import { StudentsCountedNote } from '../../../components/students-counted-note';
import { hasSuppressed, nothingToDraw, summariseChart, toChartCsv, type ChartModel } from './chart-model';
import { AggregateTable } from './aggregate-table';
import { SuppressionLegend } from './suppression-legend';
import { useFormatNumber } from './use-shape-text';

// Keeps recharts out of the initial bundle (budget: 250 KB gzip for the first page's JS).
const AggregateChart = lazy(() => import('./aggregate-chart'));

type Props = {
  title: string;
  /** The CSV's file name, saying what and which filters (`csvFileName`). */
  fileName: string;
  model: ChartModel;
  threshold: number;
  /** Heading level inside the page: h2 in the report, h3 under a tab's heading. */
  level?: 2 | 3;
  /**
   * Print the table under the chart too (the printable report): paper has no "Tabella" button,
   * and a drawing alone is no alternative for a reader who needs the numbers.
   */
  printTable?: boolean;
};

function download(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  URL.revokeObjectURL(url);
}

/**
 * One chart with its table view ("Grafico / Tabella", the same numbers) and a CSV of exactly
 * that table. Anything unpublished keeps its `<10` / `n.d.` and the legend explains both.
 */
export function ChartPanel({ title, fileName, model, threshold, level = 3, printTable = false }: Props) {
  const { t } = useTranslation();
  const format = useFormatNumber();
  const headingId = useId();
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const Heading = `h${level}` as const;
  const suppressed = hasSuppressed(model);
  const label = t('regional.panel.chartLabel', {
    kind: t(`regional.panel.kind.${model.kind}`),
    title,
    values: summariseChart(model, format),
  });

  return (
    <section className="chart-panel" aria-labelledby={headingId}>
      <Heading id={headingId} className="chart-title">
        {title}
      </Heading>
      {model.rows.length === 0 ? (
        <EmptyState>{t('regional.panel.empty')}</EmptyState>
      ) : (
        <>
          <div className="chart-toolbar no-print">
            <div role="group" aria-label={t('regional.panel.view', { title })} className="view-switch">
              {(['chart', 'table'] as const).map((v) => (
                <button
                  key={v}
                  type="button"
                  className="btn btn-outline btn-small"
                  aria-pressed={view === v}
                  onClick={() => setView(v)}
                >
                  {t(`regional.panel.${v}`)}
                </button>
              ))}
            </div>
            {/* the name starts with the visible text (WCAG 2.5.3) and says which chart */}
            <button
              type="button"
              className="btn btn-outline btn-small"
              aria-label={t('regional.panel.downloadLabel', { title })}
              onClick={() => download(fileName, toChartCsv(model, format))}
            >
              {t('regional.panel.download')}
            </button>
          </div>
          {view === 'chart' && nothingToDraw(model) ? (
            // axes and a legend with no line said nothing (the report's years, every share n.d.): the table says why
            <>
              <p className="hint">{t('regional.panel.nothingDrawn')}</p>
              <AggregateTable model={model} caption={title} />
            </>
          ) : view === 'chart' ? (
            <Suspense fallback={<LoadingStatus />}>
              <AggregateChart model={model} label={label} />
              {suppressed && <p className="hint">{t('regional.panel.notDrawn')}</p>}
              {printTable && (
                <div className="print-only">
                  <AggregateTable model={model} caption={title} printed />
                </div>
              )}
            </Suspense>
          ) : (
            <AggregateTable model={model} caption={title} />
          )}
          {/* a total of students says what it counts; a chart of measures (students with an action…) is no such total */}
          {model.total && model.series.some((s) => s.key === 'students') && <StudentsCountedNote />}
          {suppressed && (
            <SuppressionLegend threshold={threshold} shares={model.series.some((s) => s.unit === 'share')} />
          )}
        </>
      )}
    </section>
  );
}
