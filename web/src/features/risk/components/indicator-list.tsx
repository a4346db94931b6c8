import { useTranslation } from 'react-i18next';
import type { StudentRisk } from '@primm/shared/contracts/risk';
import { wordExplanation } from '../../../lib/word-message';
import { levelIcon } from './indicator-badge';

type Indicator = StudentRisk['indicators'][number];

/** Every indicator with its level (icon and words, not colour alone) and the sentence that explains it; `label` names the list. */
export function IndicatorList({ indicators, label }: { indicators: Indicator[]; label?: string }) {
  const { t } = useTranslation();
  return (
    <ul className="indicator-list" aria-label={label}>
      {indicators.map((i) => (
        <li key={i.key} className={`indicator level-${i.level}`}>
          <p className="indicator-name">
            <span aria-hidden="true" className="level-icon">
              {levelIcon[i.level]}
            </span>{' '}
            {t(`risk.indicator.${i.key}`)}: <span className="indicator-level">{t(`risk.level.${i.level}`)}</span>
          </p>
          <p className="indicator-explanation">{wordExplanation(t, i.explanationKey, i.explanationParams)}</p>
        </li>
      ))}
    </ul>
  );
}
