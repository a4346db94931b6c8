import { useTranslation } from 'react-i18next';
import type { RiskReview } from '@primm/shared/contracts/risk';
import { formatDateTime } from '../../../lib/format';

/** Every review on record, newest first: the computed level the reviewer saw stays next to the decision. */
export function ReviewHistory({ reviews }: { reviews: RiskReview[] }) {
  const { t, i18n } = useTranslation();
  return (
    <>
      {reviews.length === 0 ? (
        <p className="empty-state">{t('risk.review.historyEmpty')}</p>
      ) : (
        <ol className="timeline" aria-label={t('risk.review.historyTitle')}>
          {reviews.map((r) => (
            <li key={`${r.at}-${r.by}`}>
              <p className="timeline-head">
                {formatDateTime(r.at, i18n.language)} – {r.by}: <strong>{t(`risk.review.action.${r.action}`)}</strong>{' '}
                {r.action === 'override' && r.tier !== null
                  ? t('risk.review.tierChange', { computed: r.computedTier, tier: r.tier })
                  : t('risk.review.tierSeen', { computed: r.computedTier })}
              </p>
              <p>{r.reason}</p>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
