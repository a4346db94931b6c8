import { useTranslation } from 'react-i18next';

/**
 * Says what `<10` and `n.d.` mean wherever one is shown (DESIGN.md "Aggregates"), and that the
 * published counts carry a small consistent noise (docs/privacy.md "Aggregati").
 */
export function SuppressionLegend({ threshold, shares }: { threshold: number; shares: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="suppression-legend">
      <p className="suppression-legend-title">{t('regional.legend.title')}</p>
      <ul>
        <li>{t('regional.legend.small', { threshold })}</li>
        <li>{t('regional.legend.hidden', { threshold })}</li>
        <li>{t('regional.legend.noise')}</li>
        {shares && <li>{t('regional.legend.share')}</li>}
      </ul>
    </div>
  );
}
