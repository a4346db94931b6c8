import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../lib/format';

/**
 * The calibrated probability of a bad outcome beside the level (issue 18), from the model of the
 * settings version; nothing at all without a model (`null`): no "—" that would look like a gap.
 */
export function ProbabilityValue({ probability, long = false }: { probability: number | null; long?: boolean }) {
  const { t, i18n } = useTranslation();
  if (probability === null) return null;
  const pct = `${formatNumber(probability * 100, i18n.language)} %`;
  if (long) return <span className="probability">{t('riskList.probabilityLong', { pct })}</span>;
  return (
    <span className="probability">
      <span aria-hidden="true">{pct}</span>
      <span className="visually-hidden">{t('riskList.probabilityLong', { pct })}</span>
    </span>
  );
}
