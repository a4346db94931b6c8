import { useTranslation } from 'react-i18next';
import type { RiskTier } from '@primm/shared/contracts/risk';

type Props = { computedTier: RiskTier; tier: RiskTier };

/**
 * The computed level, and next to it the human override (`2 → 3`). Not a tab stop: in a list the
 * row's name carries the override's reason (RiskRowLink), on the student page the summary does.
 */
export function TierValue({ computedTier, tier }: Props) {
  const { t } = useTranslation();
  if (tier === computedTier) {
    return <span className={`tier tier-${tier}`}>{t('risk.tierN', { tier })}</span>;
  }
  return (
    <span className={`tier tier-${tier}`}>
      <span aria-hidden="true">
        {t('risk.tierN', { tier: computedTier })} → {tier}
      </span>
      <span className="visually-hidden">{t('risk.overriddenLabel', { computed: computedTier, tier })}</span>
    </span>
  );
}
