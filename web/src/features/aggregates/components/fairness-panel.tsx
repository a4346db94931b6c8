import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FairnessTable } from '@primm/shared/contracts/aggregates';
import { useFairness } from '../api/get-fairness';
import { ChartPanel } from './chart-panel';
import { withPreviousYear } from './compare-chart-data';
import { fairnessChart } from './fairness-chart-data';
import { csvFileName } from './regional-filters';
import { QueryState } from './query-state';
import { useShapeText } from './use-shape-text';
import { usePreviousLabel, YearOnYearToggle } from './year-on-year-toggle';

/**
 * Whether the indicators treat groups alike: shares by citizenship group and sex and, once final
 * outcomes exist, false positive and negative rates. Only the year applies (the server's report);
 * like the other tabs, it can set the previous year at the same date beside it (issue 20).
 */
export function FairnessPanel({ year }: { year: string | undefined }) {
  const { t } = useTranslation();
  const byGroup = useShapeText(t('regional.dimension.citizenshipGroup'));
  const bySex = useShapeText(t('regional.dimension.sex'));
  const [compare, setCompare] = useState(false);
  const previousLabel = usePreviousLabel();
  const query = useFairness(year, true, compare);
  const panel = (key: string) => ({
    title: t(`regional.charts.${key}.title`),
    fileName: csvFileName(t(`regional.charts.${key}.file`), { year }),
  });

  return (
    <section aria-labelledby="fairness-heading" className="section">
      <h2 id="fairness-heading">{t('regional.fairness.heading')}</h2>
      <p>{t('regional.fairness.intro')}</p>
      <div className="callout callout-info">
        <p className="callout-title">{t('regional.fairness.whyTitle')}</p>
        <p>{t('regional.fairness.why')}</p>
      </div>
      <QueryState query={query}>
        {(report) => {
          const model = (dimension: 'citizenshipGroup' | 'sex', text: typeof byGroup) => {
            const build = (r: FairnessTable) => fairnessChart(r, dimension, text);
            return compare ? withPreviousYear(report, build, previousLabel) : build(report);
          };
          return (
            <>
              <YearOnYearToggle compare={compare} onChange={setCompare} result={report} />
              {report.outcomesAvailable ? (
                <ul className="hint">
                  <li>{t('regional.fairness.fp')}</li>
                  <li>{t('regional.fairness.fn')}</li>
                </ul>
              ) : (
                <div className="callout callout-warning" role="note">
                  <p className="callout-title">{t('regional.fairness.noOutcomesTitle')}</p>
                  <p>{t('regional.fairness.noOutcomes', { year: report.year })}</p>
                </div>
              )}
              <p className="hint">{t('regional.fairness.suppressed', { threshold: report.threshold })}</p>
              <div className="panel-grid">
                <ChartPanel
                  {...panel('fairnessCitizenship')}
                  model={model('citizenshipGroup', byGroup)}
                  threshold={report.threshold}
                />
                <ChartPanel {...panel('fairnessSex')} model={model('sex', bySex)} threshold={report.threshold} />
              </div>
            </>
          );
        }}
      </QueryState>
    </section>
  );
}
