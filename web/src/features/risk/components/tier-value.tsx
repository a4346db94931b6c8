import { useTranslation } from 'react-i18next';
import type { RiskReview, RiskTier } from '@primm/shared/contracts/risk';
import { Tooltip } from '../../../components/tooltip';

type Props = { computedTier: RiskTier; tier: RiskTier; review: RiskReview | null };

/** The computed tier, and next to it the human override (`2 → 3`) with its reason on hover and focus. */
export function TierValue({ computedTier, tier, review }: Props) {
  const { t } = useTranslation();
  if (tier === computedTier) {
    return <span className={`tier tier-${tier}`}>{t('risk.tierN', { tier })}</span>;
  }
  return (
    <Tooltip className={`tier tier-${tier}`} content={t('risk.overrideReason', { reason: review?.reason ?? '', by: review?.by ?? '' })}>
      <span aria-hidden="true">
        {computedTier} → {tier}
      </span>
      <span className="visually-hidden">{t('risk.overriddenLabel', { computed: computedTier, tier })}</span>
    </Tooltip>
  );
}
