import { useTranslation } from 'react-i18next';
import type { RiskIndicatorSummary } from '@primm/shared/contracts/risk';

/** Colour is never the only cue (WCAG 1.4.1): each level has its own icon and the level in words. */
export const levelIcon = { ok: '✓', attention: '!', high: '▲' } as const;

/**
 * A small chip per indicator that signals. Not a tab stop (issue 19: 66 presses to reach the 14th
 * student): its sentence is in the row's details (RiskRowLink) and on the student's page.
 */
export function IndicatorBadge({ indicator }: { indicator: RiskIndicatorSummary }) {
  const { t } = useTranslation();
  return (
    <span className={`chip level-badge level-${indicator.level}`}>
      <span aria-hidden="true">{levelIcon[indicator.level]}</span> {t(`risk.indicatorShort.${indicator.key}`)}
      <span className="visually-hidden">
        {' '}
        ({t(`risk.indicator.${indicator.key}`)}: {t(`risk.level.${indicator.level}`)})
      </span>
    </span>
  );
}
