import { useTranslation } from 'react-i18next';
import { useAggregateHistory } from '../api/get-history';
import { ChartPanel } from './chart-panel';
import { historyChart } from './history-chart-data';
import { QueryState } from './query-state';
import { useShapeText } from './use-shape-text';
import { usePreviousLabel } from './year-on-year-toggle';

/**
 * The printable regional report's trend over the school years kept (issue 22): each year as its
 * latest frozen snapshot left it, published under the snapshots' rules (the server's answer).
 * It has no year-on-year comparison of its own: it already sets every year kept side by side.
 */
export function RegionHistory({ compare = false }: { compare?: boolean }) {
  const { t } = useTranslation();
  const text = useShapeText(t('reportHistory.rowHeader'));
  const yearLabel = usePreviousLabel();
  const query = useAggregateHistory();
  return (
    <section aria-labelledby="report-history" className="report-section">
      <h2 id="report-history">{t('reportHistory.heading')}</h2>
      <QueryState query={query}>
        {(history) =>
          history.years.length === 0 ? (
            <p>{t('reportHistory.empty')}</p>
          ) : (
            <>
              <p className="hint">{t('reportHistory.intro')}</p>
              <ChartPanel
                title={t('reportHistory.title')}
                fileName={t('reportHistory.file')}
                level={3}
                model={historyChart(history, text, yearLabel)}
                threshold={history.years[0]!.threshold}
                printTable
              />
              {compare && <p className="hint">{t('reportHistory.notCompared')}</p>}
            </>
          )
        }
      </QueryState>
    </section>
  );
}
