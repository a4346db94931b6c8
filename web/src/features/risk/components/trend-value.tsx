import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../lib/format';

/**
 * The attendance trend: points of absence, last weeks minus the year so far (shared risk
 * engine, attendance-trend.ts: under 1 point is "stable"). Up means more absence: worse.
 */
export function TrendValue({ points }: { points: number | null }) {
  const { t, i18n } = useTranslation();
  if (points === null) return <>{t('common.none')}</>;
  const n = formatNumber(Math.abs(points), i18n.language, 1);
  const [arrow, text] =
    Math.abs(points) < 1
      ? ['→', t('risk.trend.stable')]
      : points > 0
        ? ['↑', t('risk.trend.up', { n })]
        : ['↓', t('risk.trend.down', { n })];
  return (
    <span className="nowrap">
      <span aria-hidden="true" className={points >= 1 ? 'trend-worse' : undefined}>
        {arrow}{' '}
      </span>
      {text}
    </span>
  );
}
