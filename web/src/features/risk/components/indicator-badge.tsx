import { useTranslation } from 'react-i18next';
import type { RiskIndicatorSummary } from '@primm/shared/contracts/risk';
import { Tooltip } from '../../../components/tooltip';
import { wordExplanation } from '../../../lib/word-message';

/** Colour is never the only cue (WCAG 1.4.1): each level has its own icon and the level in words. */
export const levelIcon = { ok: '✓', attention: '!', high: '▲' } as const;

/** A small badge per indicator; its explaining sentence shows on hover and on keyboard focus. */
export function IndicatorBadge({ indicator }: { indicator: RiskIndicatorSummary }) {
  const { t } = useTranslation();
  return (
    <Tooltip className={`level-badge level-${indicator.level}`} content={wordExplanation(t, indicator.explanationKey, indicator.explanationParams)}>
      <span aria-hidden="true">{levelIcon[indicator.level]}</span> {t(`risk.indicatorShort.${indicator.key}`)}
      <span className="visually-hidden">
        {' '}
        ({t(`risk.indicator.${indicator.key}`)}: {t(`risk.level.${indicator.level}`)})
      </span>
    </Tooltip>
  );
}
