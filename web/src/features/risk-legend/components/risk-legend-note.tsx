import type { RiskTier } from '@primm/shared/contracts/risk';
import { useTranslation } from 'react-i18next';
import { formatDate, formatNumber } from '../../../lib/format';
import { useRiskLegend } from '../api/get-risk-legend';
import { legendFraction } from '../legend-fraction';

const ALL_LEVELS: readonly RiskTier[] = [1, 2, 3];

/**
 * The legend beside a risk list or a student's level (issue 18): what each level meant in the
 * region's latest saved backtest ("Livello 3: nel 2024/25, 6 studenti su 10 con questi segnali
 * non sono stati ammessi o hanno lasciato"), or that the levels are not validated yet. `levels`
 * picks the lines (the student page shows the student's own). Nothing while it loads: the list
 * beside it is what the reader came for.
 */
export function RiskLegendNote({ levels = ALL_LEVELS }: { levels?: readonly RiskTier[] }) {
  const { t, i18n } = useTranslation();
  const legend = useRiskLegend();

  if (legend.isPending) return null;
  if (legend.isError) {
    return <p className="risk-legend-note risk-legend-unavailable">{t('riskLegend.unavailable')}</p>;
  }
  if (!legend.data.validated) {
    return (
      <aside className="risk-legend-note" aria-label={t('riskLegend.label')}>
        <p>{t('riskLegend.notValidated')}</p>
      </aside>
    );
  }

  const { schoolYear: year, asOf, students } = legend.data;
  const lineOf = (level: RiskTier) => {
    const row = legend.data.validated ? legend.data.levels.find((l) => l.level === level) : undefined;
    if (!row || row.badRate === null) return t('riskLegend.tooFew', { level, year });
    const fraction = legendFraction(row.badRate);
    const who = level === 1 ? 'atLevel' : 'signals';
    return 'lessThan' in fraction
      ? t(`riskLegend.lessThan.${who}`, { level, year })
      : t(`riskLegend.rate.${who}`, { level, year, count: fraction.count, of: fraction.of });
  };
  return (
    <aside className="risk-legend-note" aria-label={t('riskLegend.label')}>
      <ul>
        {levels.map((level) => (
          <li key={level}>{lineOf(level)}</li>
        ))}
      </ul>
      <p className="risk-legend-source">
        {t('riskLegend.source', {
          year,
          students: formatNumber(students, i18n.language),
          date: formatDate(asOf, i18n.language),
        })}
      </p>
    </aside>
  );
}
