import { useTranslation } from 'react-i18next';
import type { StudentRisk } from '@primm/shared/contracts/risk';
import { formatDate } from '../../../lib/format';
import { wordExplanation } from '../../../lib/word-message';

/** The level as computed and as reviewed, and why: the engine's explanation and the reasons behind it, in the reader's language. */
export function RiskSummary({ risk }: { risk: StudentRisk }) {
  const { t, i18n } = useTranslation();
  const overridden = risk.tier !== risk.computedTier;
  return (
    <section aria-labelledby="risk-summary-heading" className={`risk-summary tier-border-${risk.tier}`}>
      <h2 id="risk-summary-heading">{t('risk.summary.title')}</h2>
      <dl className="facts">
        <div>
          <dt>{t('risk.summary.computed')}</dt>
          <dd>{t('risk.tierN', { tier: risk.computedTier })}</dd>
        </div>
        <div>
          <dt>{t('risk.summary.effective')}</dt>
          <dd>
            {t('risk.tierN', { tier: risk.tier })}
            {overridden && ` (${t('risk.summary.overridden')})`}
          </dd>
        </div>
        <div>
          <dt>{t('risk.summary.asOf')}</dt>
          <dd>{formatDate(risk.asOf, i18n.language)}</dd>
        </div>
      </dl>
      {risk.review && (
        <p>
          {t('risk.summary.lastReview', {
            action: t(`risk.review.action.${risk.review.action}`),
            by: risk.review.by,
            reason: risk.review.reason,
          })}
        </p>
      )}
      <p>
        <strong>{t('risk.summary.why')}</strong> {wordExplanation(t, risk.tierExplanationKey, risk.tierExplanationParams)}
      </p>
      {risk.reasons.length > 0 && (
        <ul>
          {risk.reasons.map((r) => (
            <li key={r.key}>
              {t(`risk.indicator.${r.key}`)} ({t(`risk.level.${r.level}`)}): {wordExplanation(t, r.explanationKey, r.explanationParams)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
