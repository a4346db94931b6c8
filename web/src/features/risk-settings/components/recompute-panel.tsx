import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { LoadingStatus } from '../../../components/loading-status';
import { formatNumber } from '../../../lib/format';
import { useRecomputeRisk } from '../api/recompute-risk';
import { LevelMoves } from './level-moves';

/**
 * The regional recompute, run on request: the server answers only when it is done (tens of
 * seconds on a whole region), so the page says so, keeps the button disabled and marks the
 * result area busy until the summary arrives; then focus moves to it.
 */
export function RecomputePanel() {
  const { t, i18n } = useTranslation();
  const recompute = useRecomputeRisk();
  const summaryRef = useRef<HTMLDivElement>(null);
  const n = (value: number, digits = 0) => formatNumber(value, i18n.language, digits);

  useEffect(() => {
    if (recompute.isSuccess) summaryRef.current?.focus();
  }, [recompute.isSuccess]);

  return (
    <section aria-labelledby="recompute-heading" className="form-card">
      <h2 id="recompute-heading">{t('riskSettings.recompute.title')}</h2>
      <p id="recompute-hint">{t('riskSettings.recompute.hint')}</p>
      <div className="field-actions">
        <button
          type="button"
          className="btn btn-primary"
          aria-describedby="recompute-hint"
          disabled={recompute.isPending}
          onClick={() => recompute.mutate()}
        >
          {t('riskSettings.recompute.button')}
        </button>
      </div>
      {recompute.isPending && <LoadingStatus label={t('riskSettings.recompute.running')} />}
      <div aria-busy={recompute.isPending}>
        {recompute.isError && <ErrorAlert error={recompute.error} onRetry={() => recompute.mutate()} />}
        {recompute.isSuccess && (
          <div role="status" tabIndex={-1} ref={summaryRef} className="callout callout-success">
            <p className="callout-title">
              {t('riskSettings.recompute.done', { seconds: n(recompute.data.ms / 1000, 1) })}
            </p>
            <dl className="inline-facts">
              <dt>{t('riskSettings.recompute.students')}</dt>
              <dd>{n(recompute.data.students)}</dd>
              <dt>{t('riskSettings.recompute.written')}</dt>
              <dd>{n(recompute.data.written)}</dd>
              <dt>{t('riskSettings.recompute.unchanged')}</dt>
              <dd>{n(recompute.data.unchanged)}</dd>
              <dt>{t('riskSettings.recompute.tierChanged')}</dt>
              <dd>{n(recompute.data.tierChanged)}</dd>
            </dl>
            <LevelMoves moves={recompute.data.moves} />
          </div>
        )}
      </div>
    </section>
  );
}
