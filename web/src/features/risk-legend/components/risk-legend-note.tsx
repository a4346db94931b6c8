import { useTranslation } from 'react-i18next';
import type { LegendLevel } from '@primm/shared/contracts/risk-legend';
import { formatNumber } from '../../../lib/format';
import { useRiskLegend } from '../api/get-risk-legend';

/**
 * What each level meant on the latest backtest (issue 18), beside a risk list and on the student
 * page; without a backtest, that the levels are not validated on the region's data yet. A legend
 * is secondary: while it loads or if it fails, the list stands without it.
 *
 * Minimal version written by the teacher-screens helper to lay out and test the pages; the
 * backtest helper builds the full one in parallel (the coordinator keeps one).
 */
export function RiskLegendNote() {
  const { t, i18n } = useTranslation();
  const legend = useRiskLegend();
  if (!legend.data) return null;
  const pct = (v: number) => `${formatNumber(v * 100, i18n.language)} %`;
  const line = (l: LegendLevel) =>
    l.badRate === null || l.n === null
      ? t('riskLegendNote.levelSuppressed', { level: l.level })
      : t('riskLegendNote.level', { level: l.level, rate: pct(l.badRate), low: pct(l.ciLow ?? l.badRate), high: pct(l.ciHigh ?? l.badRate), n: formatNumber(l.n, i18n.language) });

  return (
    <aside className="risk-legend" aria-labelledby="risk-legend-title">
      <p id="risk-legend-title" className="risk-legend-title">
        {t('riskLegendNote.title')}
      </p>
      {legend.data.validated ? (
        <>
          <ul className="risk-legend-levels">
            {legend.data.levels.toSorted((a, b) => b.level - a.level).map((l) => (
              <li key={l.level} className={`tier-${l.level}`}>
                {line(l)}
              </li>
            ))}
          </ul>
          <p className="hint">{t('riskLegendNote.source', { year: legend.data.schoolYear, students: formatNumber(legend.data.students, i18n.language) })}</p>
        </>
      ) : (
        <p className="hint">{t('riskLegendNote.notValidated')}</p>
      )}
    </aside>
  );
}
